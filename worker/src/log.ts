/** Structured logging and the metric hook. */

export type LogLevel = "debug" | "info" | "warn" | "error";

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Errors as plain fields, since JSON.stringify turns an Error into `{}`. */
function plain(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}

/**
 * One JSON object per line: `{"time":"…","level":"info","msg":"…","component":"CallbackWorker",…fields}`.
 * Writes to stdout unless told otherwise; lines below `level` are dropped.
 */
export function jsonLogger(options: { level?: LogLevel; write?: (line: string) => void } = {}): Logger {
  const threshold = RANK[options.level ?? "info"];
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const emit =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (RANK[level] < threshold) return;
      const entries = Object.entries(fields).map(([key, value]) => [key, plain(value)]);
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          level,
          msg: message,
          component: "CallbackWorker",
          ...Object.fromEntries(entries),
        }),
      );
    };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

/** A logger that drops everything. */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** Counters (unit Count) and the handler's duration (unit Milliseconds), shaped for CloudWatch EMF or StatsD. */
export type MetricName =
  | "MessagesReceived"
  | "CallbacksSucceeded"
  | "CallbacksFailed"
  | "TasksGone"
  | "InvalidMessages"
  | "MessagesReleased"
  | "HeartbeatErrors"
  | "CompletionErrors"
  | "ReceiveErrors"
  | "DeleteErrors"
  | "HandlerDuration";

export interface Metric {
  name: MetricName;
  value: number;
  unit: "Count" | "Milliseconds";
  /** CallbacksFailed: `{ Error }`; TasksGone: `{ Reason }` (TaskTimedOut, TaskDoesNotExist, InvalidToken). */
  dimensions?: Record<string, string>;
}

export type MetricHook = (metric: Metric) => void;
