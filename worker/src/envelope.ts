/** Reading the task token out of a queue message: the default envelope and the token check. */

/** What an extractor returns: the task token and what the handler gets. */
export interface Envelope<M> {
  token: string;
  message: M;
}

/** Turns a message body into an envelope; throw to reject the message. */
export type TokenExtractor<M> = (body: string) => Envelope<M>;

/** A message the worker cannot use: no readable envelope, or a token outside 1-1024 characters. */
export class InvalidMessageError extends Error {
  override name = "InvalidMessageError";
}

/** Step Functions' limit on task tokens, in characters. */
export const MAX_TOKEN_LENGTH = 1024;

/**
 * The default envelope, what `"MessageBody": { "token.$": "$$.Task.Token", ... }` produces: a JSON
 * object with a string `token`; the handler gets the other fields.
 */
export function defaultExtractor(body: string): Envelope<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new InvalidMessageError("the body is not JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new InvalidMessageError("the body is not a JSON object");
  const { token, ...message } = parsed as Record<string, unknown>;
  if (typeof token !== "string") throw new InvalidMessageError('the body has no string "token" field');
  return { token, message };
}

/** Throws InvalidMessageError unless the token is a string of 1 to 1024 characters. */
export function checkToken(token: unknown): asserts token is string {
  if (typeof token !== "string")
    throw new InvalidMessageError(`the task token is a ${token === null ? "null" : typeof token}, not a string`);
  // Characters, as AWS counts them, not UTF-16 code units.
  const length = Array.from(token).length;
  if (length < 1 || length > MAX_TOKEN_LENGTH)
    throw new InvalidMessageError(`the task token has ${length} characters; Step Functions accepts 1 to ${MAX_TOKEN_LENGTH}`);
}
