/** Reads a definition given as a JSON string or object. */
import type { Diagnostic } from "../model/types";
import { JsonSyntaxError, JsonTooDeepError, parseJson } from "./json";

/** Step Functions' limit on a definition's size. */
export const MAX_DEFINITION_BYTES = 1_048_576;

/**
 * Deepest nesting of objects and arrays the analysis accepts. Real definitions stay far below
 * it; beyond it the recursive checks would run out of stack.
 */
export const MAX_DEFINITION_DEPTH = 256;

export type Parsed = { definition: Record<string, unknown>; errors: Diagnostic[] } | { definition?: undefined; errors: Diagnostic[] };

const documentError = (rule: string, message: string): Diagnostic => ({ severity: "error", rule, state: null, message });

const tooDeep = () =>
  documentError(
    "definition-too-large",
    `the definition nests objects and arrays more than ${MAX_DEFINITION_DEPTH} levels deep; flatten it`,
  );

/** A key written twice in one object: JSON.parse keeps the last silently, Step Functions refuses the definition. */
function duplicateKey({
  pointer,
  key,
  position,
}: {
  pointer: string;
  key: string;
  position: { line: number; column: number };
}): Diagnostic {
  const where = `line ${position.line}, column ${position.column}`;
  const inStates = /(^|\/)States\/[^/]*$/.test(pointer);
  return {
    severity: "error",
    rule: "duplicate-key",
    state: null,
    message: inStates
      ? `two states are named "${key}" (the second at ${where}); only the last would be kept: rename or remove one`
      : `"${key}" appears twice in the same object (the second at ${where}); only the last would be kept: remove one`,
    location: pointer,
  };
}

/** Parses text with duplicate-key detection; `errors` gets what is wrong with it. */
function parseText(text: string, errors: Diagnostic[]): { value?: unknown } {
  try {
    const parsed = parseJson(text, { maxDepth: MAX_DEFINITION_DEPTH });
    errors.push(...parsed.duplicates.map(duplicateKey));
    return { value: parsed.value };
  } catch (error) {
    if (error instanceof JsonTooDeepError) errors.push(tooDeep());
    else if (error instanceof JsonSyntaxError)
      errors.push(documentError("invalid-json", `the definition is not valid JSON: ${error.message}`));
    else throw error;
    return {};
  }
}

/** Nesting depth of a parsed JSON value, measured without recursion; stops counting past `limit`. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop() as { node: unknown; depth: number };
    if (typeof node !== "object" || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) pending.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

export function parseDefinition(input: unknown): Parsed {
  let text: string;
  if (typeof input === "string") {
    text = input;
  } else {
    // An object is analysed as the JSON Step Functions would receive: undefined and functions
    // dropped, NaN and Infinity as null, toJSON applied. It cannot have duplicate keys.
    try {
      text = JSON.stringify(input) ?? "";
    } catch (error) {
      return { errors: [documentError("invalid-json", `the definition cannot be written as JSON: ${(error as Error).message}`)] };
    }
  }
  // Step Functions rejects it before anything else: the other checks wait until it fits, and a
  // definition of many megabytes (hundreds of thousands of states) is not analysed for nothing.
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_DEFINITION_BYTES) {
    const message = `the definition is ${bytes} bytes; Step Functions accepts at most ${MAX_DEFINITION_BYTES} (1 MiB): move large constants out of the definition`;
    return { errors: [documentError("definition-too-large", message)] };
  }
  const errors: Diagnostic[] = [];
  let value: unknown;
  if (typeof input === "string") {
    const parsed = parseText(text, errors);
    if (!("value" in parsed)) return { errors };
    value = parsed.value;
  } else {
    value = text === "" ? undefined : JSON.parse(text);
    if (depthOf(value, MAX_DEFINITION_DEPTH) > MAX_DEFINITION_DEPTH) return { errors: [tooDeep()] };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { errors: [...errors, documentError("invalid-json", "the definition must be a JSON object with StartAt and States")] };
  }
  return { definition: value as Record<string, unknown>, errors };
}
