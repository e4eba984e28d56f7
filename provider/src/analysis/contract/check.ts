/**
 * Applies the structural contract (kinds.ts) to a walked definition: every machine, every state
 * and every object inside them is checked against its kind, in its state's query language.
 */
import { STATE_TYPES, type Diagnostic, type StateType } from "../../model/types";
import { isObject, type QueryLanguage, type VisitedMachine, type VisitedState } from "../../model/walk";
import { KINDS, type Kind } from "./kinds";
import { checkValue, type KindName, type NestedObject, type ValueProblem } from "./values";

/** Where an object sits: the state (path) it belongs to, its JSON pointer, and the fields above it in that state. */
interface Place {
  state: string | null;
  pointer: string;
  at: Array<string | number>;
}

const hasOwn = (node: object, key: string) => Object.prototype.hasOwnProperty.call(node, key);

const escapePointer = (segment: string | number) => String(segment).replace(/~/g, "~0").replace(/\//g, "~1");

/** `Retry[0].ErrorEquals` for the segments Retry, 0, ErrorEquals. */
export function fieldPath(at: ReadonlyArray<string | number>): string {
  return at.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join("");
}

/** Edit distance, for suggesting the field a misspelt one was meant to be. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The known field closest to an unknown one, when it is close enough to be a likely typo. */
export function closestField(name: string, candidates: readonly string[]): string | undefined {
  let best: { field: string; score: number } | undefined;
  for (const candidate of candidates) {
    const score = candidate.toLowerCase() === name.toLowerCase() ? 0 : distance(name, candidate);
    if (best === undefined || score < best.score) best = { field: candidate, score };
  }
  return best !== undefined && best.score <= Math.max(2, Math.floor(name.length / 3)) ? best.field : undefined;
}

/** What a field of the other query language is called in this one. */
const COUNTERPART: Record<string, string> = {
  Parameters: "Arguments",
  InputPath: "Arguments",
  OutputPath: "Output",
  ResultSelector: "Output",
  ResultPath: "Output (or Assign)",
  ItemsPath: "Items",
  Variable: "Condition",
  Arguments: "Parameters",
  Output: "OutputPath or ResultSelector",
  Items: "ItemsPath",
  Condition: "Variable with a comparison operator",
};

/** A field present for the purpose of a group: `"End": false` does not end a state. */
const present = (node: Record<string, unknown>, field: string) => hasOwn(node, field) && !(field === "End" && node.End === false);

const quoted = (fields: readonly string[]) => fields.map((name) => `"${name}"`).join(", ");

export class ContractChecker {
  readonly diagnostics: Diagnostic[] = [];

  private report(place: Place, at: ReadonlyArray<string | number>, message: string, rule = "asl-schema"): void {
    const segments = [...place.at, ...at];
    const where = fieldPath(segments);
    this.diagnostics.push({
      severity: "error",
      rule,
      state: place.state,
      message: where ? `${where}: ${message}` : message,
      location: `${place.pointer}${segments.map((segment) => `/${escapePointer(segment)}`).join("")}`,
    });
  }

  /** Checks an object against its kind, then the objects of a contract kind inside it. */
  checkObject(kindName: KindName, node: Record<string, unknown>, language: QueryLanguage, place: Place): void {
    const kind: Kind = KINDS[kindName];
    const problems: ValueProblem[] = [];
    const nested: NestedObject[] = [];
    for (const key of Object.keys(node)) {
      const field = hasOwn(kind.fields, key) ? kind.fields[key] : undefined;
      if (field === undefined) {
        this.unknownField(kind, key, language, place);
      } else if (field.only !== undefined && field.only !== language) {
        const instead = hasOwn(COUNTERPART, key) ? `; use ${COUNTERPART[key]}` : "";
        this.report(
          place,
          [key],
          `"${key}" is a ${field.only} field, but this ${kind.label.replace(/^an? /, "")} uses ${language}${instead}`,
        );
      } else {
        checkValue(language === "JSONata" && field.jsonata ? field.jsonata : field.value, node[key], language, [key], problems, nested);
      }
    }
    for (const [name, field] of Object.entries(kind.fields)) {
      if ((field.required === true || field.required === language) && !hasOwn(node, name)) {
        this.report(place, [], `missing required field "${name}"${kindName in STATE_KIND_NAMES ? "" : ` in ${kind.label}`}`);
      }
    }
    this.checkGroups(kind, node, language, place);
    for (const problem of problems) this.report(place, problem.at, problem.message, problem.rule);
    for (const inner of nested) this.checkObject(inner.kind, inner.value, language, { ...place, at: [...place.at, ...inner.at] });
  }

  private unknownField(kind: Kind, key: string, language: QueryLanguage, place: Place): void {
    const refused = kind.refused !== undefined && hasOwn(kind.refused, key) ? kind.refused[key] : undefined;
    if (refused !== undefined) return this.report(place, [key], refused.reason);
    const usable = Object.entries(kind.fields)
      .filter(([, field]) => field.only === undefined || field.only === language)
      .map(([name]) => name);
    const closest = closestField(key, usable);
    this.report(place, [key], `unknown field "${key}" in ${kind.label}${closest ? `; did you mean "${closest}"?` : ""}`);
  }

  private checkGroups(kind: Kind, node: Record<string, unknown>, language: QueryLanguage, place: Place): void {
    for (const group of kind.groups ?? []) {
      if (group.only !== undefined && group.only !== language) continue;
      const found = group.fields.filter((name) => present(node, name));
      const names = group.name ?? quoted(group.fields);
      if (found.length === 0 && group.count !== "atMostOne") {
        this.report(
          place,
          [],
          `${kind.label} needs ${group.count === "exactlyOne" ? "exactly one" : "at least one"} of ${names}`,
          "asl-structure",
        );
      } else if (found.length > 1 && group.count !== "atLeastOne") {
        const allowed = group.count === "exactlyOne" ? "exactly one" : "at most one";
        this.report(
          place,
          [],
          `${group.name ? `only one of ${names}` : `${allowed} of ${names}`} is allowed, found ${found.join(", ")}`,
          "asl-structure",
        );
      }
    }
    for (const dependency of kind.dependencies ?? []) {
      if (dependency.only !== undefined && dependency.only !== language) continue;
      const trigger = dependency.when.find(
        (name) => present(node, name) && (dependency.equals === undefined || node[name] === dependency.equals),
      );
      if (trigger === undefined) continue;
      const because = dependency.equals === undefined ? `with "${trigger}"` : `when "${trigger}" is ${JSON.stringify(dependency.equals)}`;
      if (dependency.then === "require" && !hasOwn(node, dependency.field)) {
        this.report(place, [], `"${dependency.field}" is required ${because}`, "asl-structure");
      }
      if (dependency.then === "forbid" && hasOwn(node, dependency.field)) {
        this.report(place, [dependency.field], `"${dependency.field}" is not allowed ${because}`, "asl-structure");
      }
    }
  }

  /** A machine's own fields, and its States object's entries (each state is checked on its own). */
  checkMachine(visited: VisitedMachine, owner: { state: string | null; pointer: string; at: string[] }, language: QueryLanguage): void {
    const kind: KindName = owner.at.length > 0 ? "ItemProcessor" : visited.pointer === "" ? "StateMachine" : "Branch";
    const place: Place = { state: owner.state, pointer: owner.pointer, at: owner.at };
    this.checkObject(kind, visited.machine, language, place);
    const states = visited.machine.States;
    if (!hasOwn(visited.machine, "States")) return;
    if (!isObject(states))
      return this.report(place, ["States"], `${JSON.stringify(states) ?? String(states)} is not a JSON object of states`);
    for (const [name, state] of Object.entries(states)) {
      const length = [...name].length;
      if (length < 1 || length > 80) {
        this.report(place, ["States", name], `state name "${name}" is ${length} characters long; it must be 1 to 80`, "asl-state-name");
      }
      if (!isObject(state)) {
        const path = visited.path === null ? name : `${visited.path} > ${name}`;
        this.diagnostics.push({
          severity: "error",
          rule: "asl-schema",
          state: path,
          message: `${JSON.stringify(state)} is not a state: a state is a JSON object with a "Type"`,
          location: `${visited.pointer}/States/${escapePointer(name)}`,
        });
      }
    }
  }

  checkState(visited: VisitedState, topLevel: unknown): void {
    const { state, path, pointer } = visited;
    const place: Place = { state: path, pointer, at: [] };
    if (!isStateType(state.Type)) {
      const message =
        state.Type === undefined
          ? `missing required field "Type"`
          : `Type ${JSON.stringify(state.Type)} is not a state type; use one of ${STATE_TYPES.join(", ")}`;
      return this.report(place, [], message);
    }
    if (topLevel === "JSONata" && state.QueryLanguage === "JSONPath") {
      this.report(place, ["QueryLanguage"], "a state cannot use JSONPath when the state machine's QueryLanguage is JSONata");
    }
    this.checkObject(state.Type, state, visited.queryLanguage, place);
  }
}

const STATE_KIND_NAMES: Record<StateType, true> = Object.fromEntries(STATE_TYPES.map((type) => [type, true])) as Record<StateType, true>;

const isStateType = (value: unknown): value is StateType => typeof value === "string" && hasOwn(STATE_KIND_NAMES, value);
