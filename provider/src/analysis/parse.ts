/** Reads a definition given as a JSON string or object. */
import type { Diagnostic } from "./types";

/** Step Functions' limit on a definition's size. */
export const MAX_DEFINITION_BYTES = 1_048_576;

export type Parsed = { definition: Record<string, unknown>; errors: Diagnostic[] } | { definition?: undefined; errors: Diagnostic[] };

const documentError = (rule: string, message: string): Diagnostic => ({ severity: "error", rule, state: null, message });

export function parseDefinition(input: unknown): Parsed {
  let value = input;
  let text: string;
  if (typeof input === "string") {
    text = input;
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { errors: [documentError("invalid-json", `the definition is not valid JSON: ${(error as Error).message}`)] };
    }
  } else {
    try {
      text = JSON.stringify(input) ?? "";
    } catch (error) {
      return { errors: [documentError("invalid-json", `the definition cannot be written as JSON: ${(error as Error).message}`)] };
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { errors: [documentError("invalid-json", "the definition must be a JSON object with StartAt and States")] };
  }
  const errors: Diagnostic[] = [];
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DEFINITION_BYTES) {
    errors.push(
      documentError(
        "definition-too-large",
        `the definition is ${bytes} bytes; Step Functions accepts at most ${MAX_DEFINITION_BYTES} (1 MiB): move large constants out of the definition`,
      ),
    );
  }
  return { definition: value as Record<string, unknown>, errors };
}
