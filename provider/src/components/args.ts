/** Arguments and output shapes of the components. Every default is stated where it is applied. */
import type * as pulumi from "@pulumi/pulumi";
import type { CustomIntegration, IntegrationPattern, WorkflowType } from "../analysis/types";
import type { SyncEndpointOptions } from "./syncEndpoint/args";

export type LogLevel = "ALL" | "ERROR" | "FATAL" | "OFF";
export type TreatMissingData = "missing" | "ignore" | "breaching" | "notBreaching";

/** Settings shared by every alarm a component creates. */
export interface AlarmSettings {
  /** Evaluation period in seconds. Default 300 (60 for queue alarms). */
  period?: number;
  /** Periods evaluated. Default 1. */
  evaluationPeriods?: number;
  /** Breaching periods (of evaluationPeriods) that raise the alarm. Default: all of them. */
  datapointsToAlarm?: number;
  /** Default "notBreaching": no executions is not a failure. */
  treatMissingData?: TreatMissingData;
}

export interface AlarmOverride extends AlarmSettings {
  /** Default true. */
  enabled?: boolean;
  /** Default 1 (one failed execution, one timeout, one dead letter ...). */
  threshold?: number;
}

export interface AlarmActions {
  /** ARNs notified when an alarm fires (SNS topics, ...). */
  actions?: pulumi.Input<string>[];
  /** ARNs notified when an alarm returns to OK. */
  okActions?: pulumi.Input<string>[];
  /** ARNs notified on INSUFFICIENT_DATA. */
  insufficientDataActions?: pulumi.Input<string>[];
}

export interface WorkflowAlarmsArgs extends AlarmActions, AlarmSettings {
  /** Default true; false creates no alarm at all (queue alarms included). */
  enabled?: boolean;
  executionsFailed?: AlarmOverride;
  executionsTimedOut?: AlarmOverride;
  /** Task timeouts (heartbeat or TimeoutSeconds) of callback and activity tasks, from the logs. */
  heartbeatTimeouts?: AlarmOverride;
}

export interface CallbackQueueAlarmsArgs extends AlarmActions, AlarmSettings {
  /** Default true. */
  enabled?: boolean;
  /** Oldest message age, in seconds. Default: the heartbeat interval (workers are late). */
  oldestMessageAgeSeconds?: number;
  /** Dead letters that raise the alarm. Default 1. */
  deadLetterThreshold?: number;
}

export interface CallbackQueueArgs {
  /** Receives before a message moves to the dead-letter queue. Default 5. */
  maxReceiveCount?: number;
  /** Default: the largest HeartbeatSeconds of the tasks using the queue, at least 30 (max 43200). */
  visibilityTimeoutSeconds?: number;
  /** Default: long enough for the task timeout plus a day, at least 4 days, at most 14 days. */
  messageRetentionSeconds?: number;
  /** Heartbeat interval of the tasks feeding the queue (the Workflow fills it in). Sizes defaults and alarms. */
  heartbeatSeconds?: number;
  /** Longest TimeoutSeconds of the tasks feeding the queue (the Workflow fills it in). */
  taskTimeoutSeconds?: number;
  /** Customer managed KMS key ARN. Default: SQS-managed server-side encryption. */
  kmsKeyArn?: pulumi.Input<string>;
  /** Roles allowed to send messages (the Workflow passes its execution role); others are denied. */
  senderRoleArns?: pulumi.Input<string>[];
  alarms?: CallbackQueueAlarmsArgs;
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** What the Workflow's `callbacks` map takes per queue (sizing is derived from the definition). */
export type WorkflowCallbackArgs = Omit<CallbackQueueArgs, "heartbeatSeconds" | "taskTimeoutSeconds" | "senderRoleArns" | "tags">;

export interface LoggingArgs {
  /** Default ALL for EXPRESS (logs are its only record), ERROR for STANDARD. */
  level?: LogLevel;
  /** Log execution input and output. Default false (they may hold personal data). */
  includeExecutionData?: boolean;
  /** Default 30 days. */
  retentionInDays?: number;
  /** KMS key ARN for the log group. Default: CloudWatch Logs' own encryption. */
  kmsKeyArn?: pulumi.Input<string>;
}

/** An IAM statement added to the derived execution role. */
export interface PolicyStatementArgs {
  /** Default "Allow". */
  Effect?: "Allow" | "Deny";
  Action: string[];
  Resource: pulumi.Input<string>[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface WorkflowArgs {
  /** Default STANDARD. */
  workflowType?: WorkflowType;
  /** The ASL document, as an object or a JSON string, known when the program runs. */
  definition: Record<string, unknown> | string;
  /** `${Key}` in any string of the definition is replaced by the value. */
  definitionSubstitutions?: Record<string, pulumi.Input<string>>;
  /** One callback queue per entry; reference it as `${callbacks.NAME.queueUrl}` / `${callbacks.NAME.queueArn}`. */
  callbacks?: Record<string, WorkflowCallbackArgs>;
  /** Default: the component name with a unique suffix. 1-80 letters, digits, `-`, `_`. */
  stateMachineName?: string;
  /** Bring your own execution role: none is derived, and a warning lists what the definition needs. */
  roleArn?: pulumi.Input<string>;
  /** Extra statements for the derived execution role. */
  policyStatements?: PolicyStatementArgs[];
  /** Integrations the built-in table does not know, keyed `service:action`. */
  customIntegrations?: Record<string, { patterns?: IntegrationPattern[]; statements: CustomIntegration["statements"] }>;
  logging?: LoggingArgs;
  /** X-Ray tracing. Default false. */
  tracing?: boolean;
  alarms?: WorkflowAlarmsArgs;
  /** An API Gateway endpoint that runs this (EXPRESS) workflow synchronously: SyncEndpoint's options. */
  syncEndpoint?: SyncEndpointOptions;
  tags?: Record<string, pulumi.Input<string>>;
}

export interface CallbackQueueOutputs {
  queueUrl: string;
  queueArn: string;
  deadLetterQueueUrl: string;
  deadLetterQueueArn: string;
}
