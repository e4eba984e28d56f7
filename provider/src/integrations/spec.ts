/** The shape of one entry of the integration table, and the context its IAM builder receives. */
import type { ArnContext, IntegrationPattern, PolicyStatement } from "../model/types";
import type { TaskArgs } from "../model/taskArgs";
import type { Implied } from "./implied";

export interface StatementSpec {
  actions: string[];
  resources: string[];
  condition?: Record<string, Record<string, string | string[]>>;
}

export interface ScopeOptions {
  /** Resources when the argument is absent; without it an absent argument is an error. */
  whenAbsent?: string[];
  /** Resources when the argument is computed at run time (default "*"): the widest that is still correct. */
  whenDynamic?: string[];
}

export interface IamContext extends ArnContext {
  pattern: IntegrationPattern;
  args: TaskArgs;
  /** `service:action` of the task, for messages. */
  integration: string;
  /** Queues and topics whose keys are granted elsewhere (see AnalyzeOptions.keysGranted). */
  keysGranted: readonly string[];
  /** The caller's own statements for the role (see AnalyzeOptions.extraStatements). */
  extraStatements: readonly PolicyStatement[];
  /** Name of the state machine being built (a placeholder when not yet known). */
  stateMachineName: string;
  /**
   * Resources scoped from an argument: a literal value goes through `build`, a value computed
   * at run time becomes `*` with a warning, an absent one uses `whenAbsent` or is an error.
   */
  scope(path: string, build: (value: string) => string[], options?: ScopeOptions): string[];
  /** A problem with a literal argument value (for example a queue URL that is not one). */
  invalid(path: string, message: string): void;
  warn(rule: string, message: string): void;
}

export interface IntegrationEntry {
  /** Patterns the service supports for this action (Standard workflows; Express: request-response only). */
  patterns: readonly IntegrationPattern[];
  /** Execution-role statements a task with this integration and pattern needs. */
  iam(context: IamContext): StatementSpec[];
  /** Further statements the task's parameters imply (a role passed, tags, S3 locations, keys...). */
  implies?: readonly Implied[];
  /** Why a resource stays wide where the parameters cannot name it (shown in docs/integrations.md). */
  note?: string;
}

export type IntegrationTable = Readonly<Record<string, IntegrationEntry>>;
