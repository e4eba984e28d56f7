/** Starting executions in moto, waiting for them, and reading their history. */
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import { GetQueueAttributesCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import type { MotoAws } from "./aws";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** moto needs a name on every StartExecution. */
export async function startExecution(aws: MotoAws, stateMachineArn: string, name: string, input: unknown): Promise<string> {
  const started = await aws.sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
  return started.executionArn as string;
}

/** Polls until the execution leaves RUNNING. */
export async function finished(aws: MotoAws, executionArn: string, timeoutMs = 60_000): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const described = await aws.sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== "RUNNING") return described;
    if (Date.now() > deadline) throw new Error(`${executionArn} still RUNNING after ${timeoutMs} ms`);
    await sleep(100);
  }
}

export async function history(aws: MotoAws, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await aws.sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** The history as `Type` lines, with the state's name on Entered/Exited events: the shape tests compare exactly. */
export function timeline(events: HistoryEvent[]): string[] {
  return events.map((event) => {
    const state = event.stateEnteredEventDetails?.name ?? event.stateExitedEventDetails?.name;
    return state ? `${event.type} ${state}` : (event.type as string);
  });
}

/** Messages and in-flight messages on a queue, from moto's counters. */
export async function queueDepth(aws: MotoAws, queueUrl: string): Promise<{ visible: number; inFlight: number }> {
  const attributes = (
    await aws.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
      }),
    )
  ).Attributes;
  return { visible: Number(attributes?.ApproximateNumberOfMessages), inFlight: Number(attributes?.ApproximateNumberOfMessagesNotVisible) };
}

/** Takes one message off a queue (waiting up to `waitSeconds`), or undefined. */
export async function receiveOne(aws: MotoAws, queueUrl: string, waitSeconds = 5) {
  const received = await aws.sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      WaitTimeSeconds: waitSeconds,
      MaxNumberOfMessages: 1,
      MessageSystemAttributeNames: ["ApproximateReceiveCount"],
    }),
  );
  return received.Messages?.[0];
}

/** Polls `check` until it returns true; fails with `what` after `timeoutMs` (the suite may share a busy machine). */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** An execution's status, error and history in one line, for assertion messages. */
export async function explain(aws: MotoAws, execution: DescribeExecutionCommandOutput): Promise<string> {
  const events = timeline(await history(aws, execution.executionArn as string));
  return `${execution.name}: ${execution.status} ${execution.error ?? ""} ${execution.cause ?? ""} after ${events.join(" > ")}`;
}
