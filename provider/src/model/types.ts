/** Shapes shared by the analysis layer. Pure data: no Pulumi, no I/O. */

export type WorkflowType = "STANDARD" | "EXPRESS";

/** How a Task waits for its integration, chosen by the Resource suffix. */
export type IntegrationPattern = "request-response" | "sync" | "sync:2" | "callback";

/** What kind of thing a Task's Resource names. */
export type IntegrationKind = "optimized" | "aws-sdk" | "lambda-arn" | "activity";

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. `express-pattern`; documented in docs/rules.md. */
  rule: string;
  /** State path such as `Fan out > branch 1 > Ask`, or null for the document itself. */
  state: string | null;
  message: string;
  /**
   * JSON pointer of the offending field in the definition (`/States/Fail/ErrorPath`), like
   * Step Functions' own diagnostics; the CLI turns it into a line and column.
   */
  location?: string;
}

export interface Integration {
  state: string;
  resource: string;
  kind: IntegrationKind;
  /** Service as written in the Resource (`sqs`, `aws-sdk` services keep their SDK name). */
  service: string;
  action: string;
  pattern: IntegrationPattern;
}

/** The S3 calls a Distributed Map makes itself: reading its items, writing its results. */
export type MapIoKind = "item-reader" | "result-writer";

/** A Distributed Map's ItemReader or ResultWriter, listed as the integration it is. */
export interface MapIntegration extends Omit<Integration, "kind"> {
  kind: MapIoKind;
}

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

/** Where ARNs are built: the caller's partition, region and account. */
export interface ArnContext {
  partition: string;
  region: string;
  account: string;
}

export interface AnalyzeOptions extends Partial<ArnContext> {
  workflowType?: WorkflowType;
  /**
   * Names that may appear as `${Name}` placeholders. When given, any other placeholder is an
   * error; when absent, placeholders are not checked (the definition is taken as final).
   */
  placeholders?: readonly string[];
  /** Declared callback queues: their `${callbacks.NAME.queueUrl|queueArn}` placeholders are known. */
  callbacks?: readonly string[];
  /** The state machine's own name, for Distributed Map and HTTP task permissions. */
  stateMachineName?: string;
  /**
   * Queue URLs and topic ARNs whose encryption keys the caller grants itself (the package's
   * callback queues): no `kms-key-unknown` warning for them.
   */
  keysGranted?: readonly string[];
  /**
   * The caller's own statements for the role (a Workflow's `policyStatements`): where they grant
   * a queue's or topic's key actions on a KMS key (or `*`), no `kms-key-unknown` warning.
   */
  extraStatements?: readonly PolicyStatement[];
  /** Integrations the table does not know, with the statements they need (keyed `service:action`). */
  customIntegrations?: Readonly<Record<string, CustomIntegration>>;
}

/** A user-declared integration: which patterns it supports and the statements it needs, used as given. */
export interface CustomIntegration {
  /** Default: request-response only. */
  patterns?: IntegrationPattern[];
  statements: PolicyStatement[];
}

export interface AnalysisResult {
  ok: boolean;
  workflowType: WorkflowType;
  errors: Diagnostic[];
  warnings: Diagnostic[];
  integrations: Integration[];
  /** Least-privilege statements for the execution role (logging/tracing are added by the caller). */
  statements: PolicyStatement[];
  /** Every Task state, for callers that size queues and alarms. */
  tasks: TaskSummary[];
  /** Each state's own statements (before merging), by state path: what the state adds to the role. */
  stateStatements: Record<string, PolicyStatement[]>;
  /** The parsed definition (undefined when it did not parse). */
  definition?: Record<string, unknown>;
}

export interface TaskSummary {
  state: string;
  pattern?: IntegrationPattern;
  kind?: IntegrationKind;
  heartbeatSeconds?: number;
  timeoutSeconds?: number;
  /** Placeholder names (`callbacks.x.queueUrl`, ...) used anywhere in the task. */
  placeholders: string[];
}

/** The ASL state types; the structural contract (contract/kinds.ts) has one kind per type. */
export const STATE_TYPES = ["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"] as const;
export type StateType = (typeof STATE_TYPES)[number];
