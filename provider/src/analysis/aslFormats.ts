/**
 * The string formats asl-validator's schemas name, for the validators compiled from them
 * (tools/asl-validators): asl-path-validator's paths, ajv-formats' RFC 3339 timestamps, JSONata
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

const aslPath = (context: AslPathContext) => (value: string) => validatePath(value, context).isValid;

export const ASL_FORMATS: Record<string, (value: string) => boolean> = {
  asl_path: aslPath(AslPathContext.PATH),
  asl_ref_path: aslPath(AslPathContext.REFERENCE_PATH),
  asl_result_path: aslPath(AslPathContext.RESULT_PATH),
  asl_payload_template: aslPath(AslPathContext.PAYLOAD_TEMPLATE),
  asl_arn: (value) => !/^\$\{[^}]+\}$/.test(value),
  jsonata_string: isJsonata,
  "date-time": dateTime.validate,
};
