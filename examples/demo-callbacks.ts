// The callbacks demo: the order-approval example really running, on moto (a local AWS engine), with
// no AWS account. The state machine and queues are what the Workflow component generates; a
// CallbackWorker answers the reviewers' queue. Three orders: one approved, one nobody answers in
// time (timed out, escalated), one whose review fails (escalated). Run: tsx examples/demo-callbacks.ts
import { createHash } from "node:crypto";
import { styleText } from "node:util";
import type { HistoryEvent } from "@aws-sdk/client-sfn";
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { CallbackWorker, defaultExtractor, type Logger } from "@sfn-workflows/worker";
import { MotoAws } from "../tests/e2e/support/aws";
import { deployWorkflow } from "../tests/e2e/support/deploy";
import { exampleDefinition } from "../tests/e2e/support/examples";
import { finished, history, sleep, startExecution } from "../tests/e2e/support/executions";
import { one } from "../tests/support/mocks";
import { startMoto } from "../tests/support/moto";

const HEARTBEAT_SECONDS = 3;
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text) : text);
const heading = (text: string) => console.log(`\n${paint("bold", `== ${text} ==`)}`);
const started = Date.now();
const clock = () => paint("dim", `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s]`);

/** Which order a token belongs to, by the short hash the worker logs (`tokenId`). */
const orderOfToken = new Map<string, string>();
const tokenId = (token: string) => createHash("sha256").update(token).digest("hex").slice(0, 12);

/** The worker's structured log, as one readable line per entry. */
const transcriptLogger: Logger = (() => {
  const line =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (message === "worker stopped") return;
      if (message === "worker started") {
        const every = (fields.heartbeatIntervalMs as number) / 1000;
        message = `started: concurrency ${fields.concurrency}, heartbeat and visibility extension every ${every} s, visibility timeout ${fields.visibilityTimeoutSeconds} s`;
        fields = {};
      }
      const order = orderOfToken.get(fields.tokenId as string);
      const details = ["reason", "error", "cause", "durationMs", "receiveCount"]
        .filter((key) => fields[key] !== undefined && !(key === "receiveCount" && fields[key] === 1))
        .map((key) => `${key}=${typeof fields[key] === "object" ? JSON.stringify(fields[key]) : fields[key]}`);
      const tag = level === "warn" ? paint("yellow", "worker") : level === "error" ? paint("red", "worker") : paint("cyan", "worker");
      console.log(
        `  ${clock()} ${tag} ${order ? `${order}: ` : ""}${message}${details.length ? paint("dim", ` (${details.join(", ")})`) : ""}`,
      );
    };
  return { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") };
})();

/** One readable line per history event that says something. */
function describe(event: HistoryEvent, queueName: string): string | undefined {
  const scheduled = event.taskScheduledEventDetails;
  switch (event.type) {
    case "ExecutionStarted":
      return `started with ${event.executionStartedEventDetails?.input}`;
    case "TaskStateEntered":
    case "ChoiceStateEntered":
      return `→ ${event.stateEnteredEventDetails?.name}`;
    case "TaskScheduled":
      if (scheduled?.resourceType === "sqs")
        return `  sends its task token to ${queueName} (HeartbeatSeconds ${scheduled.heartbeatInSeconds})`;
      if (scheduled?.resourceType === "sns") return `  publishes: ${JSON.parse(scheduled.parameters as string).Message}`;
      return `  ${scheduled?.resourceType}:${scheduled?.resource}`;
    case "TaskSucceeded":
      return event.taskSucceededEventDetails?.resource === "sendMessage.waitForTaskToken"
        ? `  the worker answered ${event.taskSucceededEventDetails.output}`
        : undefined;
    case "TaskFailed":
      return `  the worker failed the task: ${event.taskFailedEventDetails?.error}`;
    case "TaskTimedOut":
      return `  ${paint("yellow", `timed out: ${event.taskTimedOutEventDetails?.error}`)} (no heartbeat or answer within HeartbeatSeconds)`;
    case "ChoiceStateExited":
      return undefined;
    case "FailStateEntered":
      return `→ ${event.stateEnteredEventDetails?.name}`;
    case "SucceedStateEntered":
      return `→ ${event.stateEnteredEventDetails?.name}`;
    case "ExecutionSucceeded":
      return paint("green", `SUCCEEDED with ${event.executionSucceededEventDetails?.output}`);
    case "ExecutionFailed":
      return paint("red", `FAILED: ${event.executionFailedEventDetails?.error} (${event.executionFailedEventDetails?.cause})`);
    default:
      return undefined;
  }
}

async function main(): Promise<void> {
  heading("A local AWS engine");
  const moto = await startMoto();
  const aws = new MotoAws(moto.endpoint);
  let worker: CallbackWorker | undefined;
  let running: Promise<void> | undefined;
  try {
    console.log(`  moto_server on ${moto.endpoint} (pid ${moto.pid}), Step Functions execution simulation on`);

    // The program's own resources, as in examples/typescript/index.ts.
    await aws.createTable("orders", "orderId");
    const topicArn = await aws.createTopic("ops");
    const inboxUrl = (await aws.sqs.send(new CreateQueueCommand({ QueueName: "ops-inbox" }))).QueueUrl as string;
    const inboxArn = (await aws.sqs.send(new GetQueueAttributesCommand({ QueueUrl: inboxUrl, AttributeNames: ["QueueArn"] }))).Attributes
      ?.QueueArn;
    await aws.subscribeQueue(topicArn, inboxArn as string);

    heading("What the Workflow component generates, created in moto");
    const deployed = await deployWorkflow(aws, "approvals", {
      definition: exampleDefinition("order-approval.asl.json", {
        "Ask reviewers": { HeartbeatSeconds: HEARTBEAT_SECONDS, TimeoutSeconds: 120 },
      }),
      callbacks: { reviewers: { maxReceiveCount: 5 } },
      definitionSubstitutions: { OrdersTable: "orders", EscalationTopic: topicArn },
    });
    const reviewers = deployed.queues.reviewers;
    const queue = one(deployed.resources, "aws:sqs/queue:Queue", "approvals-reviewers").inputs;
    console.log(`  state machine  ${deployed.stateMachineArn}`);
    console.log(
      `  queue          ${reviewers.queueName}: visibility ${queue.visibilityTimeoutSeconds} s, SSE on, dead letters after ${JSON.parse(queue.redrivePolicy as string).maxReceiveCount} receives to ${reviewers.deadLetterQueueName}`,
    );
    console.log(
      `  (examples/definitions/order-approval.asl.json with HeartbeatSeconds turned down to ${HEARTBEAT_SECONDS} s for the demo)`,
    );

    const transcript = async (orderId: string, executionArn: string) => {
      const result = await finished(aws, executionArn);
      const events = await history(aws, executionArn);
      const start = (events[0].timestamp as Date).getTime();
      console.log(`\n  ${paint("bold", `order ${orderId}`)}: execution history`);
      for (const event of events) {
        const text = describe(event, reviewers.queueName);
        if (text)
          console.log(
            `    ${paint("dim", `+${(((event.timestamp as Date).getTime() - start) / 1000).toFixed(1)} s`.padStart(8))}  ${text}`,
          );
      }
      return result.status as string;
    };
    const escalations = async () => {
      const received = await aws.sqs.send(new ReceiveMessageCommand({ QueueUrl: inboxUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const message of received.Messages ?? []) console.log(`  ${clock()} ${paint("magenta", "ops topic")} ${message.Body}`);
    };
    const outcomes: [string, string, string][] = [];

    heading(`Order o-101 arrives while no worker runs: nobody answers within ${HEARTBEAT_SECONDS} s`);
    const late = await startExecution(aws, deployed.stateMachineArn, "o-101", { orderId: "o-101", total: 75 });
    outcomes.push(["o-101", "timed out, escalated", await transcript("o-101", late)]);
    await escalations();

    heading("A CallbackWorker starts on the reviewers' queue");
    worker = new CallbackWorker({
      queueUrl: reviewers.queueUrl,
      heartbeatSeconds: HEARTBEAT_SECONDS,
      concurrency: 2,
      waitTimeSeconds: 1,
      ...aws.clients(),
      logger: transcriptLogger,
      signals: [],
      extractToken: (body) => {
        const envelope = defaultExtractor(body);
        orderOfToken.set(tokenId(envelope.token), (envelope.message.order as { orderId: string }).orderId);
        return envelope;
      },
      handler: async (message) => {
        const order = message.order as { orderId: string; total: number };
        if (order.orderId === "o-102") throw Object.assign(new Error("the review service answered 503"), { name: "ReviewerUnavailable" });
        await sleep(2_500); // a reviewer at work: heartbeats keep the task alive past HeartbeatSeconds
        return { approved: order.total < 1000, reviewer: "ana" };
      },
    });
    running = worker.start();
    // Long enough for it to find o-101's message and drop it (a second look at InvalidToken included).
    await sleep(2_000);

    heading("Orders o-100 and o-102 arrive");
    const [approved, failing] = await Promise.all([
      startExecution(aws, deployed.stateMachineArn, "o-100", { orderId: "o-100", total: 120 }),
      startExecution(aws, deployed.stateMachineArn, "o-102", { orderId: "o-102", total: 40 }),
    ]);
    await Promise.all([finished(aws, approved), finished(aws, failing)]);
    await escalations();
    outcomes.push(["o-100", "approved by the worker", await transcript("o-100", approved)]);
    const item = await aws.getItem("orders", { orderId: { S: "o-100" } });
    console.log(`    orders table: ${JSON.stringify(item)}`);
    outcomes.push(["o-102", "review failed, escalated", await transcript("o-102", failing)]);

    heading("Shutdown");
    await worker.stop();
    await running;
    console.log("  worker stopped (nothing in flight); moto stopping");

    heading("Summary");
    for (const [order, what, status] of outcomes)
      console.log(`  ${order}  ${what.padEnd(26)} ${status === "SUCCEEDED" ? paint("green", status) : paint("red", status)}`);
    console.log(`\n  Total ${((Date.now() - started) / 1000).toFixed(1)} s, no AWS account used.`);
  } finally {
    if (running) {
      await worker?.stop();
      await running;
    }
    aws.destroy();
    await moto.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
