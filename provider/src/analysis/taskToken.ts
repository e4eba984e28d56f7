/**
 * Does a callback task pass its task token on? The token is `$$.Task.Token` (JSONPath, also
 * inside `$$.Task` and `$$`) or `$states.context.Task.Token` (JSONata, also inside
 * `$states.context.Task` and `$states.context`).
 */
import jsonata from "jsonata";
import { JSONPath } from "jsonpath-plus";
import type { QueryLanguage } from "./walk";
import { isJsonataExpression } from "./taskArgs";

const TOKEN_PATH = ["Task", "Token"];

/** True when `segments` (below the context object) is the token or one of its ancestors. */
function containsToken(segments: readonly string[]): boolean {
  return segments.length <= TOKEN_PATH.length && segments.every((segment, i) => segment === TOKEN_PATH[i]);
}

/** Context-object paths (`$$...`) in a JSONPath reference or intrinsic function call. */
function contextPaths(expression: string): string[][] {
  const found: string[][] = [];
  // A context path runs from `$$` up to a character that ends an intrinsic argument.
  for (const match of expression.matchAll(/\$\$(?:\.[^\s,()'"[\]]+|\[[^\]]*\])*/g)) {
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

/** Walks a JSONata AST for paths that start `$states.context`. */
function jsonataReferencesToken(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(jsonataReferencesToken);
  if (typeof node !== "object" || node === null) return false;
  const current = node as JsonataNode;
  if (current.type === "path" && Array.isArray(current.steps)) {
    const [head, context, ...rest] = current.steps;
    if (head?.type === "variable" && head.value === "states" && context?.value === "context") {
      const names = rest.map((step) => (step.type === "name" ? String(step.value) : "\u0000"));
      if (containsToken(names)) return true;
    }
  }
  return Object.values(current).some(jsonataReferencesToken);
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
