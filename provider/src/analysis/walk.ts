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

export const PATH_SEPARATOR = " > ";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Sub-machines of a state: each Parallel branch, and a Map's ItemProcessor (or legacy Iterator). */
function children(state: Record<string, unknown>, path: string, pointer: string) {
  const found: Array<{ machine: Record<string, unknown>; path: string; pointer: string }> = [];
  if (state.Type === "Parallel" && Array.isArray(state.Branches)) {
    state.Branches.forEach((branch, i) => {
      if (isObject(branch)) {
        found.push({ machine: branch, path: `${path}${PATH_SEPARATOR}branch ${i + 1}`, pointer: `${pointer}/Branches/${i}` });
      }
    });
  }
  if (state.Type === "Map") {
    for (const key of ["ItemProcessor", "Iterator"]) {
      if (isObject(state[key])) {
        found.push({ machine: state[key] as Record<string, unknown>, path, pointer: `${pointer}/${key}` });
      }
    }
  }
  return found;
}

/** Depth-first list of every state; malformed parts are skipped (structure errors report them). */
export function walkStates(definition: Record<string, unknown>): VisitedState[] {
  const visited: VisitedState[] = [];
  const visit = (machine: Record<string, unknown>, prefix: string, pointer: string, inherited: QueryLanguage) => {
    const language = machine.QueryLanguage === "JSONata" || machine.QueryLanguage === "JSONPath" ? machine.QueryLanguage : inherited;
    if (!isObject(machine.States)) return;
    for (const [name, state] of Object.entries(machine.States)) {
      if (!isObject(state)) continue;
      const path = prefix ? `${prefix}${PATH_SEPARATOR}${name}` : name;
      const statePointer = `${pointer}/States/${escapePointer(name)}`;
      const stateLanguage = state.QueryLanguage === "JSONata" || state.QueryLanguage === "JSONPath" ? state.QueryLanguage : language;
      visited.push({ name, path, pointer: statePointer, state, queryLanguage: stateLanguage });
      for (const child of children(state, path, statePointer)) visit(child.machine, child.path, child.pointer, stateLanguage);
    }
  };
  visit(definition, "", "", "JSONPath");
  return visited;
}

export { isObject };
