/**
 * The callback scenarios of issue 5 on moto: the order-approval example as the Workflow component
 * generates it, completed by the CallbackWorker. Timings are turned down (HeartbeatSeconds of a few
 * seconds) so the whole file runs in about a minute.
 */
import { strict as assert } from "node:assert";
import type { HistoryEvent } from "@aws-sdk/client-sfn";
import type { PolicyStatement } from "../../provider/src/model/types";
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from "@aws-sdk/client-sqs";
import { one } from "../support/mocks";
import { decide } from "../support/simulate";
import { startMoto, type Moto } from "../support/moto";
import { MotoAws } from "./support/aws";
import { crashingWorker, type Crash } from "./support/crash";
import { deployWorkflow, type Deployed } from "./support/deploy";
import { exampleDefinition } from "./support/examples";
import { eventually, explain, finished, history, queueDepth, receiveOne, sleep, startExecution, timeline } from "./support/executions";
import { startWorker, withoutRegistrationRace } from "./support/harness";

/** The approved path of the example, event by event. */
const APPROVED = [
  "ExecutionStarted",
  "TaskStateEntered Ask reviewers",
  "TaskScheduled",
  "TaskStarted",
  "TaskSubmitted",
  "TaskSucceeded",
  "TaskStateExited Ask reviewers",
  "TaskStateEntered Record decision",
  "TaskScheduled",
  "TaskStarted",
  "TaskSucceeded",
  "TaskStateExited Record decision",
  "ChoiceStateEntered Approved?",
  "ChoiceStateExited Approved?",
  "SucceedStateEntered Approved",
  "SucceedStateExited Approved",
  "ExecutionSucceeded",
];

/** The Catch path: the callback task ends with `ending` (TaskTimedOut, TaskFailed), Escalate publishes, Rejected fails. */
const escalated = (ending: string) => [
  "ExecutionStarted",
  "TaskStateEntered Ask reviewers",
  "TaskScheduled",
  "TaskStarted",
  "TaskSubmitted",
  ending,
  "TaskStateExited Ask reviewers",
  "TaskStateEntered Escalate",
  "TaskScheduled",
  "TaskStarted",
  "TaskSucceeded",
  "TaskStateExited Escalate",
  "FailStateEntered Rejected",
  "ExecutionFailed",
];

const REJECTED = { status: "FAILED", error: "OrderRejected", cause: "A reviewer rejected the order or nobody answered" };

const entered = (events: HistoryEvent[], state: string) =>
  JSON.parse(events.find((e) => e.stateEnteredEventDetails?.name === state)?.stateEnteredEventDetails?.input as string);

describe("callbacks end to end (moto)", function () {
  this.timeout(120_000);
  let moto: Moto;
  let aws: MotoAws;
  let topicArn: string;
  let escalationsUrl: string;

  before(async () => {
    moto = await startMoto();
    aws = new MotoAws(moto.endpoint);
    // The program's own resources (examples/typescript/index.ts): the orders table and the ops topic,
    // with a queue on the topic so tests read what Escalate published.
    await aws.createTable("orders", "orderId");
    topicArn = await aws.createTopic("ops");
    escalationsUrl = (await aws.sqs.send(new CreateQueueCommand({ QueueName: "escalations" }))).QueueUrl as string;
    const attributes = await aws.sqs.send(new GetQueueAttributesCommand({ QueueUrl: escalationsUrl, AttributeNames: ["QueueArn"] }));
    await aws.subscribeQueue(topicArn, attributes.Attributes?.QueueArn as string);
  });

  after(async () => {
    aws?.destroy();
    await moto?.stop();
  });

  function deployApprovals(
    name: string,
    timing: { HeartbeatSeconds: number; TimeoutSeconds: number },
    maxReceiveCount = 5,
  ): Promise<Deployed> {
    return deployWorkflow(aws, name, {
      definition: exampleDefinition("order-approval.asl.json", { "Ask reviewers": timing }),
      callbacks: { reviewers: { maxReceiveCount } },
      definitionSubstitutions: { OrdersTable: "orders", EscalationTopic: topicArn },
    });
  }

  /** What Escalate published for this order (SNS -> the escalations queue). */
  async function escalation(orderId: string): Promise<string[]> {
    const received = await aws.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: escalationsUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }),
    );
    return (received.Messages ?? []).map((m) => m.Body as string).filter((body) => body.startsWith(`Order ${orderId} `));
  }

  async function assertQueueEmpty(deployed: Deployed): Promise<void> {
    assert.deepEqual(await queueDepth(aws, deployed.queues.reviewers.queueUrl), { visible: 0, inFlight: 0 });
  }

  it("deploys what the component generates: the resolved definition and the queue settings", async () => {
    const deployed = await deployApprovals("e2e-deploy", { HeartbeatSeconds: 5, TimeoutSeconds: 60 }, 3);
    const ask = (deployed.definition.States as Record<string, { Parameters: { QueueUrl: string } }>)["Ask reviewers"];
    assert.equal(ask.Parameters.QueueUrl, deployed.queues.reviewers.queueUrl);
    assert.match(ask.Parameters.QueueUrl, new RegExp(`^${moto.endpoint}/123456789012/e2e-deploy-reviewers-abc123$`));
    const attributes = (
      await aws.sqs.send(new GetQueueAttributesCommand({ QueueUrl: deployed.queues.reviewers.queueUrl, AttributeNames: ["All"] }))
    ).Attributes;
    assert.deepEqual(
      {
        VisibilityTimeout: attributes?.VisibilityTimeout,
        MessageRetentionPeriod: attributes?.MessageRetentionPeriod,
        SqsManagedSseEnabled: attributes?.SqsManagedSseEnabled,
        RedrivePolicy: JSON.parse(attributes?.RedrivePolicy as string),
      },
      {
        VisibilityTimeout: "30",
        MessageRetentionPeriod: "345600",
        SqsManagedSseEnabled: "true",
        RedrivePolicy: { deadLetterTargetArn: deployed.queues.reviewers.deadLetterQueueArn, maxReceiveCount: 3 },
      },
    );
  });

  it("1. round trip: the worker's output becomes the task result and the execution succeeds", async () => {
    const deployed = await deployApprovals("e2e-roundtrip", { HeartbeatSeconds: 5, TimeoutSeconds: 60 });
    const seen: unknown[] = [];
    const harness = startWorker(aws, deployed.queues.reviewers.queueUrl, {
      heartbeatSeconds: 5,
      handler: async (message) => {
        seen.push(message);
        return { approved: true, reviewer: "ana" };
      },
    });
    try {
      const arn = await startExecution(aws, deployed.stateMachineArn, "order-1", { orderId: "o-1", total: 42 });
      const result = await finished(aws, arn);
      assert.equal(result.status, "SUCCEEDED", await explain(aws, result));
      assert.deepEqual(JSON.parse(result.output as string), { orderId: "o-1", total: 42, decision: { approved: true, reviewer: "ana" } });
      assert.deepEqual(seen, [{ order: { orderId: "o-1", total: 42 } }]);
      const events = await history(aws, arn);
      assert.deepEqual(timeline(events), APPROVED);
      const succeeded = events.find((e) => e.type === "TaskSucceeded");
      assert.deepEqual(JSON.parse(succeeded?.taskSucceededEventDetails?.output as string), { approved: true, reviewer: "ana" });
      assert.deepEqual(await aws.getItem("orders", { orderId: { S: "o-1" } }), { orderId: { S: "o-1" }, approved: { BOOL: true } });
      await eventually("the delete", () => harness.count("DeleteMessageCommand") === 1);
      const token = harness.calls.find((c) => c.command === "SendTaskSuccessCommand")?.token;
      assert.deepEqual(
        withoutRegistrationRace(harness.calls)
          .filter((c) => c.command !== "ReceiveMessageCommand")
          .map((c) => [c.command, c.token === token || c.token === undefined, c.error]),
        [
          ["SendTaskHeartbeatCommand", true, undefined],
          ["SendTaskSuccessCommand", true, undefined],
          ["DeleteMessageCommand", true, undefined],
        ],
      );
      await assertQueueEmpty(deployed);
    } finally {
      await harness.stop();
    }
  });

  it("2. heartbeats keep a task alive well past HeartbeatSeconds; it then succeeds", async () => {
    const deployed = await deployApprovals("e2e-heartbeats", { HeartbeatSeconds: 3, TimeoutSeconds: 60 });
    let handling!: () => void;
    const handlerStarted = new Promise<void>((resolve) => (handling = resolve));
    const harness = startWorker(aws, deployed.queues.reviewers.queueUrl, {
      heartbeatSeconds: 3,
      // Longer than the default 2 s: a renewal every second stays well ahead of it on a busy machine.
      visibilityTimeoutSeconds: 5,
      handler: async () => {
        handling();
        await sleep(9_000);
        return { approved: true };
      },
    });
    const idle: unknown[] = [];
    let second: ReturnType<typeof startWorker> | undefined;
    try {
      const arn = await startExecution(aws, deployed.stateMachineArn, "order-2", { orderId: "o-2" });
      // Once the first worker has the message, a second one polls the same queue: the visibility extensions keep it away.
      await handlerStarted;
      second = startWorker(aws, deployed.queues.reviewers.queueUrl, {
        heartbeatSeconds: 3,
        handler: async (message) => void idle.push(message),
      });
      const result = await finished(aws, arn);
      assert.equal(result.status, "SUCCEEDED", await explain(aws, result));
      assert.deepEqual(JSON.parse(result.output as string), { orderId: "o-2", decision: { approved: true } });
      assert.deepEqual(timeline(await history(aws, arn)), APPROVED);
      const seconds = ((result.stopDate as Date).getTime() - (result.startDate as Date).getTime()) / 1000;
      assert.ok(seconds >= 9, `the execution took ${seconds} s, 3 x HeartbeatSeconds or more`);
      // Every second by default (a third of HeartbeatSeconds): never a gap of HeartbeatSeconds, over 3 x HeartbeatSeconds.
      const calls = withoutRegistrationRace(harness.calls);
      const beats = calls.filter((c) => c.command === "SendTaskHeartbeatCommand").map((c) => c.at);
      const gaps = beats.slice(1).map((at, i) => at - beats[i]);
      assert.ok(beats.length >= 4, `${beats.length} heartbeats`);
      assert.ok(Math.max(...gaps) < 3_000, `heartbeat gaps ${gaps.join(", ")} ms`);
      assert.equal(harness.count("ChangeMessageVisibilityCommand"), beats.length - 1);
      assert.ok(calls.every((c) => c.error === undefined));
      const order = calls.map((c) => c.command);
      assert.ok(order.lastIndexOf("SendTaskHeartbeatCommand") < order.indexOf("SendTaskSuccessCommand"), "no heartbeat after the result");
      assert.deepEqual(idle, []);
      assert.ok(second.count("ReceiveMessageCommand") >= 5, "the second worker kept polling");
      await assertQueueEmpty(deployed);

      // Everything the worker called is allowed by the Workflow's worker policy (docs/worker.md, IAM).
      const policy = JSON.parse(one(deployed.resources, "aws:iam/policy:Policy", "e2e-heartbeats-worker").inputs.policy as string);
      const actions = [...new Set(calls.map((c) => c.command.replace(/Command$/, "")))].sort();
      assert.deepEqual(actions, ["ChangeMessageVisibility", "DeleteMessage", "ReceiveMessage", "SendTaskHeartbeat", "SendTaskSuccess"]);
      for (const action of actions) {
        const request = action.startsWith("SendTask") ? [`states:${action}`, "*"] : [`sqs:${action}`, deployed.queues.reviewers.queueArn];
        assert.equal(await decide(policy.Statement as PolicyStatement[], request as [string, string]), "Allowed", request.join(" on "));
      }
    } finally {
      await Promise.all([harness.stop(), second?.stop()]);
    }
  });

  it("3. heartbeat lapse: the task times out (States.Timeout in moto) and the Catch path escalates", async () => {
    const deployed = await deployApprovals("e2e-lapse", { HeartbeatSeconds: 2, TimeoutSeconds: 60 });
    let arn = "";
    let beats = 0;
    // The worker loses its route to Step Functions after its first heartbeat; its handler answers once the execution has ended.
    const harness = startWorker(
      aws,
      deployed.queues.reviewers.queueUrl,
      {
        heartbeatSeconds: 2,
        handler: async () => {
          await finished(aws, arn);
          return { approved: true };
        },
      },
      (command) => {
        if (command === "SendTaskHeartbeatCommand" && ++beats > 1)
          throw Object.assign(new Error("connect ETIMEDOUT"), { name: "TimeoutError" });
      },
    );
    try {
      arn = await startExecution(aws, deployed.stateMachineArn, "order-3", { orderId: "o-3" });
      const result = await finished(aws, arn);
      assert.deepEqual({ status: result.status, error: result.error, cause: result.cause }, REJECTED, await explain(aws, result));
      const events = await history(aws, arn);
      assert.deepEqual(timeline(events), escalated("TaskTimedOut"));
      assert.equal(events.find((e) => e.type === "TaskTimedOut")?.taskTimedOutEventDetails?.error, "States.Timeout");
      assert.equal(entered(events, "Escalate").error.Error, "States.Timeout");
      assert.deepEqual(await escalation("o-3"), ["Order o-3 needs a reviewer: States.Timeout"]);
      await eventually("the delete", () => harness.count("DeleteMessageCommand") === 1);
      // The late answer is refused once, the message deleted: no retry loop.
      assert.deepEqual(
        harness.calls
          .filter((c) => c.command === "SendTaskSuccessCommand" || c.command === "DeleteMessageCommand")
          .map((c) => [c.command, c.error]),
        [
          ["SendTaskSuccessCommand", "InvalidToken"],
          ["DeleteMessageCommand", undefined],
        ],
      );
      assert.ok(harness.metrics.some((m) => m.name === "HeartbeatErrors"));
      assert.deepEqual(
        harness.metrics.filter((m) => m.name === "TasksGone").map((m) => m.dimensions),
        [{ Reason: "InvalidToken" }],
      );
      await assertQueueEmpty(deployed);
    } finally {
      await harness.stop();
    }
  });

  it("4. worker crash: a second worker gets the message after the visibility timeout and completes it, once", async () => {
    const deployed = await deployApprovals("e2e-crash", { HeartbeatSeconds: 6, TimeoutSeconds: 60 });
    const queueUrl = deployed.queues.reviewers.queueUrl;
    const arn = await startExecution(aws, deployed.stateMachineArn, "order-4", { orderId: "o-4" });
    // The first worker is a separate process, killed (SIGKILL) while its handler runs.
    const crash = await crashingWorker({ endpoint: moto.endpoint, queueUrl, heartbeatSeconds: 6, crash: "hang" });
    assert.equal(crash.signal, "SIGKILL");
    assert.equal(crash.received.receiveCount, 1);
    assert.deepEqual(crash.received.message, { order: { orderId: "o-4" } });
    const killedAt = Date.now();
    const seen: { token: string; receiveCount: number; afterMs: number }[] = [];
    const harness = startWorker(aws, queueUrl, {
      heartbeatSeconds: 6,
      handler: async (_message, { token, receiveCount }) => {
        seen.push({ token, receiveCount, afterMs: Date.now() - killedAt });
        return { approved: true, reviewer: "second worker" };
      },
    });
    try {
      const result = await finished(aws, arn);
      assert.equal(result.status, "SUCCEEDED", await explain(aws, result));
      assert.deepEqual(JSON.parse(result.output as string), { orderId: "o-4", decision: { approved: true, reviewer: "second worker" } });
      assert.deepEqual(
        seen.map(({ token, receiveCount }) => ({ token, receiveCount })),
        [{ token: crash.received.token, receiveCount: 2 }],
      );
      // Hidden for the crashed worker's visibility timeout (3 s, half of HeartbeatSeconds): back before the task's heartbeat deadline.
      assert.ok(seen[0].afterMs < 6_000, `redelivered ${seen[0].afterMs} ms after the crash`);
      const events = await history(aws, arn);
      assert.deepEqual(timeline(events), APPROVED);
      assert.equal(
        events.filter((e) => e.type === "TaskSucceeded" && e.taskSucceededEventDetails?.resource === "sendMessage.waitForTaskToken").length,
        1,
      );
      await eventually("the delete", () => harness.count("DeleteMessageCommand") === 1);
      assert.equal(harness.count("SendTaskSuccessCommand"), 1);
      await assertQueueEmpty(deployed);
    } finally {
      await harness.stop();
    }
  });

  it("5. handler failure: SendTaskFailure, and the Catch path sees the error name", async () => {
    class ReviewerUnavailable extends Error {
      override name = "ReviewerUnavailable";
    }
    const deployed = await deployApprovals("e2e-failure", { HeartbeatSeconds: 5, TimeoutSeconds: 60 });
    const harness = startWorker(aws, deployed.queues.reviewers.queueUrl, {
      heartbeatSeconds: 5,
      handler: async () => {
        throw new ReviewerUnavailable("nobody is on call");
      },
    });
    try {
      const arn = await startExecution(aws, deployed.stateMachineArn, "order-5", { orderId: "o-5" });
      const result = await finished(aws, arn);
      assert.deepEqual({ status: result.status, error: result.error, cause: result.cause }, REJECTED, await explain(aws, result));
      const events = await history(aws, arn);
      assert.deepEqual(timeline(events), escalated("TaskFailed"));
      // moto keeps the error name and drops the cause (docs/e2e.md).
      assert.equal(events.find((e) => e.type === "TaskFailed")?.taskFailedEventDetails?.error, "ReviewerUnavailable");
      assert.equal(entered(events, "Escalate").error.Error, "ReviewerUnavailable");
      assert.deepEqual(await escalation("o-5"), ["Order o-5 needs a reviewer: ReviewerUnavailable"]);
      await eventually("the delete", () => harness.count("DeleteMessageCommand") === 1);
      assert.deepEqual(
        withoutRegistrationRace(harness.calls)
          .filter((c) => c.command !== "ReceiveMessageCommand")
          .map((c) => [c.command, c.error]),
        [
          ["SendTaskHeartbeatCommand", undefined],
          ["SendTaskFailureCommand", undefined],
          ["DeleteMessageCommand", undefined],
        ],
      );
      assert.deepEqual(
        harness.metrics.filter((m) => m.name === "CallbacksFailed").map((m) => m.dimensions),
        [{ Error: "ReviewerUnavailable" }],
      );
      await assertQueueEmpty(deployed);
    } finally {
      await harness.stop();
    }
  });

  it("6. stale tokens: a task that timed out before or during its handler is dropped, without a crash or a loop", async () => {
    const deployed = await deployApprovals("e2e-stale", { HeartbeatSeconds: 2, TimeoutSeconds: 4 });
    const queueUrl = deployed.queues.reviewers.queueUrl;
    // (a) The task times out (no heartbeat) before any worker runs.
    const before = await startExecution(aws, deployed.stateMachineArn, "order-6a", { orderId: "o-6a" });
    assert.deepEqual(((r) => ({ status: r.status, error: r.error }))(await finished(aws, before)), {
      status: "FAILED",
      error: "OrderRejected",
    });
    const handled: string[] = [];
    let slowSignal: AbortSignal | undefined;
    const harness = startWorker(aws, queueUrl, {
      heartbeatSeconds: 2,
      concurrency: 2,
      handler: async (message, { signal }) => {
        const orderId = (message.order as { orderId: string }).orderId;
        handled.push(orderId);
        // (b) Slower than the task's TimeoutSeconds, heartbeats or not.
        if (orderId === "o-6b") {
          slowSignal = signal;
          await sleep(6_000);
        }
        return { approved: true };
      },
    });
    try {
      await eventually("the stale message's delete", () => harness.count("DeleteMessageCommand") === 1);
      assert.deepEqual(handled, [], "the handler never runs for a task that is already gone");
      assert.deepEqual(
        harness.calls.filter((c) => c.command !== "ReceiveMessageCommand").map((c) => [c.command, c.error]),
        [
          ["SendTaskHeartbeatCommand", "InvalidToken"],
          ["SendTaskHeartbeatCommand", "InvalidToken"],
          ["DeleteMessageCommand", undefined],
        ],
      );

      const during = await startExecution(aws, deployed.stateMachineArn, "order-6b", { orderId: "o-6b" });
      const timedOut = await finished(aws, during);
      assert.deepEqual({ status: timedOut.status, error: timedOut.error }, { status: "FAILED", error: "OrderRejected" });
      const events = await history(aws, during);
      assert.deepEqual(timeline(events), escalated("TaskTimedOut"));
      assert.equal(events.find((e) => e.type === "TaskTimedOut")?.taskTimedOutEventDetails?.error, "States.Timeout");
      await eventually("the handler's signal to abort", () => slowSignal?.aborted === true);
      assert.equal((slowSignal?.reason as Error).name, "TaskGone");
      const token = harness.calls.filter((c) => c.command === "SendTaskHeartbeatCommand").at(-1)?.token as string;
      const forToken = withoutRegistrationRace(harness.calls).filter((c) => c.token === token);
      // Heartbeats until the service refuses one; then nothing more for that token, ever.
      assert.ok(forToken.slice(0, -1).every((c) => c.command === "SendTaskHeartbeatCommand" && c.error === undefined));
      assert.match(`${forToken.at(-1)?.command} ${forToken.at(-1)?.error}`, /^SendTaskHeartbeatCommand (TaskTimedOut|InvalidToken)$/);
      await eventually("the slow handler to return", () => harness.metrics.filter((m) => m.name === "HandlerDuration").length === 1);
      const callsSoFar = harness.calls.length;
      await sleep(3_000);
      assert.equal(withoutRegistrationRace(harness.calls).filter((c) => c.token === token).length, forToken.length);
      assert.equal(harness.count("SendTaskSuccessCommand", token), 0);
      assert.ok(
        harness.calls.slice(callsSoFar).every((c) => c.command === "ReceiveMessageCommand"),
        "only polling while idle",
      );
      assert.equal(harness.count("DeleteMessageCommand"), 2);

      // (c) The same worker still completes the next task.
      const after = await startExecution(aws, deployed.stateMachineArn, "order-6c", { orderId: "o-6c" });
      assert.equal((await finished(aws, after)).status, "SUCCEEDED");
      assert.deepEqual(handled, ["o-6b", "o-6c"]);
      await assertQueueEmpty(deployed);
    } finally {
      await harness.stop();
    }
  });

  it("7. poison message: crashing its handler every time lands it in the DLQ after maxReceiveCount receives; the DLQ alarm would fire", async () => {
    const deployed = await deployApprovals("e2e-poison", { HeartbeatSeconds: 20, TimeoutSeconds: 120 }, 3);
    const { queueUrl, deadLetterQueueUrl, deadLetterQueueName } = deployed.queues.reviewers;
    await startExecution(aws, deployed.stateMachineArn, "order-7", { orderId: "o-7" });
    const crashes: Crash[] = [];
    for (let i = 0; i < 3; i++)
      crashes.push(
        await crashingWorker({
          endpoint: moto.endpoint,
          queueUrl,
          heartbeatSeconds: 20,
          visibilityTimeoutSeconds: 1,
          heartbeatIntervalSeconds: 0.5,
          crash: "exit",
        }),
      );
    assert.deepEqual(
      crashes.map((c) => [c.received.receiveCount, c.signal, c.received.token === crashes[0].received.token]),
      [
        [1, "SIGKILL", true],
        [2, "SIGKILL", true],
        [3, "SIGKILL", true],
      ],
    );
    // A healthy worker's next receive is what moves it (SQS redrives on receive): it never sees it.
    let ran = false;
    const harness = startWorker(aws, queueUrl, { heartbeatSeconds: 20, handler: async () => void (ran = true) });
    await eventually("the message to reach the DLQ", async () => (await queueDepth(aws, deadLetterQueueUrl)).visible === 1);
    await sleep(1_000);
    await harness.stop();
    assert.equal(ran, false);
    assert.ok(harness.calls.every((c) => c.command === "ReceiveMessageCommand"));
    assert.deepEqual(await queueDepth(aws, queueUrl), { visible: 0, inFlight: 0 });
    const dlq = await queueDepth(aws, deadLetterQueueUrl);
    assert.deepEqual(dlq, { visible: 1, inFlight: 0 });

    // The dead-letter alarm as the component registered it, evaluated against the DLQ's count.
    const alarm = one(deployed.resources, "aws:cloudwatch/metricAlarm:MetricAlarm", "e2e-poison-reviewers-dead-letters").inputs;
    assert.deepEqual(
      [alarm.namespace, alarm.metricName, alarm.dimensions, alarm.statistic, alarm.comparisonOperator, alarm.threshold],
      ["AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: deadLetterQueueName }, "Maximum", "GreaterThanOrEqualToThreshold", 1],
    );
    assert.ok(dlq.visible >= (alarm.threshold as number), "ApproximateNumberOfMessagesVisible >= threshold: the alarm fires");

    const dead = await receiveOne(aws, deadLetterQueueUrl);
    assert.equal(JSON.parse(dead?.Body as string).token, crashes[0].received.token);
  });
});
