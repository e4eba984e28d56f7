/**
 * ASL structure checks, mapped onto state paths: the structural contract (contract/) on every
 * machine and state, then what spans states: transitions, reachability, terminal states, unique
 * state names and Map labels.
 *
 * Machines are found by walking States, branches and item processors (walk.ts), never by
 * searching the document, so a payload with a `States` or `Next` key is payload.
 */
import { ContractChecker, fieldPath } from "./contract/check";
import type { Diagnostic } from "../model/types";
import { isObject, walkDefinition, type VisitedMachine, type VisitedState } from "../model/walk";

/** The state a machine's fields are reported on, and the fields above the machine in it. */
function machineOwner(machine: VisitedMachine): { state: string | null; pointer: string; at: string[] } {
  const processor = /\/(ItemProcessor|Iterator)$/.exec(machine.pointer);
  if (processor) return { state: machine.path, pointer: machine.pointer.slice(0, processor.index), at: [processor[1]] };
  return { state: machine.path, pointer: machine.pointer, at: [] };
}

/** Distributed Map labels name map runs: unique in the whole definition. */
function labelDiagnostics(states: readonly VisitedState[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const first = new Map<string, string>();
  for (const { state, path, pointer } of states) {
    if (state.Type !== "Map" || typeof state.Label !== "string") continue;
    const earlier = first.get(state.Label);
    if (earlier === undefined) first.set(state.Label, path);
    else {
      found.push({
        severity: "error",
        rule: "asl-duplicate-label",
        state: path,
        message: `Label: "${state.Label}" is also the Label of ${earlier}; Map labels must be unique in the state machine`,
        location: `${pointer}/Label`,
      });
    }
  }
  return found;
}

/** Every transition a state makes, with the field that names it. */
function transitions(state: Record<string, unknown>): Array<{ at: Array<string | number>; target: string }> {
  const found: Array<{ at: Array<string | number>; target: string }> = [];
  if (typeof state.Next === "string") found.push({ at: ["Next"], target: state.Next });
  if (state.Type === "Choice" && typeof state.Default === "string") found.push({ at: ["Default"], target: state.Default });
  for (const list of ["Choices", "Catch"]) {
    const items = state[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (isObject(item) && typeof item.Next === "string") found.push({ at: [list, i, "Next"], target: item.Next });
    });
  }
  return found;
}

const pointerOf = (base: string, at: ReadonlyArray<string | number>) =>
  `${base}${at.map((segment) => `/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")}`;

function transitionDiagnostics(machines: readonly VisitedMachine[], states: readonly VisitedState[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const everywhere = new Set(states.map((state) => state.name));
  const error = (rule: string, state: string | null, message: string, location: string) =>
    found.push({ severity: "error", rule, state, message, location });
  for (const { machine, path, label, pointer, states: own } of machines) {
    if (!isObject(machine.States)) continue;
    const names = new Set(Object.keys(machine.States));
    const outside = (target: string) =>
      everywhere.has(target) ? " (a state in a Parallel branch or a Map's item processor can only go to states of the same one)" : "";
    if (typeof machine.StartAt === "string" && !names.has(machine.StartAt)) {
      error("asl-transition", path, `StartAt "${machine.StartAt}" is not a state of ${label}`, pointerOf(pointer, ["StartAt"]));
    }
    const targets = new Map<string, string[]>();
    for (const state of own) {
      const next = transitions(state.state);
      targets.set(
        state.name,
        next.map(({ target }) => target),
      );
      for (const { at, target } of next) {
        if (!names.has(target)) {
          error(
            "asl-transition",
            state.path,
            `${fieldPath(at)} "${target}" is not a state of ${label}${outside(target)}`,
            pointerOf(state.pointer, at),
          );
        }
      }
    }
    // Reachable: led to from StartAt by Next, Default, Choices or Catch, directly or through other states.
    const reached = new Set<string>();
    const pending = typeof machine.StartAt === "string" ? [machine.StartAt] : [];
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (reached.has(name)) continue;
      reached.add(name);
      pending.push(...(targets.get(name) ?? []));
    }
    if (typeof machine.StartAt === "string" && names.has(machine.StartAt)) {
      for (const state of own) {
        if (!reached.has(state.name)) {
          error(
            "asl-unreachable-state",
            state.path,
            `no path from StartAt through Next, Default, Choices or Catch of ${label} leads to "${state.name}": it is unreachable`,
            state.pointer,
          );
        }
      }
    }
    const terminal = Object.values(machine.States).some(
      (state) => isObject(state) && (state.Type === "Succeed" || state.Type === "Fail" || state.End === true),
    );
    if (!terminal) {
      error(
        "asl-terminal-state",
        path,
        `${label} has no terminal state: end a state with "End": true, or add a Succeed or Fail state`,
        pointerOf(pointer, ["States"]),
      );
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
        state.pointer,
      );
    }
  }
  return found;
}

export function structureDiagnostics(definition: Record<string, unknown>): Diagnostic[] {
  const { machines, states } = walkDefinition(definition);
  const contract = new ContractChecker();
  const topLevel = definition.QueryLanguage === "JSONata" ? "JSONata" : "JSONPath";
  for (const machine of machines) contract.checkMachine(machine, machineOwner(machine), topLevel);
  for (const state of states) contract.checkState(state, definition.QueryLanguage);
  return [...contract.diagnostics, ...transitionDiagnostics(machines, states), ...labelDiagnostics(states)];
}
