/** Line and column of each diagnostic in the definition file. */
import { JsonSyntaxError, parseJson, type Position } from "../analysis/json";
import type { Diagnostic } from "../model/types";
import { walkDefinition } from "../model/walk";

/** Where a diagnostic points in the text: its field, else its state, else the document's start. */
export function diagnosticPositions(text: string, definition: Record<string, unknown> | undefined): (diagnostic: Diagnostic) => Position {
  let positionOf: (pointer: string) => Position | undefined = () => undefined;
  let syntaxError: Position | undefined;
  try {
    positionOf = parseJson(text, { positions: true }).positionOf ?? positionOf;
  } catch (error) {
    if (error instanceof JsonSyntaxError) syntaxError = error.position;
  }
  const statePointers = new Map<string, string>();
  if (definition !== undefined) {
    const { machines, states } = walkDefinition(definition);
    for (const machine of machines) if (machine.path !== null) statePointers.set(machine.path, machine.pointer);
    for (const state of states) statePointers.set(state.path, state.pointer);
  }
  const start: Position = { line: 1, column: 1 };
  return (diagnostic) => {
    if (diagnostic.rule === "invalid-json" && syntaxError) return syntaxError;
    let pointer = diagnostic.location ?? (diagnostic.state === null ? "" : (statePointers.get(diagnostic.state) ?? ""));
    // The nearest enclosing value that exists: a missing field is reported on its object.
    for (;;) {
      const position = positionOf(pointer);
      if (position !== undefined) return position;
      if (pointer === "") return start;
      pointer = pointer.slice(0, pointer.lastIndexOf("/"));
    }
  };
}
