/**
 * Argument and output shapes of Workflow and CallbackQueue. schema.json is the one source of
 * truth: these are the types generated from it (provider/src/schema-types.ts, `make gen`), under
 * the names the components use, so tsc fails when the code and the schema disagree.
 */
import type * as schema from "../schema-types";

export type WorkflowArgs = schema.WorkflowArgs;
export type CallbackQueueArgs = schema.CallbackQueueArgs;
export type WorkflowCallbackArgs = schema.WorkflowCallbackArgs;
export type WorkflowAlarmsArgs = schema.WorkflowAlarmsArgs;
export type CallbackQueueAlarmsArgs = schema.CallbackQueueAlarmsArgs;
export type AlarmOverride = schema.AlarmOverrideArgs;
export type LoggingArgs = schema.LoggingArgs;
export type PolicyStatementArgs = schema.PolicyStatementArgs;
export type LogLevel = schema.LogLevel;
export type TreatMissingData = schema.TreatMissingData;
/** One entry of Workflow's `callbackQueues` output. */
export type CallbackQueueOutputs = schema.WorkflowCallbackQueue;

/** Settings every alarm takes, alone or inherited from the workflow's `alarms`. */
export type AlarmSettings = Pick<AlarmOverride, "period" | "evaluationPeriods" | "datapointsToAlarm" | "treatMissingData">;
/** Who is told when an alarm changes state. */
export type AlarmActions = Pick<WorkflowAlarmsArgs, "actions" | "okActions" | "insufficientDataActions">;
