/** ASL structure checks by asl-validator, mapped onto state paths. */
import aslValidator from "asl-validator";
import type { Diagnostic } from "./types";
import type { VisitedState } from "./walk";

interface AslError {
  "Error code": string;
  Message: string;
  schemaError?: { instancePath?: string };
}

const RULES: Record<string, string> = {
  SCHEMA_VALIDATION_FAILED: "asl-schema",
  MISSING_TRANSITION_TARGET: "asl-transition",
  BRANCH_OUTBOUND_TRANSITION_TARGET: "asl-transition",
  DUPLICATE_STATE_NAMES: "asl-duplicate-state",
  MISSING_TERMINAL_STATE: "asl-terminal-state",
};

/** The state whose JSON pointer is the longest prefix of `pointer`. */
function stateAtPointer(pointer: string, states: readonly VisitedState[]): VisitedState | undefined {
  let best: VisitedState | undefined;
  for (const state of states) {
    if ((pointer === state.pointer || pointer.startsWith(`${state.pointer}/`)) && (!best || state.pointer.length > best.pointer.length))
      best = state;
  }
  return best;
}

/** The state a message names: `State X is not reachable`, `... target: X`. */
function stateInMessage(message: string, states: readonly VisitedState[]): VisitedState | undefined {
  const named = /^State (.+) is not reachable$/.exec(message)?.[1] ?? /target: (.+)$/.exec(message)?.[1];
  return named === undefined ? undefined : states.find((state) => state.name === named);
}

export function structureDiagnostics(definition: Record<string, unknown>, states: readonly VisitedState[]): Diagnostic[] {
  // asl-validator writes defaults into what it checks: give it a copy. Resource ARNs are
  // checked by our own classifier, which also accepts `${...}` placeholders.
  const result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: false });
  return (result.errors as AslError[]).map((error): Diagnostic => {
    const pointer = error.schemaError?.instancePath;
    const state = pointer !== undefined ? stateAtPointer(pointer, states) : stateInMessage(error.Message, states);
    let message = error.Message.trim();
    if (pointer !== undefined) {
      const field = state ? pointer.slice(state.pointer.length).replace(/^\//, "") : pointer.replace(/^\//, "");
      message = `${field ? `${field}: ` : ""}${message.replace(/^\S* is invalid\. /, "")}`;
    }
    return { severity: "error", rule: RULES[error["Error code"]] ?? "asl-structure", state: state?.path ?? null, message };
  });
}
