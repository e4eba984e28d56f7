/**
 * A STANDARD callback flow on LocalStack: the Workflow's callback queue and definition as the
 * component derives them, completed by the CallbackWorker (worker/) over the SDK; and a task nobody
 * answers, whose heartbeat lapses.
 */
import { strict as assert } from "node:assert";
import { DescribeExecutionCommand, GetExecutionHistoryCommand, StartExecutionCommand, type HistoryEvent } from "@aws-sdk/client-sfn";
import { CallbackWorker, silentLogger } from "../../worker/src";
import { LocalEngine, type DeployedWorkflow } from "./support/engine";

const HEARTBEAT_SECONDS = 3;

const APPROVAL = {
  Comment: "An order waits for a reviewer; a review that goes quiet is rejected",
  StartAt: "Ask reviewer",
  States: {
    "Ask reviewer": {
      Type: "Task",
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: { QueueUrl: "${callbacks.reviewers.queueUrl}", MessageBody: { "token.$": "$$.Task.Token", "order.$": "$" } },
      HeartbeatSeconds: HEARTBEAT_SECONDS,
      TimeoutSeconds: 60,
      ResultPath: "$.decision",
      Catch: [{ ErrorEquals: ["States.HeartbeatTimeout", "States.Timeout"], ResultPath: "$.error", Next: "Nobody answered" }],
      Next: "Approved?",
    },
    "Approved?": {
      Type: "Choice",
      Choices: [{ Variable: "$.decision.approved", BooleanEquals: true, Next: "Approved" }],
      Default: "Rejected",
    },
    Approved: { Type: "Succeed" },
    Rejected: { Type: "Fail", Error: "OrderRejected", Cause: "The reviewer said no" },
    "Nobody answered": { Type: "Fail", Error: "NoReviewer", Cause: "The review went quiet" },
  },
};

describe("LocalStack: a STANDARD callback flow with the worker", function () {
  this.timeout(180_000);
  let engine: LocalEngine;
  let deployed: DeployedWorkflow;

  before(async () => {
    engine = await LocalEngine.start();
    deployed = await engine.deploy("approval", { definition: APPROVAL, callbacks: { reviewers: {} } });
  });

  after(async () => {
    await engine?.stop();
  });

  async function run(name: string, input: unknown) {
    const { executionArn } = await engine.sfn.send(
      new StartExecutionCommand({ stateMachineArn: deployed.stateMachineArn, name, input: JSON.stringify(input) }),
    );
    return executionArn as string;
  }

  async function finished(executionArn: string) {
    for (;;) {
      const execution = await engine.sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (execution.status !== "RUNNING") return execution;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function events(executionArn: string): Promise<HistoryEvent[]> {
    return (await engine.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];
  }

  it("the definition points at LocalStack's callback queue", () => {
    const definition = JSON.parse(deployed.deployment.definitions.approval) as {
      States: Record<string, { Parameters: { QueueUrl: string } }>;
    };
    assert.equal(definition.States["Ask reviewer"].Parameters.QueueUrl, deployed.queueUrls.reviewers);
    assert.match(deployed.queueUrls.reviewers, /^http:\/\/127\.0\.0\.1:\d+\/queue\/us-east-1\/000000000000\/approval-reviewers$/);
  });

  it("the worker's answers become the task results: approved succeeds, rejected fails; heartbeats keep a slow review alive", async () => {
    const seen: unknown[] = [];
    const worker = new CallbackWorker<{ order: { orderId: string; approve: boolean } }>({
      queueUrl: deployed.queueUrls.reviewers,
      heartbeatSeconds: HEARTBEAT_SECONDS,
      sqs: engine.sqs,
      sfn: engine.sfn,
      signals: [],
      waitTimeSeconds: 1,
      // Both reviews at once: a message left waiting behind a 6 s handler would lapse its heartbeat.
      concurrency: 2,
      logger: silentLogger,
      // Twice the heartbeat: only the worker's heartbeats keep the task alive.
      handler: async ({ order }) => {
        seen.push(order.orderId);
        await new Promise((resolve) => setTimeout(resolve, 2 * HEARTBEAT_SECONDS * 1000));
        return { approved: order.approve, by: "reviewer-1" };
      },
    });
    const running = worker.start();
    try {
      const approved = await run("approved", { orderId: "o-1", approve: true });
      const rejected = await run("rejected", { orderId: "o-2", approve: false });
      const [yes, no] = [await finished(approved), await finished(rejected)];
      assert.deepEqual(
        { status: yes.status, error: yes.error, output: yes.output },
        {
          status: "SUCCEEDED",
          error: undefined,
          output: '{"orderId":"o-1","approve":true,"decision":{"approved":true,"by":"reviewer-1"}}',
        },
      );
      assert.deepEqual(
        { status: no.status, error: no.error, cause: no.cause },
        { status: "FAILED", error: "OrderRejected", cause: "The reviewer said no" },
      );
      assert.deepEqual(seen.sort(), ["o-1", "o-2"]);
      const types = (await events(approved)).map((event) => event.type);
      assert.equal(types.filter((type) => type === "TaskSucceeded").length, 1);
      assert.equal(types.filter((type) => type === "TaskTimedOut").length, 0);
    } finally {
      await worker.stop();
      await running;
    }
  });

  it("a task nobody answers: the heartbeat lapses as States.Timeout (AWS: States.HeartbeatTimeout) and the Catch runs", async () => {
    const started = Date.now();
    const execution = await finished(await run("unanswered", { orderId: "o-3", approve: true }));
    const elapsed = Date.now() - started;
    assert.deepEqual(
      { status: execution.status, error: execution.error, cause: execution.cause },
      { status: "FAILED", error: "NoReviewer", cause: "The review went quiet" },
    );
    const timedOut = (await events(execution.executionArn as string)).find((event) => event.type === "TaskTimedOut");
    assert.equal(timedOut?.taskTimedOutEventDetails?.error, "States.Timeout");
    assert.ok(elapsed >= HEARTBEAT_SECONDS * 1000, `ended after ${elapsed} ms, before HeartbeatSeconds`);
  });
});
