/**
 * What a field's value may be: a small vocabulary the contract's table (kinds.ts) is written in,
 * and the check of a value against it. Paths, intrinsic functions, timestamps and JSONata
 * expressions are recognised by aslFormats.ts.
 */
import { ASL_FORMATS } from "../aslFormats";
import type { QueryLanguage } from "../../model/walk";

/** The object kinds of the contract; kinds.ts describes each one. */
export type KindName =
  | "StateMachine"
  | "Branch"
  | "ItemProcessor"
  | "ProcessorConfig"
  | "Task"
  | "Pass"
  | "Choice"
  | "Wait"
  | "Succeed"
  | "Fail"
  | "Parallel"
  | "Map"
  | "Retrier"
  | "Catcher"
  | "ChoiceRule"
  | "NestedChoiceRule"
  | "ItemReader"
  | "ReaderConfig"
  | "ItemBatcher"
  | "ResultWriter"
  | "WriterConfig"
  | "Credentials";

export type Value =
  | { type: "string"; min?: number; max?: number }
  | { type: "enum"; values: readonly string[] }
  | { type: "boolean" }
  | { type: "integer" | "number"; min?: number; max?: number }
  /** JSONPath paths: `path` (InputPath, OutputPath), `reference` (one node), `result` (ResultPath). */
  | { type: "path"; format: "path" | "reference" | "result"; nullable?: boolean }
  /** A reference path or an intrinsic function that returns a string (Fail's ErrorPath and CausePath). */
  | { type: "stringPath" }
  /** A path or an intrinsic function, as a `.$` field of a payload template holds. */
  | { type: "dynamic" }
  | { type: "timestamp" }
  /** A `{% ... %}` JSONata string. */
  | { type: "jsonata" }
  /** A JSONPath payload template: an object whose `.$` fields hold paths or intrinsic functions. */
  | { type: "template" }
  /**
   * A JSONata-state value: JSON whose `{% %}` strings are valid JSONata; `shape` is the JSON type it
   * must have unless it is itself a JSONata string.
   */
  | { type: "jsonataValue"; shape?: "object" | "array" | "string" | "boolean" }
  /** An Assign object: variable names to values (JSONPath: template values; JSONata: JSONata values). */
  | { type: "assign" }
  | { type: "object"; kind: KindName }
  /** A nested state machine (a branch, an item processor): an object whose fields are checked with its states. */
  | { type: "machine" }
  | { type: "array"; items: Value; nonEmpty?: boolean }
  | { type: "either"; options: readonly Value[] }
  /** A Retrier's or Catcher's ErrorEquals. */
  | { type: "errorEquals" }
  /** Retry or Catch: objects of the kind, `States.ALL` only in the last. */
  | { type: "handlers"; kind: "Retrier" | "Catcher"; quote: "retrierAll" | "catcherAll" }
  /** A Map's Label (Distributed Map run names). */
  | { type: "label" }
  | { type: "any" };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Intrinsic functions whose result is a string (States Language, Appendix B). */
const STRING_INTRINSICS = ["ArrayGetItem", "Base64Encode", "Base64Decode", "Format", "JsonToString", "Hash", "UUID"];
const STRING_INTRINSIC = new RegExp(`^States\\.(?:${STRING_INTRINSICS.join("|")})\\(`);

export const isJsonataString = (value: unknown): value is string =>
  typeof value === "string" && value.trimStart().startsWith("{%") && value.trimEnd().endsWith("%}");

// Control characters are matched by their general category (Cc), which is the guide's two ranges.
const LABEL_FORBIDDEN = /[\s?*<>{}[\]:;,\\|^~$#%&`"\p{Cc}]/u;
export const LABEL_MAX = 40;

const range = (min?: number, max?: number) =>
  min !== undefined && max !== undefined
    ? ` from ${min} to ${max}`
    : min !== undefined
      ? ` of at least ${min}`
      : max !== undefined
        ? ` of at most ${max}`
        : "";

/** The value's requirement, in words: `an integer from 1 to 99999999`. */
export function describe(value: Value): string {
  switch (value.type) {
    case "string":
      return value.min !== undefined || value.max !== undefined
        ? `a string of${range(value.min, value.max).replace(/^ of| from/, "")} characters`
        : "a string";
    case "enum":
      return value.values.length === 1
        ? JSON.stringify(value.values[0])
        : `one of ${value.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "boolean":
      return "true or false";
    case "integer":
      return `an integer${range(value.min, value.max)}`;
    case "number":
      return `a number${range(value.min, value.max)}`;
    case "path": {
      const name = {
        path: "a JSONPath path",
        reference: "a JSONPath reference path",
        result: "a JSONPath result path (a reference path, not $$...)",
      }[value.format];
      return value.nullable ? `${name} or null` : name;
    }
    case "stringPath":
      return `a reference path or an intrinsic function that returns a string (${STRING_INTRINSICS.map((name) => `States.${name}`).join(", ")})`;
    case "dynamic":
      return "a JSONPath path or intrinsic function";
    case "timestamp":
      return "an RFC 3339 timestamp such as 2016-03-14T01:59:00Z";
    case "jsonata":
      return "a JSONata expression {% ... %}";
    case "template":
      return "a JSON object (a payload template)";
    case "jsonataValue":
      return value.shape === undefined ? "JSON or a JSONata expression" : `${article(value.shape)} or a JSONata expression {% ... %}`;
    case "assign":
    case "object":
    case "machine":
      return "a JSON object";
    case "array":
      return value.nonEmpty ? "a non-empty array" : "an array";
    case "either":
      return value.options.map(describe).join(" or ");
    case "errorEquals":
      return "a non-empty array of error names";
    case "handlers":
      return "an array of objects";
    case "label":
      return `a string of 1 to ${LABEL_MAX} characters without whitespace, ? * < > { } [ ] : ; , \\ | ^ ~ $ # % & \` " or control characters`;
    case "any":
      return "any JSON value";
  }
}

function article(shape: "object" | "array" | "string" | "boolean"): string {
  return { object: "a JSON object", array: "an array", string: "a string", boolean: "true or false" }[shape];
}

/** A problem found inside a value: where below the field, and what. */
export interface ValueProblem {
  at: Array<string | number>;
  message: string;
  /** The sentence it breaks, when not the field's own. */
  quote?: "retrierAll" | "catcherAll" | "variableName" | "duplicateFieldNames" | "jsonataString";
  /** The rule id, when not the contract's default. */
  rule?: string;
}

/** A nested object the caller checks against its kind (Retriers, Choice Rules, configurations). */
export interface NestedObject {
  at: Array<string | number>;
  kind: KindName;
  value: Record<string, unknown>;
}

export const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const VARIABLE_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const VARIABLE_NAME_MAX = 80;

/** Checks JSONata strings anywhere inside a JSON value. */
function jsonataStrings(value: unknown, at: Array<string | number>, problems: ValueProblem[]): void {
  if (typeof value === "string") {
    if (isJsonataString(value) && !ASL_FORMATS.jsonata_string(value)) {
      problems.push({ at, message: `${show(value)} is not a valid JSONata expression`, quote: "jsonataString" });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => jsonataStrings(item, [...at, i], problems));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) jsonataStrings(item, [...at, key], problems);
  }
}

/** A JSONPath payload template's `.$` fields, however deeply nested, and fields that clash once `.$` is stripped. */
function templateFields(value: unknown, at: Array<string | number>, problems: ValueProblem[]): void {
  if (Array.isArray(value)) value.forEach((item, i) => templateFields(item, [...at, i], problems));
  if (!isObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key.endsWith(".$")) {
      if (item !== null && !(typeof item === "string" && ASL_FORMATS.asl_payload_template(item))) {
        problems.push({ at: [...at, key], message: `${show(item)} is not ${describe({ type: "dynamic" })}` });
      }
      if (Object.prototype.hasOwnProperty.call(value, key.slice(0, -2))) {
        problems.push({
          at,
          message: `"${key.slice(0, -2)}" and "${key}" are the same field once ".$" is stripped; keep one`,
          quote: "duplicateFieldNames",
          rule: "asl-structure",
        });
      }
    } else {
      templateFields(item, [...at, key], problems);
    }
  }
}

function assignFields(value: Record<string, unknown>, language: QueryLanguage, at: Array<string | number>, problems: ValueProblem[]): void {
  for (const key of Object.keys(value)) {
    const name = language === "JSONPath" && key.endsWith(".$") ? key.slice(0, -2) : key;
    if (name === "states") {
      problems.push({ at: [...at, key], message: `"states" is reserved; a state cannot assign it`, quote: "variableName" });
    } else if (!VARIABLE_NAME.test(name) || [...name].length > VARIABLE_NAME_MAX) {
      problems.push({
        at: [...at, key],
        message: `"${name}" is not a variable name: start with a letter or _, continue with letters, digits or _, at most ${VARIABLE_NAME_MAX} characters`,
        quote: "variableName",
      });
    }
  }
  if (language === "JSONPath") templateFields(value, at, problems);
  else jsonataStrings(value, at, problems);
}

/** Whether the value has the JSON type `shape`. */
function hasShape(value: unknown, shape: "object" | "array" | "string" | "boolean"): boolean {
  if (shape === "object") return isObject(value);
  if (shape === "array") return Array.isArray(value);
  return typeof value === shape;
}

/**
 * Checks a value against its requirement. Problems found in it go to `problems`; nested objects
 * of a contract kind go to `nested`, for the caller to check against their kind.
 */
export function checkValue(
  spec: Value,
  value: unknown,
  language: QueryLanguage,
  at: Array<string | number>,
  problems: ValueProblem[],
  nested: NestedObject[],
): void {
  const fail = () => problems.push({ at, message: `${show(value)} is not ${describe(spec)}` });
  switch (spec.type) {
    case "string": {
      const length = typeof value === "string" ? [...value].length : -1;
      if (length < 0 || (spec.min !== undefined && length < spec.min) || (spec.max !== undefined && length > spec.max)) fail();
      return;
    }
    case "enum":
      if (!spec.values.includes(value as string)) fail();
      return;
    case "boolean":
      if (typeof value !== "boolean") fail();
      return;
    case "integer":
    case "number":
      if (
        typeof value !== "number" ||
        (spec.type === "integer" && !Number.isInteger(value)) ||
        (spec.min !== undefined && value < spec.min) ||
        (spec.max !== undefined && value > spec.max)
      )
        fail();
      return;
    case "path": {
      if (value === null && spec.nullable) return;
      const format = { path: ASL_FORMATS.asl_path, reference: ASL_FORMATS.asl_ref_path, result: ASL_FORMATS.asl_result_path }[spec.format];
      if (typeof value !== "string" || !format(value)) fail();
      return;
    }
    case "stringPath":
      if (typeof value !== "string") return void fail();
      if (
        value.startsWith("$")
          ? !ASL_FORMATS.asl_ref_path(value)
          : !(STRING_INTRINSIC.test(value) && ASL_FORMATS.asl_payload_template(value))
      )
        fail();
      return;
    case "dynamic":
      if (typeof value !== "string" || !ASL_FORMATS.asl_payload_template(value)) fail();
      return;
    case "timestamp":
      if (typeof value !== "string" || !ASL_FORMATS["date-time"](value)) fail();
      return;
    case "jsonata":
      if (!isJsonataString(value) || !ASL_FORMATS.jsonata_string(value)) fail();
      return;
    case "template":
      if (!isObject(value)) return void fail();
      templateFields(value, at, problems);
      return;
    case "jsonataValue":
      if (spec.shape !== undefined && !isJsonataString(value) && !hasShape(value, spec.shape)) return void fail();
      jsonataStrings(value, at, problems);
      return;
    case "assign":
      if (!isObject(value)) return void fail();
      assignFields(value, language, at, problems);
      return;
    case "object":
      if (!isObject(value)) return void fail();
      nested.push({ at, kind: spec.kind, value });
      return;
    case "machine":
      if (!isObject(value)) fail();
      return;
    case "array":
      if (!Array.isArray(value) || (spec.nonEmpty && value.length === 0)) return void fail();
      value.forEach((item, i) => checkValue(spec.items, item, language, [...at, i], problems, nested));
      return;
    case "either": {
      // The first alternative whose JSON type fits decides, so its message is the specific one.
      const fits = spec.options.find((option) => fitsType(option, value));
      if (fits === undefined) return void fail();
      checkValue(fits, value, language, at, problems, nested);
      return;
    }
    case "errorEquals":
      if (!Array.isArray(value) || value.length === 0 || !value.every((name) => typeof name === "string")) return void fail();
      if (value.includes("States.ALL") && value.length > 1) {
        problems.push({ at, message: `"States.ALL" must appear alone in ErrorEquals`, quote: "retrierAll" });
      }
      return;
    case "handlers":
      if (!Array.isArray(value)) return void fail();
      value.forEach((item, i) => {
        if (!isObject(item)) return void problems.push({ at: [...at, i], message: `${show(item)} is not a JSON object` });
        nested.push({ at: [...at, i], kind: spec.kind, value: item });
        const errors = item.ErrorEquals;
        if (i < value.length - 1 && Array.isArray(errors) && errors.includes("States.ALL")) {
          problems.push({
            at: [...at, i, "ErrorEquals"],
            message: `"States.ALL" must be in the last ${spec.kind} of the array, not in ${spec.kind} ${i + 1} of ${value.length}`,
            quote: spec.quote,
          });
        }
      });
      return;
    case "label":
      if (typeof value !== "string" || value.length === 0 || [...value].length > LABEL_MAX || LABEL_FORBIDDEN.test(value)) {
        problems.push({ at, message: `${show(value)} is not ${describe(spec)}`, rule: "asl-label" });
      }
      return;
    case "any":
      return;
  }
}

/** Whether a value has the JSON type an alternative expects (so the alternative's own check applies). */
function fitsType(spec: Value, value: unknown): boolean {
  switch (spec.type) {
    case "integer":
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "jsonata":
      return isJsonataString(value);
    case "string":
    case "enum":
    case "timestamp":
    case "path":
    case "stringPath":
    case "dynamic":
    case "label":
      return typeof value === "string";
    case "array":
    case "errorEquals":
    case "handlers":
      return Array.isArray(value);
    default:
      return isObject(value);
  }
}
