/** Visits every state of a definition, including Parallel branches and Map item processors. */

export type QueryLanguage = "JSONPath" | "JSONata";

export interface VisitedState {
  name: string;
  /** Human-readable location: `Fan out > branch 2 > Ask`. */
  path: string;
  /** JSON pointer of the state inside the definition: `/States/Fan out/Branches/1/States/Ask`. */
  pointer: string;
  state: Record<string, unknown>;
  queryLanguage: QueryLanguage;
}

/** One (sub-)state machine: the definition itself, a Parallel branch or a Map's item processor. */
export interface VisitedMachine {
  /** Null for the definition itself, else `Fan out > branch 2` or the Map state's path. */
  path: string | null;
  /** For messages: `the state machine`, `branch 2 of "Fan out"`, `the item processor of "Each"`. */
  label: string;
  /** JSON pointer of the machine object: ``, `/States/Fan out/Branches/1`, `/States/Each/ItemProcessor`. */
  pointer: string;
  machine: Record<string, unknown>;
  /** Its own states (not those of machines nested in them); empty when `States` is not an object. */
  states: VisitedState[];
}

export const PATH_SEPARATOR = " > ";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function queryLanguageOf(value: unknown): QueryLanguage | undefined {
  return value === "JSONata" || value === "JSONPath" ? value : undefined;
}

/** State fields that exist in one query language only (States Language: "Query languages"). */
const ONLY_IN: Readonly<Record<QueryLanguage, readonly string[]>> = {
  JSONPath: ["Parameters", "ResultSelector", "ResultPath", "InputPath", "OutputPath", "ItemsPath"],
  JSONata: ["Arguments", "Output", "Items"],
};

/** The query language a state's own fields are written in, when they are all of one language. */
export function fieldsLanguage(state: Record<string, unknown>): { language: QueryLanguage; fields: string[] } | undefined {
  const used = (language: QueryLanguage) => ONLY_IN[language].filter((field) => state[field] !== undefined);
  const [jsonPath, jsonata] = [used("JSONPath"), used("JSONata")];
  if (jsonPath.length > 0 && jsonata.length === 0) return { language: "JSONPath", fields: jsonPath };
  if (jsonata.length > 0 && jsonPath.length === 0) return { language: "JSONata", fields: jsonata };
  return undefined;
}

/** Sub-machines of a state: each Parallel branch, and a Map's ItemProcessor (or legacy Iterator). */
function children(state: Record<string, unknown>, name: string, path: string, pointer: string) {
  const found: Array<{ machine: Record<string, unknown>; path: string; label: string; pointer: string }> = [];
  if (state.Type === "Parallel" && Array.isArray(state.Branches)) {
    state.Branches.forEach((branch, i) => {
      if (isObject(branch)) {
        found.push({
          machine: branch,
          path: `${path}${PATH_SEPARATOR}branch ${i + 1}`,
          label: `branch ${i + 1} of "${name}"`,
          pointer: `${pointer}/Branches/${i}`,
        });
      }
    });
  }
  if (state.Type === "Map") {
    for (const key of ["ItemProcessor", "Iterator"]) {
      const machine = state[key];
      if (isObject(machine)) found.push({ machine, path, label: `the item processor of "${name}"`, pointer: `${pointer}/${key}` });
    }
  }
  return found;
}

/**
 * Every machine and every state, depth first; malformed parts are skipped (structure errors
 * report them). A state without its own QueryLanguage uses the definition's top-level one, as
 * Step Functions does: an enclosing Parallel or Map state's QueryLanguage is not inherited. A state
 * whose fields are all of the other language (`Parameters` under JSONata) is read in the language
 * of its fields, so one misplaced QueryLanguage is reported once, as such (analysis/queryLanguage.ts),
 * not as every field it makes unknown and every argument it hides.
 */
export function walkDefinition(definition: Record<string, unknown>): { machines: VisitedMachine[]; states: VisitedState[] } {
  const machines: VisitedMachine[] = [];
  const states: VisitedState[] = [];
  const topLevel = queryLanguageOf(definition.QueryLanguage) ?? "JSONPath";
  const visit = (machine: Record<string, unknown>, path: string | null, label: string, pointer: string) => {
    const visited: VisitedMachine = { path, label, pointer, machine, states: [] };
    machines.push(visited);
    if (!isObject(machine.States)) return;
    for (const [name, state] of Object.entries(machine.States)) {
      if (!isObject(state)) continue;
      const statePath = path === null ? name : `${path}${PATH_SEPARATOR}${name}`;
      const statePointer = `${pointer}/States/${escapePointer(name)}`;
      const entry: VisitedState = {
        name,
        path: statePath,
        pointer: statePointer,
        state,
        queryLanguage: fieldsLanguage(state)?.language ?? queryLanguageOf(state.QueryLanguage) ?? topLevel,
      };
      visited.states.push(entry);
      states.push(entry);
      for (const child of children(state, name, statePath, statePointer)) visit(child.machine, child.path, child.label, child.pointer);
    }
  };
  visit(definition, null, "the state machine", "");
  return { machines, states };
}

/** Depth-first list of every state (see walkDefinition). */
export function walkStates(definition: Record<string, unknown>): VisitedState[] {
  return walkDefinition(definition).states;
}

export { isObject };
