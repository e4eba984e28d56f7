/**
 * Context-object paths written with one `$`. `$.Task.Token` reads the state input's Task.Token
 * field; the task token is `$$.Task.Token`. In a definition written inline in Pulumi YAML this is
 * what `$$.Task.Token` becomes: YAML reads `$$` as an escaped `$`.
 */
import type { Diagnostic } from "../model/types";
import { isObject, type VisitedState } from "../model/walk";

/** Top-level fields of the context object (Step Functions' developer guide, "Context object"). */
const CONTEXT_FIELDS = ["Task", "Map", "Execution", "State", "StateMachine"];

/** `$.Task.Token`, `$.Map.Item.Value`, ... as a whole path or an intrinsic function's argument, not after another `$`. */
const SINGLE_DOLLAR = new RegExp(`(?:^|[^$\\w])\\$\\.(?:${CONTEXT_FIELDS.join("|")})(?!\\w)(?:\\.[\\w.]+)?`, "g");

/** The single-`$` context paths in the `.$` fields of a JSONPath payload, however deeply nested. */
export function singleDollarContextPaths(payload: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key.endsWith(".$") && typeof value === "string") {
        for (const match of value.matchAll(SINGLE_DOLLAR)) found.push(match[0].replace(/^[^$]/, ""));
      } else {
        visit(value);
      }
    }
  };
  visit(payload);
  return found;
}

/** How to get `$$` through Pulumi YAML, for messages. */
export function yamlDollarAdvice(path: string): string {
  return `if this definition is written inline in Pulumi YAML, YAML read "$$" as an escaped "$" and one "$" was eaten: write "$${path}" as "$$$$${path.slice(1)}" inline, or keep the definition in a JSON file and load it with fn::readFile`;
}

/** JSONPath fields whose `.$` values are evaluated against the state input and the context object. */
const PAYLOAD_FIELDS = ["Parameters", "ItemSelector", "ResultSelector", "Assign"];

export function singleDollarDiagnostics(states: readonly VisitedState[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { state, path, pointer, queryLanguage } of states) {
    if (queryLanguage !== "JSONPath") continue;
    for (const field of PAYLOAD_FIELDS) {
      for (const single of new Set(singleDollarContextPaths(state[field]))) {
        // A callback task's missing token is reported by missing-task-token, with the same advice.
        if (single.startsWith("$.Task.Token") && typeof state.Resource === "string" && state.Resource.endsWith(".waitForTaskToken"))
          continue;
        found.push({
          severity: "warning",
          rule: "context-path-single-dollar",
          state: path,
          message: `${field} reads "${single}" from the state input; the context object is "$${single}": ${yamlDollarAdvice(single)}`,
          location: `${pointer}/${field}`,
        });
      }
    }
  }
  return found;
}
