/** Builds a table entry whose `.sync` pattern adds polling actions and, for event-driven services, a managed rule. */
import { managedRule } from "./arns";
import type { Implied } from "./implied";
import type { IamContext, IntegrationEntry, StatementSpec } from "./spec";

export interface JobStatements {
  /** What every supported pattern needs. */
  start: StatementSpec[];
  /** Added for `.sync`: describe/stop actions. */
  sync?: StatementSpec[];
  /** The EventBridge rule Step Functions manages for `.sync`, when the service reports by events. */
  rule?: string;
}

/**
 * A context whose `scope` reports each argument once: builders scope the same argument for their
 * start and their `.sync` statements, and a dynamic or missing argument should be reported once.
 */
function scopeOnce(c: IamContext): IamContext {
  const reported = new Set<string>();
  return {
    ...c,
    scope(path, build, options) {
      if (!reported.has(path)) {
        reported.add(path);
        return c.scope(path, build, options);
      }
      return c.args.values(path).flatMap((value) => {
        if (value.kind === "literal") return build(value.value);
        if (value.kind === "dynamic") return options?.whenDynamic ?? ["*"];
        return options?.whenAbsent ?? [];
      });
    },
  };
}

export function job(
  patterns: IntegrationEntry["patterns"],
  build: (c: IamContext) => JobStatements,
  implies: readonly Implied[] = [],
): IntegrationEntry {
  return {
    patterns,
    ...(implies.length > 0 ? { implies } : {}),
    iam: (context) => {
      const c = scopeOnce(context);
      const { start, sync = [], rule } = build(c);
      if (c.pattern !== "sync" && c.pattern !== "sync:2") return start;
      return [...start, ...sync, ...(rule ? [managedRule(c, rule)] : [])];
    },
  };
}
