/** Builds a table entry whose `.sync` pattern adds polling actions and, for event-driven services, a managed rule. */
import { managedRule } from "./arns";
import type { IamContext, IntegrationEntry, StatementSpec } from "./spec";

export interface JobStatements {
  /** What every supported pattern needs. */
  start: StatementSpec[];
  /** Added for `.sync`: describe/stop actions. */
  sync?: StatementSpec[];
  /** The EventBridge rule Step Functions manages for `.sync`, when the service reports by events. */
  rule?: string;
}

export function job(patterns: IntegrationEntry["patterns"], build: (c: IamContext) => JobStatements): IntegrationEntry {
  return {
    patterns,
    iam: (c) => {
      const { start, sync = [], rule } = build(c);
      if (c.pattern !== "sync" && c.pattern !== "sync:2") return start;
      return [...start, ...sync, ...(rule ? [managedRule(c, rule)] : [])];
    },
  };
}
