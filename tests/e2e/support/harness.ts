/** A CallbackWorker on its own moto clients, with every call, log line and metric recorded. */
import { CallbackWorker, jsonLogger, type CallbackWorkerOptions, type Metric } from "../../../worker/src";
import type { MotoAws } from "./aws";

export interface RecordedCall {
  command: string;
  /** The task token for Step Functions calls, the receipt handle for SQS calls that take one. */
  token?: string;
  error?: string;
  /** Date.now() when the call was made. */
  at: number;
}

/** Runs before the real call; throw to make the call fail as if the network had. */
export type Interceptor = (command: string, input: Record<string, unknown>) => void;

export interface Harness {
  worker: CallbackWorker;
  running: Promise<void>;
  calls: RecordedCall[];
  lines: Record<string, unknown>[];
  metrics: Metric[];
  /** Stops the worker (and its clients). */
  stop(): Promise<void>;
  /** Calls of one command, optionally for one token. */
  count(command: string, token?: string): number;
}

type Options = Omit<CallbackWorkerOptions<Record<string, unknown>>, "queueUrl" | "sqs" | "sfn">;

export function startWorker(aws: MotoAws, queueUrl: string, options: Options, intercept?: Interceptor): Harness {
  const { sqs, sfn } = aws.clients();
  const calls: RecordedCall[] = [];
  const lines: Record<string, unknown>[] = [];
  const metrics: Metric[] = [];
  const note = async <T>(command: string, input: Record<string, unknown>, send: () => Promise<T>): Promise<T> => {
    const call: RecordedCall = { command, token: input.taskToken as string | undefined, at: Date.now() };
    calls.push(call);
    try {
      intercept?.(command, input);
      return await send();
    } catch (error) {
      call.error = (error as Error).name;
      throw error;
    }
  };
  const where = { step: "initialize", name: "e2eRecorder" } as const;
  sqs.middlewareStack.add(
    (next, context) => (args) => note(context.commandName as string, args.input as Record<string, unknown>, () => next(args)),
    where,
  );
  sfn.middlewareStack.add(
    (next, context) => (args) => note(context.commandName as string, args.input as Record<string, unknown>, () => next(args)),
    where,
  );
  const worker = new CallbackWorker({
    queueUrl,
    sqs,
    sfn,
    signals: [],
    waitTimeSeconds: 1,
    logger: jsonLogger({ level: "debug", write: (line) => lines.push(JSON.parse(line)) }),
    onMetric: (metric) => metrics.push(metric),
    ...options,
  });
  const running = worker.start();
  return {
    worker,
    running,
    calls,
    lines,
    metrics,
    async stop() {
      await worker.stop();
      await running;
      sqs.destroy();
      sfn.destroy();
    },
    count: (command, token) => calls.filter((c) => c.command === command && (token === undefined || c.token === token)).length,
  };
}

/**
 * moto sets a task's heartbeat up a moment after it sends the message, so a worker that is quick
 * enough gets InvalidToken on its first heartbeat, then asks again (invalidTokenRecheckSeconds)
 * and goes on. This drops such a first answer, for comparing call sequences exactly.
 */
export function withoutRegistrationRace(calls: RecordedCall[]): RecordedCall[] {
  const seen = new Set<string>();
  return calls.filter((call) => {
    if (call.command !== "SendTaskHeartbeatCommand" || call.token === undefined) return true;
    const first = !seen.has(call.token);
    seen.add(call.token);
    return !(first && call.error === "InvalidToken");
  });
}
