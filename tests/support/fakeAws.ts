/**
 * Fake SQS and Step Functions clients for the callback worker: every call is recorded in one list
 * (so tests assert exact call sequences across both services), receives long-poll an in-memory
 * inbox, and any call can be scripted to answer, fail or hang.
 */
import type { SFNClient } from "@aws-sdk/client-sfn";
import type { Message, SQSClient } from "@aws-sdk/client-sqs";

export interface Call {
  call: string;
  input: Record<string, unknown>;
}

/** Returned by a scripted call to fall back to the default behaviour. */
export const PASS = Symbol("pass");

type Handler = (input: Record<string, unknown>) => unknown;

/** An error shaped like the SDK's service exceptions (the worker looks at `name`). */
export function serviceError(name: string, message = name): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export class FakeAws {
  readonly calls: Call[] = [];
  private readonly inbox: Message[] = [];
  private readonly handlers = new Map<string, Handler>();
  private wake: (() => void) | undefined;
  /** A receive that answers even though it was aborted, as a response racing stop() would. */
  ignoreAbort = false;
  private counter = 0;

  readonly sqs = {
    send: (command: object, options?: { abortSignal?: AbortSignal }) => this.send(command, options),
  } as unknown as SQSClient;
  readonly sfn = { send: (command: object) => this.send(command) } as unknown as SFNClient;

  /** Queues a message with this body; returns it (MessageId m1, m2, …; ReceiptHandle r1, r2, …). */
  push(body: string, receiveCount = 1): Message {
    this.counter += 1;
    const message: Message = {
      MessageId: `m${this.counter}`,
      ReceiptHandle: `r${this.counter}`,
      Body: body,
      Attributes: { ApproximateReceiveCount: String(receiveCount) },
    };
    this.inbox.push(message);
    this.wake?.();
    return message;
  }

  /** Scripts a call (by name without "Command"); the handler's return value or throw is the answer, PASS the default. */
  on(call: string, handler: Handler): this {
    this.handlers.set(call, handler);
    return this;
  }

  /** Calls other than ReceiveMessage, as `Name key=value…` strings: the shape most assertions want. */
  sequence(): string[] {
    return this.calls.filter((c) => c.call !== "ReceiveMessage").map(({ call, input }) => `${call} ${describe(input)}`);
  }

  count(call: string): number {
    return this.calls.filter((c) => c.call === call).length;
  }

  private async send(command: object, options?: { abortSignal?: AbortSignal }): Promise<unknown> {
    const call = command.constructor.name.replace(/Command$/, "");
    const input = { ...(command as { input: Record<string, unknown> }).input };
    this.calls.push({ call, input });
    const scripted = this.handlers.get(call);
    if (scripted) {
      const answer = await scripted(input);
      if (answer !== PASS) return answer;
    }
    if (call === "ReceiveMessage") return this.receive(input, options?.abortSignal);
    return {};
  }

  private async receive(input: Record<string, unknown>, signal: AbortSignal | undefined): Promise<unknown> {
    const take = () => ({ Messages: this.inbox.splice(0, input.MaxNumberOfMessages as number) });
    if (this.inbox.length) return take();
    // Long poll: answer when a message arrives, empty after WaitTimeSeconds, or fail when aborted.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, (input.WaitTimeSeconds as number) * 1000);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
      signal?.addEventListener("abort", () => {
        if (this.ignoreAbort) return;
        clearTimeout(timer);
        reject(serviceError("AbortError", "Request aborted"));
      });
    });
    this.wake = undefined;
    return take();
  }
}

function describe(input: Record<string, unknown>): string {
  return Object.entries(input)
    .filter(([key]) => key !== "QueueUrl")
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" ");
}
