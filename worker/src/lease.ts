/** Keeping one message's task alive while its handler runs (heartbeats) and the message hidden until it is deleted. */
import { SendTaskHeartbeatCommand, type SFNClient } from "@aws-sdk/client-sfn";
import { ChangeMessageVisibilityCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { Logger, MetricHook } from "./log";

/** Errors with which Step Functions says a token will never be accepted again. */
export type GoneReason = "TaskTimedOut" | "TaskDoesNotExist" | "InvalidToken";
const GONE = new Set<string>(["TaskTimedOut", "TaskDoesNotExist", "InvalidToken"]);

export function goneReason(error: unknown): GoneReason | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" && GONE.has(name) ? (name as GoneReason) : undefined;
}

export interface LeaseTarget {
  sfn: SFNClient;
  sqs: SQSClient;
  queueUrl: string;
  receiptHandle: string;
  token: string;
  intervalMs: number;
  visibilityTimeoutSeconds: number;
  log: Logger;
  metric: MetricHook;
}

export class Lease {
  private timer: NodeJS.Timeout | undefined;
  private renewal: Promise<void> | undefined;
  private stopped = false;
  private heartbeats = true;

  constructor(
    private readonly target: LeaseTarget,
    private readonly onGone: (reason: GoneReason) => void,
  ) {}

  /** One SendTaskHeartbeat. Resolves to the reason when the token is dead; other errors are logged (the next beat retries). */
  async heartbeat(): Promise<GoneReason | undefined> {
    try {
      await this.target.sfn.send(new SendTaskHeartbeatCommand({ taskToken: this.target.token }));
      return undefined;
    } catch (error) {
      const reason = goneReason(error);
      if (reason) return reason;
      this.target.log.warn("heartbeat failed; retrying at the next interval", { error });
      this.target.metric({ name: "HeartbeatErrors", value: 1, unit: "Count", dimensions: { Call: "SendTaskHeartbeat" } });
      return undefined;
    }
  }

  /**
   * Renews heartbeat and visibility every interval, counted from `since` (when the visibility was
   * last set: the receive), until stop() or the token dies. Fixed rate, not fixed delay: slow calls
   * do not push the renewals toward the visibility deadline.
   */
  start(since: number): void {
    this.schedule(since + this.target.intervalMs);
  }

  private schedule(due: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(
      () => {
        this.renewal = this.renew().finally(() => {
          this.renewal = undefined;
          this.schedule(due + this.target.intervalMs);
        });
      },
      Math.max(0, due - Date.now()),
    );
  }

  /**
   * The task has its answer: from now on only the message is kept hidden (a slow SendTaskSuccess
   * must not let it reappear before it is deleted), and no heartbeat can land after the answer.
   */
  async endHeartbeats(): Promise<void> {
    this.heartbeats = false;
    await this.renewal;
  }

  /** Stops renewing; resolves once a renewal in flight is done, so nothing lands after the caller's next call. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.renewal;
  }

  private async renew(): Promise<void> {
    const beat = this.heartbeats;
    const [reason] = await Promise.all([beat ? this.heartbeat() : undefined, this.extend()]);
    this.target.log.debug(beat ? "heartbeat and visibility extension sent" : "visibility extension sent", {
      visibilityTimeoutSeconds: this.target.visibilityTimeoutSeconds,
    });
    if (reason && !this.stopped) {
      this.stopped = true;
      this.onGone(reason);
    }
  }

  /** One ChangeMessageVisibility; errors are logged (the next renewal retries). */
  async extend(): Promise<void> {
    const { sqs, queueUrl, receiptHandle, visibilityTimeoutSeconds } = this.target;
    try {
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: visibilityTimeoutSeconds,
        }),
      );
    } catch (error) {
      this.target.log.warn("could not extend the message's visibility; retrying at the next interval", { error });
      this.target.metric({ name: "HeartbeatErrors", value: 1, unit: "Count", dimensions: { Call: "ChangeMessageVisibility" } });
    }
  }
}
