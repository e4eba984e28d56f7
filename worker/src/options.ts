/** CallbackWorker's options, their defaults and their checks. */
import type { SFNClient } from "@aws-sdk/client-sfn";
import type { SQSClient } from "@aws-sdk/client-sqs";
import type { TokenExtractor } from "./envelope";
import type { TaskFailure } from "./failure";
import type { Logger, MetricHook } from "./log";

/** What a handler gets besides the message. */
export interface CallbackContext {
  /** The task token (already sent a first heartbeat, so the task was alive when the handler started). */
  token: string;
  messageId: string;
  /** SQS's ApproximateReceiveCount: 2 or more means an earlier worker crashed or released it. */
  receiveCount: number;
  /** The raw message body. */
  body: string;
  /** Aborted when the task is gone (timed out, stopped) or the worker releases the message at shutdown. */
  signal: AbortSignal;
  log: Logger;
}

/** Return the task's output (sent as JSON), or throw to fail the task. */
export type CallbackHandler<M> = (message: M, context: CallbackContext) => unknown;

export interface CallbackWorkerOptions<M> {
  /** The callback queue (a Workflow's `callbackQueues.NAME.queueUrl`). */
  queueUrl: string;
  /** The task's `HeartbeatSeconds`: heartbeats and visibility extensions are sized from it. */
  heartbeatSeconds: number;
  handler: CallbackHandler<M>;
  /** Handlers running at once. Default 1. */
  concurrency?: number;
  /** Reads the token and the handler's message from a body. Default: the `{ "token": …, … }` envelope. */
  extractToken?: TokenExtractor<M>;
  /** Maps what a handler threw to SendTaskFailure's error and cause (then cut to 256 / 32,768 characters). */
  mapError?: (thrown: unknown) => { error: string; cause?: string };
  /** Seconds between heartbeats (and visibility extensions). Default: min(heartbeatSeconds / 3, visibilityTimeoutSeconds / 2). */
  heartbeatIntervalSeconds?: number;
  /**
   * How long a received message stays hidden, set on receipt and renewed at every heartbeat. Default:
   * half of heartbeatSeconds (at least 1, at most 43,200), so a crashed worker's message reappears
   * while the task still has time for the next worker's first heartbeat.
   */
  visibilityTimeoutSeconds?: number;
  /** Long-poll wait, 0-20 s. Default 20. */
  waitTimeSeconds?: number;
  /** On stop(), how long in-flight handlers may take before their messages are released. Default 25 s. */
  shutdownGraceSeconds?: number;
  /**
   * When the first heartbeat answers InvalidToken, ask once more after this many seconds (at most
   * one heartbeat interval) before dropping the message: an engine may accept a token a moment
   * after it sent the message (moto does). Default 1; 0 drops at once. TaskTimedOut and
   * TaskDoesNotExist are final at once.
   */
  invalidTokenRecheckSeconds?: number;
  /** Signals that trigger stop() while the worker runs (once each: a second one gets Node's default). Default SIGTERM and SIGINT. */
  signals?: NodeJS.Signals[];
  /** Clients to use; otherwise made from region and endpoint (and destroyed on stop). */
  sqs?: SQSClient;
  sfn?: SFNClient;
  region?: string;
  endpoint?: string;
  /** Default: JSON lines on stdout at info level. */
  logger?: Logger;
  onMetric?: MetricHook;
}

export interface Settings {
  concurrency: number;
  heartbeatIntervalMs: number;
  visibilityTimeoutSeconds: number;
  waitTimeSeconds: number;
  shutdownGraceMs: number;
  invalidTokenRecheckMs: number;
  signals: NodeJS.Signals[];
}

export const DEFAULTS = {
  concurrency: 1,
  waitTimeSeconds: 20,
  shutdownGraceSeconds: 25,
  invalidTokenRecheckSeconds: 1,
  signals: ["SIGTERM", "SIGINT"],
} as const;

/** SQS's largest visibility timeout. */
export const MAX_VISIBILITY_SECONDS = 43_200;

const positive = (value: number | undefined) => value === undefined || (Number.isFinite(value) && value > 0);
const wholeIn = (value: number | undefined, min: number, max: number) =>
  value === undefined || (Number.isInteger(value) && value >= min && value <= max);

/** Resolves the defaults; throws a RangeError naming every bad option. */
export function resolveSettings<M>(options: CallbackWorkerOptions<M>): Settings {
  const problems: string[] = [];
  if (typeof options.queueUrl !== "string" || options.queueUrl.length === 0) problems.push("queueUrl must be a non-empty string");
  if (typeof options.handler !== "function") problems.push("handler must be a function");
  if (!positive(options.heartbeatSeconds) || options.heartbeatSeconds === undefined)
    problems.push("heartbeatSeconds must be a positive number (the task's HeartbeatSeconds)");
  if (!wholeIn(options.concurrency, 1, 10_000)) problems.push("concurrency must be a whole number from 1 to 10000");
  if (!wholeIn(options.visibilityTimeoutSeconds, 1, MAX_VISIBILITY_SECONDS))
    problems.push(`visibilityTimeoutSeconds must be a whole number from 1 to ${MAX_VISIBILITY_SECONDS}`);
  if (!wholeIn(options.waitTimeSeconds, 0, 20)) problems.push("waitTimeSeconds must be a whole number from 0 to 20");
  if (!positive(options.heartbeatIntervalSeconds)) problems.push("heartbeatIntervalSeconds must be a positive number");
  if (options.shutdownGraceSeconds !== undefined && !(Number.isFinite(options.shutdownGraceSeconds) && options.shutdownGraceSeconds >= 0))
    problems.push("shutdownGraceSeconds must be a number of at least 0");
  if (
    options.invalidTokenRecheckSeconds !== undefined &&
    !(Number.isFinite(options.invalidTokenRecheckSeconds) && options.invalidTokenRecheckSeconds >= 0)
  )
    problems.push("invalidTokenRecheckSeconds must be a number of at least 0");
  if (problems.length) throw new RangeError(`CallbackWorker: ${problems.join("; ")}`);

  const heartbeat = options.heartbeatSeconds;
  const visibility = options.visibilityTimeoutSeconds ?? Math.min(MAX_VISIBILITY_SECONDS, Math.max(1, Math.ceil(heartbeat / 2)));
  const interval = options.heartbeatIntervalSeconds ?? Math.min(heartbeat / 3, visibility / 2);
  // A renewal that comes after the deadline is no renewal: the task times out, or a second worker gets the message.
  if (interval >= heartbeat) problems.push(`heartbeatIntervalSeconds (${interval}) must be below heartbeatSeconds (${heartbeat})`);
  if (interval >= visibility)
    problems.push(`heartbeatIntervalSeconds (${interval}) must be below visibilityTimeoutSeconds (${visibility})`);
  if (problems.length) throw new RangeError(`CallbackWorker: ${problems.join("; ")}`);
  return {
    concurrency: options.concurrency ?? DEFAULTS.concurrency,
    heartbeatIntervalMs: Math.round(interval * 1000),
    visibilityTimeoutSeconds: visibility,
    waitTimeSeconds: options.waitTimeSeconds ?? DEFAULTS.waitTimeSeconds,
    shutdownGraceMs: Math.round((options.shutdownGraceSeconds ?? DEFAULTS.shutdownGraceSeconds) * 1000),
    invalidTokenRecheckMs: Math.round((options.invalidTokenRecheckSeconds ?? DEFAULTS.invalidTokenRecheckSeconds) * 1000),
    signals: options.signals ?? [...DEFAULTS.signals],
  };
}

export type { TaskFailure };
