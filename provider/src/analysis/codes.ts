/**
 * Step Functions' own diagnostic codes (the ValidateStateMachineDefinition API's, also in the
 * SCHEMA_VALIDATION_FAILED-style errors CreateStateMachine returns) for the rules that match one, so
 * a report lines up with what AWS would say. Rules with no counterpart (IAM, integrations, callbacks)
 * have none.
 */
export const STEP_FUNCTIONS_CODES: Readonly<Record<string, string>> = {
  "invalid-json": "INVALID_JSON_DESCRIPTION",
  "duplicate-key": "INVALID_JSON_DESCRIPTION",
  "asl-schema": "SCHEMA_VALIDATION_FAILED",
  "asl-structure": "SCHEMA_VALIDATION_FAILED",
  "asl-unreachable-state": "SCHEMA_VALIDATION_FAILED",
  "timeout-not-positive": "SCHEMA_VALIDATION_FAILED",
  "heartbeat-not-below-timeout": "SCHEMA_VALIDATION_FAILED",
  "asl-transition": "MISSING_TRANSITION_TARGET",
  "asl-terminal-state": "MISSING_END_STATE",
  "asl-duplicate-state": "DUPLICATE_STATE_NAME",
  "asl-state-name": "INVALID_STATE_NAME",
  "asl-label": "INVALID_LABEL_NAME",
  "asl-duplicate-label": "DUPLICATE_LABEL_NAME",
  "unknown-resource": "INVALID_RESOURCE",
};

export function stepFunctionsCode(rule: string): string | null {
  return Object.prototype.hasOwnProperty.call(STEP_FUNCTIONS_CODES, rule) ? STEP_FUNCTIONS_CODES[rule] : null;
}
