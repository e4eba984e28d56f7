/**
 * CallbackWorker: long-polls a callback queue, runs a handler per task token with bounded
 * concurrency, keeps the task and the message alive while it runs, completes the task, and shuts
 * down gracefully. docs/worker.md has the whole contract.
 */
import { SFNClient } from "@aws-sdk/client-sfn";
import { type Message, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { defaultExtractor, type TokenExtractor } from "./envelope";
import { defaultFailure } from "./failure";
import { jsonLogger, type Logger, type Metric, type MetricHook } from "./log";
import { abortReason, childLogger, type Job, MessageHandling } from "./message";
import { type CallbackWorkerOptions, resolveSettings, type Settings } from "./options";

/** SQS returns at most 10 messages per receive. */
const MAX_BATCH = 10;
const MAX_RECEIVE_BACKOFF_MS = 30_000;

export class CallbackWorker<M = Record<string, unknown>> {
  private readonly settings: Settings;
  private readonly queueUrl: string;
  private readonly sqs: SQSClient;
  private readonly messages: MessageHandling<M>;
  /** Clients this worker made, and so destroys when it stops. */
  private readonly ownClients: { destroy(): void }[] = [];
  private readonly log: Logger;
  private readonly onMetric: MetricHook | undefined;

  private state: "idle" | "running" | "stopping" | "stopped" = "idle";
  private readonly polling = new AbortController();
  private readonly jobs = new Set<Job>();
  private slotFreed: (() => void) | undefined;
  private readonly stopped: Promise<void>;
  private markStopped!: () => void;

  constructor(options: CallbackWorkerOptions<M>) {
    this.settings = resolveSettings(options);
    this.queueUrl = options.queueUrl;
    const config = { region: options.region, endpoint: options.endpoint };
    this.sqs = options.sqs ?? this.own(new SQSClient(config));
    this.log = childLogger(options.logger ?? jsonLogger(), { queueUrl: options.queueUrl });
    this.onMetric = options.onMetric;
    this.messages = new MessageHandling<M>({
      settings: this.settings,
      queueUrl: options.queueUrl,
      sqs: this.sqs,
      sfn: options.sfn ?? this.own(new SFNClient(config)),
      handler: options.handler,
      // Without an extractor M is the default envelope's Record<string, unknown>.
      extract: options.extractToken ?? (defaultExtractor as unknown as TokenExtractor<M>),
      mapError: options.mapError ?? defaultFailure,
      log: this.log,
      metric: (metric) => this.metric(metric),
    });
    this.stopped = new Promise((resolve) => (this.markStopped = resolve));
  }

  private own<C extends { destroy(): void }>(client: C): C {
    this.ownClients.push(client);
    return client;
  }

  /** Handlers running now. */
  get inFlight(): number {
    return this.jobs.size;
  }

  /** Runs until stop() or one of the signals; resolves once in-flight messages are finished or released. */
  async start(): Promise<void> {
    if (this.state !== "idle") throw new Error("CallbackWorker.start() runs once; create a new worker to start again");
    this.state = "running";
    const onSignal = (signal: NodeJS.Signals) => {
      this.log.info("signal received; stopping", { signal });
      void this.stop();
    };
    for (const signal of this.settings.signals) process.once(signal, onSignal);
    const { concurrency, heartbeatIntervalMs, visibilityTimeoutSeconds } = this.settings;
    this.log.info("worker started", { concurrency, heartbeatIntervalMs, visibilityTimeoutSeconds });
    try {
      await this.poll();
      await this.drain();
    } finally {
      for (const signal of this.settings.signals) process.removeListener(signal, onSignal);
      for (const client of this.ownClients) client.destroy();
      this.state = "stopped";
      this.log.info("worker stopped");
      this.markStopped();
    }
  }

  /** Stops receiving at once, lets in-flight handlers finish within the grace period, releases the rest. */
  stop(): Promise<void> {
    if (this.state === "idle") {
      this.state = "stopped";
      this.markStopped();
    } else if (this.state === "running") {
      this.state = "stopping";
      this.log.info("stopping", { inFlight: this.jobs.size });
      this.polling.abort();
      this.slotFreed?.();
    }
    return this.stopped;
  }

  private metric(metric: Metric): void {
    try {
      this.onMetric?.(metric);
    } catch (error) {
      this.log.warn("the metric hook threw", { error, metric: metric.name });
    }
  }

  private async poll(): Promise<void> {
    let failures = 0;
    while (this.state === "running") {
      while (this.jobs.size >= this.settings.concurrency && this.state === "running")
        await new Promise<void>((resolve) => (this.slotFreed = resolve));
      if (this.state !== "running") break;
      let messages: Message[];
      try {
        const received = await this.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: this.queueUrl,
            MaxNumberOfMessages: Math.min(MAX_BATCH, this.settings.concurrency - this.jobs.size),
            WaitTimeSeconds: this.settings.waitTimeSeconds,
            VisibilityTimeout: this.settings.visibilityTimeoutSeconds,
            MessageSystemAttributeNames: ["ApproximateReceiveCount"],
          }),
          // stop() cuts the long poll short; messages it may have taken reappear after the visibility timeout.
          { abortSignal: this.polling.signal },
        );
        messages = received.Messages ?? [];
        failures = 0;
      } catch (error) {
        if (this.state !== "running") break;
        failures += 1;
        const retryInMs = Math.min(MAX_RECEIVE_BACKOFF_MS, 500 * 2 ** (failures - 1));
        this.log.error("receive failed; retrying", { error, retryInMs });
        this.metric({ name: "ReceiveErrors", value: 1, unit: "Count" });
        await this.pause(retryInMs);
        continue;
      }
      const receivedAt = Date.now();
      if (messages.length) this.metric({ name: "MessagesReceived", value: messages.length, unit: "Count" });
      for (const message of messages) {
        if (this.state === "running") this.dispatch(message, receivedAt);
        else await this.messages.release(message, this.log, "the worker is stopping");
      }
    }
  }

  /** Sleeps, waking early on stop(). */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.polling.signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }

  private dispatch(message: Message, receivedAt: number): void {
    const job: Job = { message, receivedAt, controller: new AbortController(), released: false, settled: Promise.resolve() };
    this.jobs.add(job);
    job.settled = this.messages
      .process(job)
      .catch((error) => this.log.error("unexpected error while handling a message", { error, messageId: message.MessageId }))
      .finally(() => {
        this.jobs.delete(job);
        this.slotFreed?.();
      });
  }

  /** Waits for in-flight handlers up to the grace period, then releases the unfinished ones. */
  private async drain(): Promise<void> {
    if (this.jobs.size === 0) return;
    this.log.info("waiting for in-flight handlers", { inFlight: this.jobs.size, graceMs: this.settings.shutdownGraceMs });
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), this.settings.shutdownGraceMs)));
    const finished = Promise.all([...this.jobs].map((job) => job.settled)).then(() => false as const);
    const late = await Promise.race([finished, graceOver]);
    clearTimeout(timer);
    if (!late) return;
    await Promise.all(
      [...this.jobs].map(async (job) => {
        // An answer already on its way is worth more than a redelivery.
        if (job.completing) return job.settled;
        job.released = true;
        job.controller.abort(abortReason("Released", "the worker stopped before the handler finished"));
        await job.lease?.stop();
        await this.messages.release(job.message, this.log, "the shutdown grace period ended before its handler finished");
      }),
    );
  }
}
