/** `${Name}` placeholders in definition strings (definitionSubstitutions and built-ins). */
import { own } from "./own";

const PLACEHOLDER = /\$\{([^{}]+)\}/g;

/** Placeholder names used in a string, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  // Most strings of a definition hold none: skip the regex for them.
  if (!text.includes("${")) return [];
  return Array.from(text.matchAll(PLACEHOLDER), (match) => match[1]);
}

export function hasPlaceholder(text: string): boolean {
  return placeholdersIn(text).length > 0;
}

/** Every placeholder name used in any string of a JSON value (keys included). */
export function collectPlaceholders(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === "string") {
    for (const name of placeholdersIn(value)) into.add(name);
  } else if (Array.isArray(value)) {
    for (const item of value) collectPlaceholders(item, into);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      collectPlaceholders(key, into);
      collectPlaceholders(item, into);
    }
  }
  return into;
}

/** Replaces known placeholders in every string of a JSON value; unknown ones are left as written. */
export function substitute<T>(value: T, values: Readonly<Record<string, string>>): T {
  const replace = (text: string) => text.replace(PLACEHOLDER, (whole, name: string) => own(values, name) ?? whole);
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return replace(node);
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === "object" && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [replace(key), walk(item)]));
    }
    return node;
  };
  return walk(value) as T;
}

/** Built-in placeholder names a callback queue provides. */
export function callbackPlaceholders(callbackName: string): { queueUrl: string; queueArn: string } {
  return { queueUrl: `callbacks.${callbackName}.queueUrl`, queueArn: `callbacks.${callbackName}.queueArn` };
}

/** The callback name when a placeholder is one of the built-in `callbacks.NAME.*` names. */
export function callbackNameOf(placeholder: string): string | undefined {
  return /^callbacks\.([^.]+)\.(queueUrl|queueArn)$/.exec(placeholder)?.[1];
}
