/**
 * Which alarms a workflow and its callback queues get, with their settings. Pure (no Pulumi), so the
 * `graph` command draws the same alarms the components create.
 */
import { callbackPlaceholders } from "../model/placeholders";
import type { TaskSummary, WorkflowType } from "../model/types";
import type { AlarmOverride, CallbackQueueArgs, LogLevel, WorkflowAlarmsArgs } from "./args";
import { ALARM_DEFAULTS, SQS } from "./defaults";

export interface PlannedAlarm extends Required<Pick<AlarmOverride, "threshold" | "period" | "evaluationPeriods" | "treatMissingData">> {
  datapointsToAlarm?: number;
}

export interface PlannedWorkflowAlarms {
  executionsFailed?: PlannedAlarm;
  executionsTimedOut?: PlannedAlarm;
  heartbeatTimeouts?: PlannedAlarm;
}

export const defaultLogLevel = (workflowType: WorkflowType): LogLevel => (workflowType === "EXPRESS" ? "ALL" : "ERROR");

function planAlarm(alarms: WorkflowAlarmsArgs, override: AlarmOverride | undefined): PlannedAlarm | undefined {
  if (override?.enabled === false) return undefined;
  return {
    threshold: override?.threshold ?? ALARM_DEFAULTS.threshold,
    period: override?.period ?? alarms.period ?? ALARM_DEFAULTS.period,
    evaluationPeriods: override?.evaluationPeriods ?? alarms.evaluationPeriods ?? ALARM_DEFAULTS.evaluationPeriods,
    treatMissingData: override?.treatMissingData ?? alarms.treatMissingData ?? ALARM_DEFAULTS.treatMissingData,
    datapointsToAlarm: override?.datapointsToAlarm ?? alarms.datapointsToAlarm,
  };
}

/**
 * The workflow's own alarms. `heartbeatWithoutLogs` is set when the heartbeat-timeout alarm is wanted
 * but the log level writes no TaskTimedOut events, so it is left out.
 */
export function planWorkflowAlarms(
  args: WorkflowAlarmsArgs,
  workerTasks: boolean,
  logLevel: LogLevel,
): { alarms: PlannedWorkflowAlarms; heartbeatWithoutLogs: boolean } {
  if (args.enabled === false) return { alarms: {}, heartbeatWithoutLogs: false };
  const heartbeat = workerTasks ? planAlarm(args, args.heartbeatTimeouts) : undefined;
  const heartbeatWithoutLogs = heartbeat !== undefined && (logLevel === "OFF" || logLevel === "FATAL");
  return {
    alarms: {
      executionsFailed: planAlarm(args, args.executionsFailed),
      executionsTimedOut: planAlarm(args, args.executionsTimedOut),
      heartbeatTimeouts: heartbeatWithoutLogs ? undefined : heartbeat,
    },
    heartbeatWithoutLogs,
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
// A reduce, not Math.max(...values): a generated definition can have more tasks than a call takes arguments.
const maxOf = (values: Array<number | undefined>) =>
  values.some((v) => v === undefined) ? undefined : (values as number[]).reduce((a, b) => Math.max(a, b), -Infinity);

/** The tasks that use a callback queue, and the longest heartbeat and timeout among them (to size the queue). */
export function callbackTaskSizing(name: string, tasks: readonly TaskSummary[]) {
  const { queueUrl, queueArn } = callbackPlaceholders(name);
  const users = tasks.filter((task) => task.placeholders.includes(queueUrl) || task.placeholders.includes(queueArn));
  const heartbeats = users.map((task) => task.heartbeatSeconds).filter((v): v is number => v !== undefined);
  return {
    users,
    heartbeatSeconds: heartbeats.length ? maxOf(heartbeats) : undefined,
    // Heartbeats can keep a task without TimeoutSeconds alive indefinitely: only a timeout bounds the wait.
    taskTimeoutSeconds: users.length ? maxOf(users.map((task) => task.timeoutSeconds)) : undefined,
  };
}

/** Sizing the queue from the tasks that feed it. */
export function callbackQueueSettings(args: CallbackQueueArgs) {
  const visibilityTimeoutSeconds =
    args.visibilityTimeoutSeconds ?? clamp(args.heartbeatSeconds ?? SQS.minVisibility, SQS.minVisibility, SQS.maxVisibility);
  const messageRetentionSeconds =
    args.messageRetentionSeconds ??
    (args.taskTimeoutSeconds === undefined
      ? SQS.maxRetention
      : clamp(args.taskTimeoutSeconds + SQS.retentionMarginSeconds, SQS.defaultRetentionFloor, SQS.maxRetention));
  return {
    visibilityTimeoutSeconds,
    messageRetentionSeconds,
    maxReceiveCount: args.maxReceiveCount ?? SQS.maxReceiveCount,
    oldestMessageAgeSeconds: args.alarms?.oldestMessageAgeSeconds ?? args.heartbeatSeconds ?? visibilityTimeoutSeconds,
  };
}

/** A callback queue's alarm settings: the workflow's alarm defaults under the queue's own, off when either is off. */
export function callbackQueueAlarmArgs(workflow: WorkflowAlarmsArgs, queue: CallbackQueueArgs["alarms"]): CallbackQueueArgs["alarms"] {
  return { ...workflow, ...queue, ...(workflow.enabled === false ? { enabled: false } : {}) };
}

/** A callback queue's two alarms (late workers, dead letters), undefined when its alarms are off. */
export function planQueueAlarms(args: CallbackQueueArgs) {
  const alarms = args.alarms ?? {};
  if (alarms.enabled === false) return undefined;
  const settings = callbackQueueSettings(args);
  const common = {
    period: alarms.period ?? ALARM_DEFAULTS.queuePeriod,
    evaluationPeriods: alarms.evaluationPeriods ?? ALARM_DEFAULTS.evaluationPeriods,
    datapointsToAlarm: alarms.datapointsToAlarm,
    treatMissingData: alarms.treatMissingData ?? ALARM_DEFAULTS.treatMissingData,
  };
  return {
    oldestMessageAge: { ...common, threshold: settings.oldestMessageAgeSeconds },
    deadLetters: { ...common, threshold: alarms.deadLetterThreshold ?? ALARM_DEFAULTS.threshold },
  };
}
