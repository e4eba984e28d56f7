/** Defaults and AWS limits the components apply. */

export const SQS = {
  minVisibility: 30,
  maxVisibility: 43_200,
  minRetention: 60,
  defaultRetentionFloor: 345_600, // SQS's own default, 4 days
  maxRetention: 1_209_600, // 14 days
  maxReceiveCount: 5,
  retentionMarginSeconds: 86_400,
} as const;

export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
export const DEFAULT_LOG_RETENTION_DAYS = 30;

export const ALARM_DEFAULTS = {
  period: 300,
  queuePeriod: 60,
  evaluationPeriods: 1,
  threshold: 1,
  treatMissingData: "notBreaching",
} as const;

/** Where our derived metrics live (the heartbeat-timeout metric filter). */
export const METRIC_NAMESPACE = "SfnWorkflows";

/** TaskTimedOut events of callback tasks; the error name depends on the engine's age. */
export const HEARTBEAT_TIMEOUT_PATTERN =
  '{ ($.type = "TaskTimedOut") && (($.details.error = "States.HeartbeatTimeout") || ($.details.error = "States.Timeout")) }';

/** Longest name prefix that still leaves room for the provider's 26-character unique suffix in 80. */
export const MAX_NAME_PREFIX = 54;
