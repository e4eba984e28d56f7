/**
 * One message's way through the worker: the token, the first heartbeat, the handler under a lease,
 * the answer, the delete; and the release of a message at shutdown.
 */
import { createHash } from "node:crypto";
import { SendTaskFailureCommand, SendTaskSuccessCommand, type SFNClient } from "@aws-sdk/client-sfn";
import { ChangeMessageVisibilityCommand, DeleteMessageCommand, type Message, type SQSClient } from "@aws-sdk/client-sqs";
import { checkToken, type Envelope, type TokenExtractor } from "./envelope";
import { defaultFailure, limitFailure, serializeOutput, type TaskFailure } from "./failure";
import { type GoneReason, goneReason, Lease } from "./lease";
import type { LogFields, Logger, Metric } from "./log";
import type { CallbackHandler, Settings } from "./options";

/** A received message while the worker holds it. */
export interface Job {
  message: Message;
  /** When the receive answered: the message's visibility timeout runs from about then. */
  receivedAt: number;
  controller: AbortController;
  lease?: Lease;
  /** Set when Step Functions said the token is dead while the handler ran. */
  gone?: GoneReason;
  deletion?: Promise<void>;
  /** Set when shutdown gave the message back to the queue: the handler's result is then discarded. */
  released: boolean;
  /** Set once the handler has settled: shutdown waits for the answer and the delete instead of releasing. */
  completing?: boolean;
  settled: Promise<void>;
}

type Outcome = { output: string } | { failure: TaskFailure };

export function abortReason(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** Logs name a token by a short hash: the token itself is a capability to complete the task. */
const tokenId = (token: string) => createHash("sha256").update(token).digest("hex").slice(0, 12);

export function childLogger(log: Logger, fields: LogFields): Logger {
  return {
    debug: (message, more) => log.debug(message, { ...fields, ...more }),
    info: (message, more) => log.info(message, { ...fields, ...more }),
    warn: (message, more) => log.warn(message, { ...fields, ...more }),
    error: (message, more) => log.error(message, { ...fields, ...more }),
  };
}

export interface MessageContext<M> {
  settings: Settings;
  queueUrl: string;
  sqs: SQSClient;
  sfn: SFNClient;
  handler: CallbackHandler<M>;
  extract: TokenExtractor<M>;
  mapError: (thrown: unknown) => { error: string; cause?: string };
  log: Logger;
  metric: (metric: Metric) => void;
}

export class MessageHandling<M> {
  private readonly settings: Settings;
  private readonly queueUrl: string;
  private readonly sqs: SQSClient;
  private readonly sfn: SFNClient;
  private readonly handler: CallbackHandler<M>;
  private readonly extract: TokenExtractor<M>;
  private readonly mapError: (thrown: unknown) => { error: string; cause?: string };
  private readonly log: Logger;
  private readonly metric: (metric: Metric) => void;

  constructor(context: MessageContext<M>) {
    this.settings = context.settings;
    this.queueUrl = context.queueUrl;
    this.sqs = context.sqs;
    this.sfn = context.sfn;
    this.handler = context.handler;
    this.extract = context.extract;
    this.mapError = context.mapError;
    this.log = context.log;
    this.metric = context.metric;
  }

  /** Takes one received message to its end; never throws for what the services answer. */
  async process(job: Job): Promise<void> {
    const { message } = job;
    const messageId = message.MessageId ?? "";
    const receiveCount = Number(message.Attributes?.ApproximateReceiveCount ?? "1");
    const body = message.Body ?? "";
    let envelope: Envelope<M>;
    try {
      envelope = this.extract(body);
      checkToken(envelope.token);
    } catch (error) {
      // No token, nobody to tell: leave it to reappear until maxReceiveCount moves it to the
      // dead-letter queue, where the dead-letter alarm fires and the body is kept for inspection.
      this.log.error("message has no usable task token; leaving it for the dead-letter queue", {
        messageId,
        receiveCount,
        reason: error instanceof Error ? error.message : String(error),
      });
      this.metric({ name: "InvalidMessages", value: 1, unit: "Count" });
      return;
    }
    const { token } = envelope;
    const log = childLogger(this.log, { messageId, tokenId: tokenId(token), receiveCount });
    const lease = new Lease(
      {
        sfn: this.sfn,
        sqs: this.sqs,
        queueUrl: this.queueUrl,
        receiptHandle: message.ReceiptHandle ?? "",
        token,
        intervalMs: this.settings.heartbeatIntervalMs,
        visibilityTimeoutSeconds: this.settings.visibilityTimeoutSeconds,
        log,
        metric: (metric) => this.metric(metric),
      },
      (reason) => {
        job.gone = reason;
        job.controller.abort(abortReason("TaskGone", `Step Functions answered ${reason}`));
        job.deletion = this.taskGone(message, reason, "SendTaskHeartbeat", log);
      },
    );
    job.lease = lease;

    // A first heartbeat before the handler: a token that waited past its timeout is dropped unrun.
    let visibleSince = job.receivedAt;
    let dead = await lease.heartbeat();
    if (dead === "InvalidToken" && this.settings.invalidTokenRecheckMs > 0) {
      // Within one renewal interval, so the message is still hidden when the answer comes.
      const inMs = Math.min(this.settings.invalidTokenRecheckMs, this.settings.heartbeatIntervalMs);
      log.debug("first heartbeat answered InvalidToken; asking again", { inMs });
      await new Promise((resolve) => setTimeout(resolve, inMs));
      dead = await lease.heartbeat();
      // The wait used up part of the visibility timeout: renew it before the handler's first interval.
      if (!dead) {
        visibleSince = Date.now();
        await lease.extend();
      }
    }
    if (dead) return this.taskGone(message, dead, "SendTaskHeartbeat", log);
    if (job.released) return;
    log.debug("handler started");
    lease.start(visibleSince);
    const started = Date.now();
    let outcome: Outcome;
    try {
      const result = await this.handler(envelope.message, { token, messageId, receiveCount, body, signal: job.controller.signal, log });
      outcome = { output: serializeOutput(result) };
    } catch (thrown) {
      outcome = { failure: this.failureOf(thrown, log) };
    }
    job.completing = true;
    await lease.endHeartbeats();
    const durationMs = Date.now() - started;
    this.metric({ name: "HandlerDuration", value: durationMs, unit: "Milliseconds" });
    if (job.released || job.gone) {
      await lease.stop();
      if (job.released) log.warn("handler finished after its message was released at shutdown; result discarded", { durationMs });
      else log.info("handler finished for a task that is gone; result discarded", { durationMs, reason: job.gone });
      await job.deletion;
      return;
    }
    await this.complete(message, token, outcome, durationMs, lease, log);
  }

  private failureOf(thrown: unknown, log: Logger): TaskFailure {
    try {
      return limitFailure(this.mapError(thrown));
    } catch (error) {
      log.warn("mapError threw; using the default mapping", { error });
      return limitFailure(defaultFailure(thrown));
    }
  }

  /** Sends the answer while the lease keeps the message hidden, then deletes the message. */
  private async complete(message: Message, token: string, outcome: Outcome, durationMs: number, lease: Lease, log: Logger): Promise<void> {
    const call = "output" in outcome ? "SendTaskSuccess" : "SendTaskFailure";
    try {
      if ("output" in outcome) await this.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: outcome.output }));
      else await this.sfn.send(new SendTaskFailureCommand({ taskToken: token, ...outcome.failure }));
    } catch (error) {
      await lease.stop();
      const reason = goneReason(error);
      if (reason) return this.taskGone(message, reason, call, log);
      // Left in the queue: it reappears after the visibility timeout and the handler runs again.
      log.error("could not complete the task; the message will be delivered again", { error, call });
      this.metric({ name: "CompletionErrors", value: 1, unit: "Count" });
      return;
    }
    await lease.stop();
    if ("output" in outcome) {
      log.info("task succeeded", { durationMs });
      this.metric({ name: "CallbacksSucceeded", value: 1, unit: "Count" });
    } else {
      log.warn("task failed", { durationMs, error: outcome.failure.error, cause: outcome.failure.cause });
      this.metric({ name: "CallbacksFailed", value: 1, unit: "Count", dimensions: { Error: outcome.failure.error } });
    }
    await this.deleteMessage(message, log);
  }

  /** The service will never take this token again: retrying cannot help, so the message goes. */
  private async taskGone(message: Message, reason: GoneReason, call: string, log: Logger): Promise<void> {
    log.warn("Step Functions no longer accepts this task token; deleting the message", { reason, call });
    this.metric({ name: "TasksGone", value: 1, unit: "Count", dimensions: { Reason: reason } });
    await this.deleteMessage(message, log);
  }

  private async deleteMessage(message: Message, log: Logger): Promise<void> {
    try {
      await this.sqs.send(new DeleteMessageCommand({ QueueUrl: this.queueUrl, ReceiptHandle: message.ReceiptHandle }));
    } catch (error) {
      log.error("could not delete the message; it will be delivered again", { error });
      this.metric({ name: "DeleteErrors", value: 1, unit: "Count" });
    }
  }

  /** Makes the message visible again at once, for another worker. */
  async release(message: Message, log: Logger, why: string): Promise<void> {
    try {
      await this.sqs.send(
        new ChangeMessageVisibilityCommand({ QueueUrl: this.queueUrl, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }),
      );
      log.warn("message released", { messageId: message.MessageId, why });
      this.metric({ name: "MessagesReleased", value: 1, unit: "Count" });
    } catch (error) {
      log.error("could not release the message; it reappears after its visibility timeout", { error, messageId: message.MessageId });
    }
  }
}
