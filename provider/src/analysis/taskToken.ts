/**
 * Does a callback task pass its task token on? The token is `$$.Task.Token` (JSONPath, also
 * inside `$$.Task` and `$$`) or `$states.context.Task.Token` (JSONata, also inside
 * `$states.context.Task` and `$states.context`).
 */
import jsonata from "jsonata";
import { JSONPath } from "jsonpath-plus";
import type { QueryLanguage } from "../model/walk";
import { isJsonataExpression } from "../model/taskArgs";

const TOKEN_PATH = ["Task", "Token"];

/** True when `segments` (below the context object) is the token or one of its ancestors. */
function containsToken(segments: readonly string[]): boolean {
  return segments.length <= TOKEN_PATH.length && segments.every((segment, i) => segment === TOKEN_PATH[i]);
}

/** Quoted string arguments of an intrinsic function (`'...'` not opening a bracket segment). */
const INTRINSIC_STRING = /(^|[^[])'(?:\\.|[^'\\])*'/g;

/** Context-object paths (`$$...`) in a JSONPath reference or intrinsic function call. */
function contextPaths(expression: string): string[][] {
  const found: string[][] = [];
  // In `States.Format('$$ {}', ...)` the `$$` is text, not a path.
  const code = expression.trimStart().startsWith("States.") ? expression.replace(INTRINSIC_STRING, "$1''") : expression;
  // A context path runs from `$$` up to a character that ends an intrinsic argument.
  for (const match of code.matchAll(/\$\$(?:\.[^\s,()'"[\]]+|\[[^\]]*\])*/g)) {
    try {
      found.push(JSONPath.toPathArray(match[0]).slice(1));
    } catch {
      // Not a path jsonpath-plus understands: it cannot reference the token either.
    }
  }
  return found;
}

interface JsonataNode {
  type?: string;
  value?: unknown;
  steps?: JsonataNode[];
  [key: string]: unknown;
}

/** Walks a JSONata AST for `$states.context` paths that reach the token, and for `$states` itself. */
function jsonataReferencesToken(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(jsonataReferencesToken);
  if (typeof node !== "object" || node === null) return false;
  const current = node as JsonataNode;
  if (current.type === "variable" && current.value === "states") return true;
  if (current.type === "path" && Array.isArray(current.steps)) {
    const [head, ...rest] = current.steps;
    if (head?.type === "variable" && head.value === "states") {
      // `$states.input...` is not the context; `$states.context.Task...` may be the token.
      const names = rest.map((step) => (step.type === "name" ? String(step.value) : "\u0000"));
      if (names[0] === "context" && containsToken(names.slice(1))) return true;
      return jsonataReferencesToken(rest) || jsonataReferencesToken(stagesOf(head));
    }
  }
  return Object.values(current).some(jsonataReferencesToken);
}

/** Predicates and other sub-expressions attached to a step, without the step's own name. */
function stagesOf(step: JsonataNode): unknown[] {
  return Object.entries(step)
    .filter(([key]) => key !== "value" && key !== "type" && key !== "position")
    .map(([, value]) => value);
}

function jsonataExpressionReferencesToken(text: string): boolean {
  const body = text.trim().slice(2, -2);
  try {
    return jsonataReferencesToken(jsonata(body).ast());
  } catch {
    return false;
  }
}

/** Whether the task's arguments hand the task token to the integration. */
export function passesTaskToken(args: unknown, language: QueryLanguage): boolean {
  const visit = (node: unknown, dynamicKey: boolean): boolean => {
    if (typeof node === "string") {
      if (language === "JSONata") return isJsonataExpression(node) && jsonataExpressionReferencesToken(node);
      return dynamicKey && contextPaths(node).some(containsToken);
    }
    if (Array.isArray(node)) return node.some((item) => visit(item, false));
    if (typeof node === "object" && node !== null) {
      return Object.entries(node).some(([key, item]) => visit(item, language === "JSONPath" && key.endsWith(".$")));
    }
    return false;
  };
  return visit(args, false);
}
