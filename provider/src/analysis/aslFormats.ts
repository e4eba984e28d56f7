/**
 * The string formats the structural contract (analysis/contract) names for its fields:
 * asl-path-validator's paths, ajv-formats' RFC 3339 timestamps, JSONata
 * expressions, and resource ARNs, which our own classifier checks (any string passes, except that
 * a `${Name}` placeholder matches only the schema's placeholder branch).
 */
import { fullFormats } from "ajv-formats/dist/formats";
import { validatePath } from "asl-path-validator";
import { AslPathContext } from "asl-path-validator/dist/types";
import jsonata from "jsonata";

function isJsonata(text: string): boolean {
  let body = text.trim();
  body = body.startsWith("{%") ? body.slice(2) : body;
  body = body.endsWith("%}") ? body.slice(0, -2) : body;
  try {
    jsonata(body);
    return true;
  } catch {
    return false;
  }
}

/** ajv-formats' full RFC 3339 check, the one asl-validator registers (the fast one accepts impossible dates). */
const dateTime = fullFormats["date-time"] as { validate: (value: string) => boolean };

/** Where the filter starting at `open` (`[?(`) ends (after `)]`), or -1 when its quotes or parentheses do not close. */
function filterEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open + 2; i < text.length; i += 1) {
    const char = text[i];
    if (char === "'" || char === '"') {
      const close = text.indexOf(char, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (char === "(") depth += 1;
    else if (char === ")" && --depth === 0) return text[i + 1] === "]" && i > open + 3 ? i + 2 : -1;
  }
  return -1;
}

/**
 * What Step Functions accepts in paths and intrinsic functions but asl-path-validator does not,
 * rewritten into a form that it checks the same way (the ASL specification and Step Functions'
 * path engine, Jayway JsonPath, win where the validator disagrees):
 * - any escaped character in an intrinsic function's string literal (`'a\nb'`, `'a\\b'`);
 * - a dot before a bracket (`$.[0]`, `$.a.[0]`);
 * - a filter of any Jayway predicate (comparing with another path, `&&`, `in`, ...): its quotes and
 *   parentheses must close, the rest is Jayway's to judge;
 * - several names in one bracket (`$['bucket','key']`).
 */
export function jaywayNormalised(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i];
    if (char === "'") {
      // A string literal keeps its `{}` placeholders; each escaped character becomes a plain one.
      let j = i + 1;
      while (j < value.length && value[j] !== "'") j += value[j] === "\\" ? 2 : 1;
      if (j >= value.length) return value;
      out += `'${value.slice(i + 1, j).replace(/\\[\s\S]/g, "x")}'`;
      i = j;
    } else if (char === "." && value[i + 1] === "[" && value[i - 1] !== ".") {
      // `$.[0]` is `$[0]`.
    } else if (value.startsWith("[?(", i)) {
      const end = filterEnd(value, i);
      if (end < 0) return value;
      out += "[?(@.x)]";
      i = end - 1;
    } else if (char === "[" && value[i + 1] === "'") {
      // `['a','b']` -> `['x']`: a bracket of quoted names is one name to the validator.
      const names = /^\[\s*'(?:[^'\\]|\\.)*'(?:\s*,\s*'(?:[^'\\]|\\.)*')*\s*\]/.exec(value.slice(i));
      if (!names) return value;
      out += "['x']";
      i += names[0].length - 1;
    } else out += char;
  }
  return out;
}

const aslPath = (context: AslPathContext) => (value: string) => validatePath(value, context).isValid;

/** An intrinsic function followed by whitespace (`"States.Format(...)  "`): AWS's own ASL language service takes it as valid. */
const withoutTrailingSpace = (value: string): string => (/^States\.[\s\S]*\)\s+$/.test(value) ? value.trimEnd() : value);

/** Paths Step Functions reads with Jayway: also the forms jaywayNormalised rewrites. */
const jaywayPath = (context: AslPathContext) => (value: string) =>
  validatePath(value, context).isValid || validatePath(jaywayNormalised(withoutTrailingSpace(value)), context).isValid;

export const ASL_FORMATS: Record<string, (value: string) => boolean> = {
  asl_path: jaywayPath(AslPathContext.PATH),
  asl_ref_path: aslPath(AslPathContext.REFERENCE_PATH),
  asl_result_path: aslPath(AslPathContext.RESULT_PATH),
  asl_payload_template: jaywayPath(AslPathContext.PAYLOAD_TEMPLATE),
  asl_arn: (value) => !/^\$\{[^}]+\}$/.test(value),
  jsonata_string: isJsonata,
  "date-time": dateTime.validate,
};
