/**
 * ASL structure checks, mapped onto state paths.
 *
 * The JSON schema is asl-validator's (its schemas, formats and path validator), compiled into
 * validator code at build time.
 * The checks asl-validator runs after the schema are done here on the walked structure instead:
 * asl-validator finds machines with `$..States` and transitions with `$..Next` anywhere in the
 * document, so a payload with a `States` or `Next` key made it report states that do not exist
 * or throw, it compiled its schemas again on every call, and it did not check that the states of
 * a Map's ItemProcessor stay inside it.
 */
import { STATE_TYPES, type Diagnostic, type StateType } from "../model/types";
import {
  isObject,
  PATH_SEPARATOR,
  queryLanguageOf,
  walkDefinition,
  type QueryLanguage,
  type VisitedMachine,
  type VisitedState,
} from "../model/walk";

interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** With ajv's verbose option: the value checked and the schema of the failing keyword. */
  data?: unknown;
  schema?: unknown;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/** Names for asl-validator's formats in messages. */
const FORMAT_NAMES: Record<string, string> = {
  asl_path: "a JSONPath path",
  asl_ref_path: "a JSONPath reference path",
  asl_result_path: "a JSONPath result path",
  asl_payload_template: "a JSONPath path or intrinsic function",
  jsonata_string: "a JSONata expression",
  "date-time": "an RFC 3339 timestamp",
};

type Validators = typeof import("./aslValidators.generated");
let validators: Validators | undefined;

/**
 * asl-validator's schemas, compiled at build time (tools/asl-validators): `machine` for the
 * machine's own fields, `Type_JSONPath` and `Type_JSONata` for each state type. Loaded on first
 * use, so a process that never analyses does not parse them.
 */
function loadValidators(): Validators {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validators ??= require("./aslValidators.generated") as Validators;
  return validators;
}

const isStateType = (value: unknown): value is StateType => (STATE_TYPES as readonly unknown[]).includes(value);

const unescapePointer = (pointer: string) => pointer.replace(/~1/g, "/").replace(/~0/g, "~");

/**
 * Finds the state a JSON pointer falls in: the visited state whose pointer is its longest
 * prefix, or a state that is not an object (so was not visited), named by the pointer below its
 * machine. Lookups take time in the pointer's depth, not in the number of states.
 */
function stateLocator(machines: readonly VisitedMachine[], states: readonly VisitedState[]) {
  const statePaths = new Map(states.map((state) => [state.pointer, state.path]));
  const machinePaths = new Map(machines.map((machine) => [machine.pointer, machine.path]));
  return (pointer: string): { path: string; pointer: string } | undefined => {
    const segments = pointer.split("/");
    for (let length = segments.length; length > 0; length--) {
      const prefix = segments.slice(0, length).join("/");
      const path = statePaths.get(prefix);
      if (path !== undefined) return { path, pointer: prefix };
      if (length >= 3 && segments[length - 2] === "States") {
        const machine = segments.slice(0, length - 2).join("/");
        if (machinePaths.has(machine)) {
          const owner = machinePaths.get(machine);
          const name = unescapePointer(segments[length - 1]);
          return { path: owner == null ? name : `${owner}${PATH_SEPARATOR}${name}`, pointer: prefix };
        }
      }
    }
    return undefined;
  };
}

/** A valid state standing in for a nested one, which is checked on its own. */
const STUB_STATE = { Type: "Succeed", QueryLanguage: "JSONPath" };

/** A machine whose states are stubs: its own fields are checked, its states elsewhere. */
function stubStates(machine: Record<string, unknown>): Record<string, unknown> {
  if (!isObject(machine.States)) return machine;
  const states = Object.entries(machine.States).map(([name, state]) => [name, isObject(state) ? STUB_STATE : state]);
  return { ...machine, States: Object.fromEntries(states) };
}

/** The state as its schema sees it: QueryLanguage filled in, nested machines' states stubbed. */
function schemaInput(state: Record<string, unknown>, language: QueryLanguage): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...state };
  // The language the state is read in (walk.ts): a misplaced QueryLanguage is reported once, elsewhere.
  if (copy.QueryLanguage === undefined || queryLanguageOf(copy.QueryLanguage)) copy.QueryLanguage = language;
  if (state.Type === "Parallel" && Array.isArray(state.Branches)) {
    copy.Branches = state.Branches.map((branch) => (isObject(branch) ? stubStates(branch) : branch));
  }
  if (state.Type === "Map") {
    for (const key of ["ItemProcessor", "Iterator"])
      if (isObject(state[key])) copy[key] = stubStates(state[key] as Record<string, unknown>);
  }
  return copy;
}

const BROAD_KEYWORDS = new Set(["oneOf", "anyOf", "type", "if", "not"]);

/**
 * One message per problem. Where alternatives (oneOf/anyOf) failed, their "wrong type" and
 * "missing field" errors say little: they are dropped when a more specific error is found at
 * or below the same place, and summarised otherwise.
 */
function schemaMessages(all: readonly SchemaError[]): Array<{ pointer: string; message: string }> {
  const errors = closestAlternatives(all);
  const found: Array<{ pointer: string; message: string }> = [];
  const byPointer = new Map<string, SchemaError[]>();
  for (const error of errors) byPointer.set(error.instancePath, [...(byPointer.get(error.instancePath) ?? []), error]);
  // Deepest first, so a vague error above a specific one can be left out.
  const pointers = Array.from(byPointer.keys()).sort((a, b) => b.split("/").length - a.split("/").length);
  for (const pointer of pointers) {
    const group = byPointer.get(pointer) ?? [];
    const alternatives = group.some((error) => error.keyword === "oneOf" || error.keyword === "anyOf");
    const vague = (error: SchemaError) => BROAD_KEYWORDS.has(error.keyword) || (alternatives && error.keyword === "required");
    const specific = group.filter((error) => !vague(error));
    const messages = new Set(specific.map(describe));
    if (messages.size === 0 && !found.some((other) => other.pointer.startsWith(`${pointer}/`))) {
      const types = Array.from(new Set(group.filter((error) => error.keyword === "type").map((error) => String(error.params.type))));
      const missing = Array.from(
        new Set(group.filter((error) => error.keyword === "required").map((error) => String(error.params.missingProperty))),
      );
      if (/\/Choices\/\d+$/.test(pointer)) {
        messages.add(
          "is not a choice rule: it needs Next and one comparison (StringEquals, NumericGreaterThan, IsPresent, ...) or And, Or, Not",
        );
      } else if (missing.length === 1) {
        messages.add(`missing required field "${missing[0]}"`);
      } else if (missing.length > 0) {
        const shown = missing
          .slice(0, 6)
          .map((name) => `"${name}"`)
          .join(", ");
        messages.add(`needs one of the fields ${shown}${missing.length > 6 ? ` (or ${missing.length - 6} more)` : ""}`);
      } else if (types.length > 0) {
        messages.add(`must be ${types.join(" or ").replace(/,/g, " or ")}`);
      } else {
        messages.add(group[0].message ?? "is invalid");
      }
    }
    for (const message of messages) found.push({ pointer, message });
  }
  return found;
}

/**
 * For a failed oneOf whose alternatives are written inline (their errors' schema paths run
 * through it), keeps only the errors of the alternative that came closest: the fewest errors,
 * and not one whose discriminating value (an enum) did not match.
 */
function closestAlternatives(errors: readonly SchemaError[]): SchemaError[] {
  const dropped = new Set<SchemaError>();
  for (const oneOf of errors.filter((error) => error.keyword === "oneOf" || error.keyword === "anyOf")) {
    const byAlternative = new Map<string, SchemaError[]>();
    for (const error of errors) {
      if (!error.schemaPath.startsWith(`${oneOf.schemaPath}/`)) continue;
      const index = error.schemaPath.slice(oneOf.schemaPath.length + 1).split("/")[0];
      byAlternative.set(index, [...(byAlternative.get(index) ?? []), error]);
    }
    const alternatives = Array.from(byAlternative.values());
    const count = Array.isArray(oneOf.schema) ? oneOf.schema.length : 0;
    if (alternatives.length < 2 || alternatives.length !== count) continue;
    const score = (group: SchemaError[]) => group.length + 100 * group.filter((error) => error.keyword === "enum").length;
    const best = alternatives.reduce((a, b) => (score(b) < score(a) ? b : a));
    for (const group of alternatives) if (group !== best) group.forEach((error) => dropped.add(error));
  }
  return errors.filter((error) => !dropped.has(error));
}

function describe(error: SchemaError): string {
  const { keyword, params } = error;
  if (keyword === "additionalProperties") {
    const name = String(params.additionalProperty);
    return error.instancePath.endsWith("/States") ? `state name "${name}" must be 1 to 80 characters long` : `unknown field "${name}"`;
  }
  if (keyword === "required") return `missing required field "${String(params.missingProperty)}"`;
  if (keyword === "enum") {
    const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value));
    return allowed.length === 1 ? `must be ${allowed[0]}` : `must be one of ${allowed.join(", ")}`;
  }
  if (keyword === "format") {
    const format = String(params.format);
    return `${JSON.stringify(error.data)} is not ${FORMAT_NAMES[format] ?? `in the format ${format}`}`;
  }
  return error.message ?? "is invalid";
}

function schemaDiagnostics(
  definition: Record<string, unknown>,
  machines: readonly VisitedMachine[],
  states: readonly VisitedState[],
): Diagnostic[] {
  const validate = loadValidators();
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  const stateAt = stateLocator(machines, states);
  const report = (errors: readonly SchemaError[], base: string) => {
    for (const { pointer, message } of schemaMessages(errors)) {
      const absolute = `${base}${pointer}`;
      const state = stateAt(absolute);
      const field = unescapePointer((state ? absolute.slice(state.pointer.length) : absolute).replace(/^\//, ""));
      const diagnostic: Diagnostic = {
        severity: "error",
        rule: "asl-schema",
        state: state?.path ?? null,
        message: `${field ? `${field}: ` : ""}${message}`,
      };
      const key = JSON.stringify([diagnostic.state, diagnostic.message]);
      if (!seen.has(key)) found.push(diagnostic);
      seen.add(key);
    }
  };
  // The document's own fields, and states that are not objects.
  if (!validate.machine(stubStates(definition))) report(validate.machine.errors ?? [], "");
  const topLevel = definition.QueryLanguage;
  for (const { path, pointer, state, queryLanguage } of states) {
    if (!isStateType(state.Type)) {
      const message =
        state.Type === undefined
          ? `missing required field "Type"`
          : `Type ${JSON.stringify(state.Type)} is not a state type; use one of ${STATE_TYPES.join(", ")}`;
      found.push({ severity: "error", rule: "asl-schema", state: path, message });
      continue;
    }
    if (topLevel === "JSONata" && state.QueryLanguage === "JSONPath") {
      found.push({
        severity: "error",
        rule: "asl-schema",
        state: path,
        message: `QueryLanguage: a state cannot use JSONPath when the state machine's QueryLanguage is JSONata`,
      });
    }
    // An unknown QueryLanguage is reported by the JSONPath variant's enum.
    const language = state.QueryLanguage === undefined || queryLanguageOf(state.QueryLanguage) ? queryLanguage : "JSONPath";
    const variant = validate[`${state.Type}_${language}` as const];
    if (!variant(schemaInput(state, language))) report(variant.errors ?? [], pointer);
  }
  return found;
}

/** Every transition a state makes, with the field that names it. */
function transitions(state: Record<string, unknown>): Array<{ field: string; target: string }> {
  const found: Array<{ field: string; target: string }> = [];
  if (typeof state.Next === "string") found.push({ field: "Next", target: state.Next });
  if (state.Type === "Choice" && typeof state.Default === "string") found.push({ field: "Default", target: state.Default });
  for (const list of ["Choices", "Catch"]) {
    const items = state[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (isObject(item) && typeof item.Next === "string") found.push({ field: `${list}[${i}].Next`, target: item.Next });
    });
  }
  return found;
}

function transitionDiagnostics(machines: readonly VisitedMachine[], states: readonly VisitedState[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const everywhere = new Set(states.map((state) => state.name));
  const error = (rule: string, state: string | null, message: string) => found.push({ severity: "error", rule, state, message });
  for (const { machine, path, label, states: own } of machines) {
    if (!isObject(machine.States)) continue;
    const names = new Set(Object.keys(machine.States));
    const referenced = new Set<string>();
    const outside = (target: string) =>
      everywhere.has(target) ? " (a state in a Parallel branch or a Map's item processor can only go to states of the same one)" : "";
    if (typeof machine.StartAt === "string") {
      referenced.add(machine.StartAt);
      if (!names.has(machine.StartAt)) error("asl-transition", path, `StartAt "${machine.StartAt}" is not a state of ${label}`);
    }
    for (const state of own) {
      for (const { field, target } of transitions(state.state)) {
        referenced.add(target);
        if (!names.has(target)) error("asl-transition", state.path, `${field} "${target}" is not a state of ${label}${outside(target)}`);
      }
    }
    for (const state of own) {
      if (!referenced.has(state.name)) {
        error(
          "asl-transition",
          state.path,
          `no StartAt, Next, Default, Choices or Catch of ${label} leads to "${state.name}": it is unreachable`,
        );
      }
    }
    const terminal = Object.values(machine.States).some(
      (state) => isObject(state) && (state.Type === "Succeed" || state.Type === "Fail" || state.End === true),
    );
    if (!terminal) {
      error("asl-terminal-state", path, `${label} has no terminal state: end a state with "End": true, or add a Succeed or Fail state`);
    }
  }
  const first = new Map<string, string>();
  for (const state of states) {
    const earlier = first.get(state.name);
    if (earlier === undefined) first.set(state.name, state.path);
    else {
      error(
        "asl-duplicate-state",
        state.path,
        `"${state.name}" is also the name of ${earlier}; state names must be unique in the whole state machine`,
      );
    }
  }
  return found;
}

/** Fields of which at most one (or exactly one) may be present, by state type (the ASL rules asl-validator checks). */
const FIELD_COUNTS: Array<{ types: readonly string[] | "all-but-terminal"; at?: string[]; fields: string[]; exactly?: boolean }> = [
  { types: ["Task"], fields: ["TimeoutSeconds", "TimeoutSecondsPath"] },
  { types: ["Task"], fields: ["HeartbeatSeconds", "HeartbeatSecondsPath"] },
  { types: ["Map"], fields: ["ItemProcessor", "Iterator"], exactly: true },
  { types: ["Map"], fields: ["ItemSelector", "Parameters"] },
  { types: ["Map"], fields: ["ToleratedFailureCount", "ToleratedFailureCountPath"] },
  { types: ["Map"], fields: ["ToleratedFailurePercentage", "ToleratedFailurePercentagePath"] },
  { types: ["Map"], fields: ["MaxConcurrency", "MaxConcurrencyPath"] },
  { types: ["Map"], fields: ["Items", "ItemsPath"] },
  { types: ["Map"], at: ["ItemReader", "ReaderConfig"], fields: ["MaxItems", "MaxItemsPath"] },
  { types: ["Map"], at: ["ItemBatcher"], fields: ["MaxItemsPerBatch", "MaxItemsPerBatchPath"] },
  { types: ["Map"], at: ["ItemBatcher"], fields: ["MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"] },
  { types: ["Wait"], fields: ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"], exactly: true },
  { types: ["Fail"], fields: ["Cause", "CausePath"] },
  { types: ["Fail"], fields: ["Error", "ErrorPath"] },
  { types: "all-but-terminal", fields: ["End", "Next"], exactly: true },
];

function fieldCountDiagnostics(states: readonly VisitedState[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { path, state } of states) {
    if (!("Type" in state)) continue;
    for (const rule of FIELD_COUNTS) {
      const applies =
        rule.types === "all-but-terminal"
          ? !["Succeed", "Fail", "Choice"].includes(state.Type as string)
          : rule.types.includes(state.Type as string);
      if (!applies) continue;
      let holder: unknown = state;
      for (const key of rule.at ?? []) holder = isObject(holder) ? holder[key] : undefined;
      if (!isObject(holder)) continue;
      const present = rule.fields.filter((field) => Object.prototype.hasOwnProperty.call(holder, field));
      if (present.length > 1 || (rule.exactly && present.length === 0)) {
        const where = rule.at ? `${rule.at.join(".")}: ` : "";
        const fields = rule.fields.map((field) => `"${field}"`).join(", ");
        found.push({
          severity: "error",
          rule: "asl-structure",
          state: path,
          message: `${where}${rule.exactly ? "exactly one" : "at most one"} of ${fields} is allowed${present.length ? `, found ${present.join(", ")}` : ", found none"}`,
        });
      }
    }
  }
  return found;
}

/** JSONPath payload templates: `a` and `a.$` would both become `a` when evaluated. */
function duplicateFieldDiagnostics(states: readonly VisitedState[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const inspect = (node: unknown, where: string, path: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => inspect(item, `${where}[${i}]`, path));
    if (!isObject(node)) return;
    for (const key of Object.keys(node)) {
      if (key.endsWith(".$") && Object.prototype.hasOwnProperty.call(node, key.slice(0, -2))) {
        found.push({
          severity: "error",
          rule: "asl-structure",
          state: path,
          message: `${where}: "${key.slice(0, -2)}" and "${key}" are the same field once ".$" is stripped; keep one`,
        });
      }
      inspect(node[key], `${where}.${key}`, path);
    }
  };
  for (const { path, state, queryLanguage } of states) {
    if (queryLanguage !== "JSONPath") continue;
    for (const field of ["Parameters", "ResultSelector", "ItemSelector"]) inspect(state[field], field, path);
    for (const config of ["ItemReader", "ResultWriter"]) {
      const value = state[config];
      if (isObject(value)) inspect(value.Parameters, `${config}.Parameters`, path);
    }
  }
  return found;
}

export function structureDiagnostics(definition: Record<string, unknown>): Diagnostic[] {
  const { machines, states } = walkDefinition(definition);
  return [
    ...schemaDiagnostics(definition, machines, states),
    ...transitionDiagnostics(machines, states),
    ...fieldCountDiagnostics(states),
    ...duplicateFieldDiagnostics(states),
  ];
}
