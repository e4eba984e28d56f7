/**
 * @pulumi/pulumi records a stack trace on every promise it creates (four per property of every
 * resource: about 23,000 for a workflow with 50 callback tasks), only to print it if the promise
 * leaks. Formatting those traces took a quarter of such a program's run time. While a component
 * registers its children, which is synchronous, traces are not captured. Pulumi's source positions
 * raise the limit for themselves and are not affected; an error thrown in that window keeps its
 * message but has no stack.
 */

/** Turns stack trace capture off until the returned function is called (in a `finally`). */
export function suspendStackTraces(): () => void {
  const limit = Error.stackTraceLimit;
  if (typeof limit !== "number" || limit === 0) return () => undefined;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}
