/**
 * Reads a Task's arguments (`Parameters` in JSONPath, `Arguments` in JSONata) the way the
 * integration table needs them: a literal string, a value computed at run time, or absent.
 */
import type { QueryLanguage } from "./walk";
import { isObject } from "./walk";

const hasOwn = (node: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(node, key);

export type ArgValue = { kind: "literal"; value: string } | { kind: "dynamic"; path: string } | { kind: "absent" };

const JSONATA_EXPRESSION = /^\s*\{%[\s\S]*%\}\s*$/;

export function isJsonataExpression(value: unknown): value is string {
  return typeof value === "string" && JSONATA_EXPRESSION.test(value);
}

export class TaskArgs {
  constructor(
    private readonly args: unknown,
    private readonly language: QueryLanguage,
  ) {}

  /**
   * Values at a dotted path; a `[]` suffix on a segment visits every element of an array
   * (`Entries[].EventBusName`). Returns one ArgValue per place the path leads to, absent ones
   * included (an entry without EventBusName goes to the default bus), or a single dynamic
   * value when any part of the path is computed at run time.
   */
  values(path: string): ArgValue[] {
    const places = this.walk(path);
    if (!Array.isArray(places)) return [{ kind: "dynamic", path: places.dynamic }];
    const found = places.map(({ node, where }): ArgValue => {
      if (this.isDynamic(node)) return { kind: "dynamic", path: where };
      if (typeof node === "string" || typeof node === "number") return { kind: "literal", value: String(node) };
      return { kind: "absent" };
    });
    return found.length > 0 ? found : [{ kind: "absent" }];
  }

  /**
   * The raw values (objects and arrays included) a path leads to, or "dynamic" when any part of
   * it is computed at run time.
   */
  nodes(path: string): unknown[] | "dynamic" {
    const places = this.walk(path);
    if (!Array.isArray(places)) return "dynamic";
    return places.map((place) => place.node).filter((node) => node !== undefined);
  }

  private walk(path: string): Array<{ node: unknown; where: string }> | { dynamic: string } {
    let current: Array<{ node: unknown; where: string }> = [{ node: this.args, where: "" }];
    for (const rawSegment of path.split(".")) {
      const each = rawSegment.endsWith("[]");
      const segment = each ? rawSegment.slice(0, -2) : rawSegment;
      const next: Array<{ node: unknown; where: string }> = [];
      for (const { node, where } of current) {
        const here = where ? `${where}.${segment}` : segment;
        if (this.isDynamic(node)) return { dynamic: where || "(all arguments)" };
        const absent = { node: undefined, where: here };
        if (!isObject(node)) {
          next.push(absent);
          continue;
        }
        if (this.language === "JSONPath" && hasOwn(node, `${segment}.$`)) return { dynamic: `${here}.$` };
        // Own fields only: `constructor` or `toString` are not arguments.
        if (!hasOwn(node, segment)) {
          next.push(absent);
          continue;
        }
        const child = node[segment];
        if (this.isDynamic(child)) return { dynamic: here };
        if (each) {
          if (!Array.isArray(child)) {
            next.push(absent);
            continue;
          }
          child.forEach((item, i) => next.push({ node: item, where: `${here}[${i}]` }));
        } else {
          next.push({ node: child, where: here });
        }
      }
      current = next;
    }
    return current;
  }

  /** The single value at a path (the first, when the path visits arrays). */
  value(path: string): ArgValue {
    return this.values(path)[0];
  }

  private isDynamic(node: unknown): boolean {
    return this.language === "JSONata" && isJsonataExpression(node);
  }
}
