/** Reads a definition given as a JSON string or object. */
import type { Diagnostic } from "../model/types";

/** Step Functions' limit on a definition's size. */
export const MAX_DEFINITION_BYTES = 1_048_576;

/**
 * Deepest nesting of objects and arrays the analysis accepts. Real definitions stay far below
 * it; beyond it the recursive checks would run out of stack.
 */
export const MAX_DEFINITION_DEPTH = 256;

export type Parsed = { definition: Record<string, unknown>; errors: Diagnostic[] } | { definition?: undefined; errors: Diagnostic[] };

const documentError = (rule: string, message: string): Diagnostic => ({ severity: "error", rule, state: null, message });

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
    // dropped, NaN and Infinity as null, toJSON applied.
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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message =
      typeof input === "string"
        ? `the definition is not valid JSON: ${(error as Error).message}`
        : "the definition must be a JSON object with StartAt and States";
    return { errors: [documentError("invalid-json", message)] };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { errors: [documentError("invalid-json", "the definition must be a JSON object with StartAt and States")] };
  }
  if (depthOf(value, MAX_DEFINITION_DEPTH) > MAX_DEFINITION_DEPTH) {
    const message = `the definition nests objects and arrays more than ${MAX_DEFINITION_DEPTH} levels deep; flatten it`;
    return { errors: [documentError("definition-too-large", message)] };
  }
  return { definition: value as Record<string, unknown>, errors: [] };
}
