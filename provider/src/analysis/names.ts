/** Names AWS accepts for state machines, queues and callbacks. */

/** State machine names: 1-80 ASCII letters, digits, `-` and `_` (logging rejects anything else). */
export const STATE_MACHINE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
/** Callback names become placeholder segments (`callbacks.NAME.queueUrl`) and queue name parts. */
export const CALLBACK_NAME = /^[A-Za-z0-9_-]{1,40}$/;

/** Room Pulumi's auto-naming needs after a resource name: `-` and 7 random characters. */
export const AUTONAME_SUFFIX_LENGTH = 8;

export function stateMachineNameProblem(name: string): string | undefined {
  if (STATE_MACHINE_NAME.test(name)) return undefined;
  return `"${name}" is not a valid state machine name: use 1 to 80 ASCII letters, digits, "-" or "_"`;
}

export function callbackNameProblem(name: string): string | undefined {
  if (CALLBACK_NAME.test(name)) return undefined;
  return `"${name}" is not a valid callback name: use 1 to 40 ASCII letters, digits, "-" or "_"`;
}
