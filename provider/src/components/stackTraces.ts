/**
 * @pulumi/pulumi records a stack trace on every promise it creates (four per property of every
 * resource: about 23,000 for a workflow with 50 callback tasks), only to print it if the promise
 * leaks. Formatting those traces was a quarter of such a program's run time. While a component
 * registers its children synchronously, traces keep only their top frames; Pulumi's source
 * positions raise the limit for themselves and are not affected.
 */
const SHALLOW_FRAMES = 3;

/** Lowers the stack trace depth until the returned function is called (in a `finally`). */
export function shallowStackTraces(): () => void {
  const limit = Error.stackTraceLimit;
  if (typeof limit !== "number" || limit <= SHALLOW_FRAMES) return () => undefined;
  Error.stackTraceLimit = SHALLOW_FRAMES;
  return () => {
    Error.stackTraceLimit = limit;
  };
}
