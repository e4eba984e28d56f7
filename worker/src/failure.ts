/** What goes to SendTaskFailure when a handler throws, and what goes to SendTaskSuccess when it returns. */

/** SendTaskFailure's limits, in characters. */
export const MAX_ERROR_LENGTH = 256;
export const MAX_CAUSE_LENGTH = 32_768;
/** Step Functions' payload limit (256 KiB of UTF-8) for SendTaskSuccess output. */
export const MAX_OUTPUT_BYTES = 262_144;

export interface TaskFailure {
  error: string;
  cause: string;
}

/** Cuts to `max` characters (code points, so a surrogate pair is never split); marks a cut cause with "…". */
export function truncate(text: string, max: number, marker = ""): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, max - Array.from(marker).length).join("") + marker;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * The default mapping. Error name: a string `code` property (Node's `ECONNRESET`, your own
 * `code: "OrderInvalid"`), else `name` (an Error subclass's name), else "Error". Cause: the
 * message, or the thrown value as a string when it is not an Error.
 */
export function defaultFailure(thrown: unknown): TaskFailure {
  if (typeof thrown === "object" && thrown !== null) {
    const fields = thrown as { code?: unknown; name?: unknown; message?: unknown };
    return {
      error: nonEmptyString(fields.code) ?? nonEmptyString(fields.name) ?? "Error",
      cause: typeof fields.message === "string" ? fields.message : String(thrown),
    };
  }
  return { error: "Error", cause: String(thrown) };
}

/** Fits a failure into SendTaskFailure's limits. */
export function limitFailure(failure: { error: string; cause?: string }): TaskFailure {
  return { error: truncate(failure.error, MAX_ERROR_LENGTH), cause: truncate(failure.cause ?? "", MAX_CAUSE_LENGTH, "…") };
}

/** Thrown (and so reported as a task failure) when a handler's result cannot be sent as output. */
export class OutputTooLargeError extends Error {
  override name = "OutputTooLarge";
}

/** The handler's result as SendTaskSuccess output: JSON, `null` for undefined, at most 256 KiB. */
export function serializeOutput(result: unknown): string {
  const output = JSON.stringify(result) ?? "null";
  const bytes = Buffer.byteLength(output, "utf8");
  if (bytes > MAX_OUTPUT_BYTES)
    throw new OutputTooLargeError(`the handler's result is ${bytes} bytes of JSON; Step Functions accepts at most ${MAX_OUTPUT_BYTES}`);
  return output;
}
