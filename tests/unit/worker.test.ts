import { strict as assert } from "node:assert";
import { createHash } from "node:crypto";
import { mock } from "node:test";
import { CallbackWorker, jsonLogger, type CallbackContext, type CallbackWorkerOptions, type Metric } from "../../worker/src";
import { FakeAws, PASS, serviceError } from "../support/fakeAws";

const QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/approvals-reviewers";
const envelope = (token: string, rest: Record<string, unknown> = {}) => JSON.stringify({ token, ...rest });

/** Lets every pending promise chain run (fake timers do not touch setImmediate). */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Moves the fake clock in 500 ms steps, letting promises settle after each. */
async function advance(ms: number): Promise<void> {
  for (let passed = 0; passed < ms; passed += 500) {
    await flush();
    mock.timers.tick(Math.min(500, ms - passed));
    await flush();
  }
}

function deferred<T = unknown>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

type Options = Partial<CallbackWorkerOptions<Record<string, unknown>>>;

/** Starts a worker on fake clients; script `aws` before passing it in to catch the very first receive. */
function setup(options: Options = {}, aws = new FakeAws()) {
  const lines: Record<string, unknown>[] = [];
  const metrics: Metric[] = [];
  const worker = new CallbackWorker({
    queueUrl: QUEUE,
    heartbeatSeconds: 300,
    handler: async () => ({ approved: true }),
    sqs: aws.sqs,
    sfn: aws.sfn,
    signals: [],
    logger: jsonLogger({ level: "debug", write: (line) => lines.push(JSON.parse(line)) }),
    onMetric: (metric) => metrics.push(metric),
    ...options,
  });
  const running = worker.start();
  const stop = async () => {
    await worker.stop();
    await running;
  };
  return { aws, worker, running, lines, metrics, stop };
}

describe("CallbackWorker (fake SQS and Step Functions)", () => {
  beforeEach(() => mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 }));
  afterEach(() => mock.timers.reset());

  describe("a round trip", () => {
    it("heartbeats once, runs the handler with the envelope minus its token, sends the output, then deletes", async () => {
      const seen: { message: unknown; context: Partial<CallbackContext> }[] = [];
      const { aws, stop } = setup({
        handler: async (message, { token, messageId, receiveCount, body }) => {
          seen.push({ message, context: { token, messageId, receiveCount, body } });
          return { approved: true, by: "ana" };
        },
      });
      aws.push(envelope("tok-1", { order: { orderId: "o-1" } }), 2);
      await flush();
      await stop();

      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        'SendTaskSuccess taskToken=tok-1 output={"approved":true,"by":"ana"}',
        "DeleteMessage ReceiptHandle=r1",
      ]);
      assert.deepEqual(seen, [
        {
          message: { order: { orderId: "o-1" } },
          context: { token: "tok-1", messageId: "m1", receiveCount: 2, body: '{"token":"tok-1","order":{"orderId":"o-1"}}' },
        },
      ]);
    });

    it("long-polls with its own visibility timeout (half of heartbeatSeconds) and asks for the receive count", async () => {
      const { aws, stop } = setup({ heartbeatSeconds: 300 });
      await flush();
      await stop();
      assert.deepEqual(aws.calls, [
        {
          call: "ReceiveMessage",
          input: {
            QueueUrl: QUEUE,
            MaxNumberOfMessages: 1,
            WaitTimeSeconds: 20,
            VisibilityTimeout: 150,
            MessageSystemAttributeNames: ["ApproximateReceiveCount"],
          },
        },
      ]);
    });

    it("sends null for a handler that returns nothing", async () => {
      const { aws, stop } = setup({ handler: async () => undefined });
      aws.push(envelope("tok-1"));
      await flush();
      await stop();
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        "SendTaskSuccess taskToken=tok-1 output=null",
        "DeleteMessage ReceiptHandle=r1",
      ]);
    });

    it("reports metrics and logs JSON lines that name the token by a hash, never by itself", async () => {
      const { aws, stop, lines, metrics } = setup();
      aws.push(envelope("secret-token-1"));
      await flush();
      await stop();
      assert.deepEqual(
        metrics.map((m) => [m.name, m.value, m.unit]),
        [
          ["MessagesReceived", 1, "Count"],
          ["HandlerDuration", 0, "Milliseconds"],
          ["CallbacksSucceeded", 1, "Count"],
        ],
      );
      const succeeded = lines.find((line) => line.msg === "task succeeded");
      assert.deepEqual(
        { ...succeeded, time: undefined },
        {
          time: undefined,
          level: "info",
          msg: "task succeeded",
          component: "CallbackWorker",
          queueUrl: QUEUE,
          messageId: "m1",
          tokenId: createHash("sha256").update("secret-token-1").digest("hex").slice(0, 12),
          receiveCount: 1,
          durationMs: 0,
        },
      );
      assert.equal(succeeded?.time, "1970-01-01T00:00:00.000Z");
      assert.ok(!JSON.stringify(lines).includes("secret-token-1"));
    });
  });

  describe("keeping the task alive", () => {
    it("heartbeats and extends visibility every quarter of heartbeatSeconds while the handler runs, and stops when it is done", async () => {
      const gate = deferred();
      const { aws, stop } = setup({ heartbeatSeconds: 300, handler: () => gate.promise });
      aws.push(envelope("tok-1"));
      await flush();
      assert.deepEqual(aws.sequence(), ["SendTaskHeartbeat taskToken=tok-1"]);
      await advance(74_500);
      assert.equal(aws.sequence().length, 1);
      await advance(500);
      await advance(75_000);
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        "SendTaskHeartbeat taskToken=tok-1",
        "ChangeMessageVisibility ReceiptHandle=r1 VisibilityTimeout=150",
        "SendTaskHeartbeat taskToken=tok-1",
        "ChangeMessageVisibility ReceiptHandle=r1 VisibilityTimeout=150",
      ]);
      gate.resolve({ approved: false });
      await flush();
      await advance(600_000);
      await stop();
      assert.deepEqual(aws.sequence().slice(5), [
        'SendTaskSuccess taskToken=tok-1 output={"approved":false}',
        "DeleteMessage ReceiptHandle=r1",
      ]);
    });

    it("keeps the message hidden, without heartbeats, while a slow answer is in flight, and stops before the delete", async () => {
      const answered = deferred();
      const { aws, stop } = setup({ heartbeatSeconds: 300 });
      aws.on("SendTaskSuccess", () => answered.promise);
      aws.push(envelope("tok-1"));
      await flush();
      await advance(150_000);
      answered.resolve({});
      await flush();
      await advance(150_000);
      await stop();
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        'SendTaskSuccess taskToken=tok-1 output={"approved":true}',
        "ChangeMessageVisibility ReceiptHandle=r1 VisibilityTimeout=150",
        "ChangeMessageVisibility ReceiptHandle=r1 VisibilityTimeout=150",
        "DeleteMessage ReceiptHandle=r1",
      ]);
    });

    it("renews at a fixed rate from the receive, so slow calls do not push renewals toward the deadline", async () => {
      const gate = deferred();
      const renewals: number[] = [];
      const { aws, stop } = setup({ heartbeatSeconds: 300, handler: () => gate.promise });
      aws.on("ChangeMessageVisibility", () => {
        renewals.push(Date.now());
        return new Promise((resolve) => setTimeout(resolve, 30_000));
      });
      aws.push(envelope("tok-1"));
      await flush();
      await advance(240_000);
      gate.resolve(true);
      await flush();
      await advance(30_000);
      await stop();
      assert.deepEqual(renewals, [75_000, 150_000, 225_000]);
    });

    it("takes explicit heartbeat and visibility settings", async () => {
      const gate = deferred();
      const { aws, stop } = setup({
        heartbeatSeconds: 10,
        heartbeatIntervalSeconds: 2,
        visibilityTimeoutSeconds: 4,
        handler: () => gate.promise,
      });
      aws.push(envelope("tok-1"));
      await flush();
      await advance(2000);
      gate.resolve(1);
      await flush();
      await stop();
      assert.equal(aws.calls[0].input.VisibilityTimeout, 4);
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        "SendTaskHeartbeat taskToken=tok-1",
        "ChangeMessageVisibility ReceiptHandle=r1 VisibilityTimeout=4",
        "SendTaskSuccess taskToken=tok-1 output=1",
        "DeleteMessage ReceiptHandle=r1",
      ]);
    });

    it("keeps going through a failed heartbeat (logged, counted) and renews at the next interval", async () => {
      const gate = deferred();
      let beats = 0;
      const { aws, stop, metrics } = setup({ heartbeatSeconds: 300, handler: () => gate.promise });
      aws.on("SendTaskHeartbeat", () => {
        beats += 1;
        if (beats === 2) throw serviceError("ThrottlingException", "Rate exceeded");
        return {};
      });
      aws.push(envelope("tok-1"));
      await flush();
      await advance(150_000);
      gate.resolve(true);
      await flush();
      await stop();
      assert.equal(beats, 3);
      assert.deepEqual(
        metrics.filter((m) => m.name === "HeartbeatErrors"),
        [{ name: "HeartbeatErrors", value: 1, unit: "Count", dimensions: { Call: "SendTaskHeartbeat" } }],
      );
      assert.deepEqual(aws.sequence().slice(-2), ["SendTaskSuccess taskToken=tok-1 output=true", "DeleteMessage ReceiptHandle=r1"]);
    });
  });

  describe("failures", () => {
    it("sends SendTaskFailure with the error's code, else its name, and its message as the cause, then deletes", async () => {
      class ReviewerUnavailable extends Error {
        override name = "ReviewerUnavailable";
      }
      const errors: unknown[] = [
        new ReviewerUnavailable("nobody on call"),
        Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
        "a string",
      ];
      const { aws, stop, metrics } = setup({
        handler: async () => {
          throw errors.shift();
        },
        concurrency: 1,
      });
      for (const token of ["tok-1", "tok-2", "tok-3"]) aws.push(envelope(token));
      await flush();
      await stop();
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        "SendTaskFailure taskToken=tok-1 error=ReviewerUnavailable cause=nobody on call",
        "DeleteMessage ReceiptHandle=r1",
        "SendTaskHeartbeat taskToken=tok-2",
        "SendTaskFailure taskToken=tok-2 error=ECONNRESET cause=socket hang up",
        "DeleteMessage ReceiptHandle=r2",
        "SendTaskHeartbeat taskToken=tok-3",
        "SendTaskFailure taskToken=tok-3 error=Error cause=a string",
        "DeleteMessage ReceiptHandle=r3",
      ]);
      assert.deepEqual(
        metrics.filter((m) => m.name === "CallbacksFailed").map((m) => m.dimensions),
        [{ Error: "ReviewerUnavailable" }, { Error: "ECONNRESET" }, { Error: "Error" }],
      );
    });

    it("cuts the error name to 256 and the cause to 32,768 characters", async () => {
      const error = Object.assign(new Error("c".repeat(40_000)), { name: "N".repeat(300) });
      const { aws, stop } = setup({
        handler: async () => {
          throw error;
        },
      });
      aws.push(envelope("tok-1"));
      await flush();
      await stop();
      const failure = aws.calls.find((c) => c.call === "SendTaskFailure")?.input;
      assert.deepEqual(failure, { taskToken: "tok-1", error: "N".repeat(256), cause: `${"c".repeat(32_767)}…` });
    });

    it("uses mapError when given, and the default mapping when mapError itself throws", async () => {
      let calls = 0;
      const { aws, stop } = setup({
        handler: async () => {
          throw new RangeError("too far");
        },
        mapError: (thrown) => {
          calls += 1;
          if (calls === 2) throw new Error("broken mapper");
          return { error: "Review.Failed", cause: `mapped: ${(thrown as Error).message}` };
        },
      });
      aws.push(envelope("tok-1"));
      aws.push(envelope("tok-2"));
      await flush();
      await stop();
      assert.deepEqual(
        aws.sequence().filter((line) => line.startsWith("SendTaskFailure")),
        [
          "SendTaskFailure taskToken=tok-1 error=Review.Failed cause=mapped: too far",
          "SendTaskFailure taskToken=tok-2 error=RangeError cause=too far",
        ],
      );
    });

    it("fails the task when the result is not JSON-serializable or over 256 KiB", async () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const results = [circular, { blob: "x".repeat(262_144) }];
      const { aws, stop } = setup({ handler: async () => results.shift() });
      aws.push(envelope("tok-1"));
      aws.push(envelope("tok-2"));
      await flush();
      await stop();
      const failures = aws.calls.filter((c) => c.call === "SendTaskFailure").map((c) => c.input);
      assert.equal(failures.length, 2);
      assert.equal(failures[0].error, "TypeError");
      assert.match(failures[0].cause as string, /^Converting circular structure to JSON/);
      assert.deepEqual(failures[1], {
        taskToken: "tok-2",
        error: "OutputTooLarge",
        cause: "the handler's result is 262155 bytes of JSON; Step Functions accepts at most 262144",
      });
      assert.equal(aws.count("SendTaskSuccess"), 0);
      assert.equal(aws.count("DeleteMessage"), 2);
    });
  });

  describe("tokens the service no longer accepts", () => {
    for (const [reason, beats] of [
      ["TaskTimedOut", 1],
      ["TaskDoesNotExist", 1],
      ["InvalidToken", 2],
    ] as const) {
      it(`drops a message whose first heartbeat answers ${reason}${beats > 1 ? " twice, a second apart," : ""} without running the handler`, async () => {
        let ran = false;
        const { aws, stop, metrics } = setup({ handler: async () => void (ran = true) });
        aws.on("SendTaskHeartbeat", () => {
          throw serviceError(reason);
        });
        aws.push(envelope("tok-1"));
        await flush();
        if (beats > 1) {
          assert.equal(aws.count("SendTaskHeartbeat"), 1);
          await advance(500);
          assert.equal(aws.count("SendTaskHeartbeat"), 1);
          await advance(500);
        }
        await stop();
        assert.equal(ran, false);
        assert.deepEqual(aws.sequence(), [
          ...Array<string>(beats).fill("SendTaskHeartbeat taskToken=tok-1"),
          "DeleteMessage ReceiptHandle=r1",
        ]);
        assert.deepEqual(
          metrics.filter((m) => m.name === "TasksGone"),
          [{ name: "TasksGone", value: 1, unit: "Count", dimensions: { Reason: reason } }],
        );
      });
    }

    it("runs the handler when the second look at a first InvalidToken finds the token alive (an engine still registering it)", async () => {
      let beats = 0;
      const { aws, stop } = setup();
      aws.on("SendTaskHeartbeat", () => {
        if (++beats === 1) throw serviceError("InvalidToken");
        return {};
      });
      aws.push(envelope("tok-1"));
      await flush();
      await advance(1_000);
      await stop();
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        "SendTaskHeartbeat taskToken=tok-1",
        "ChangeMessageVisibility ReceiptHandle=r1 VisibilityTimeout=150",
        'SendTaskSuccess taskToken=tok-1 output={"approved":true}',
        "DeleteMessage ReceiptHandle=r1",
      ]);
    });

    it("asks again within one heartbeat interval when that is shorter than invalidTokenRecheckSeconds", async () => {
      const { aws, stop } = setup({ heartbeatSeconds: 2, invalidTokenRecheckSeconds: 5 });
      aws.on("SendTaskHeartbeat", () => {
        throw serviceError("InvalidToken");
      });
      aws.push(envelope("tok-1"));
      await flush();
      await advance(500);
      await stop();
      // heartbeatSeconds 2: visibility 1 s, interval 0.5 s.
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        "SendTaskHeartbeat taskToken=tok-1",
        "DeleteMessage ReceiptHandle=r1",
      ]);
    });

    it("drops an InvalidToken at once with invalidTokenRecheckSeconds 0", async () => {
      const { aws, stop } = setup({ invalidTokenRecheckSeconds: 0 });
      aws.on("SendTaskHeartbeat", () => {
        throw serviceError("InvalidToken");
      });
      aws.push(envelope("tok-1"));
      await flush();
      await stop();
      assert.deepEqual(aws.sequence(), ["SendTaskHeartbeat taskToken=tok-1", "DeleteMessage ReceiptHandle=r1"]);
    });

    it("aborts the handler's signal and deletes the message when a later heartbeat answers TaskTimedOut, and discards the result", async () => {
      const gate = deferred();
      let signal: AbortSignal | undefined;
      let beats = 0;
      const { aws, stop } = setup({
        heartbeatSeconds: 300,
        handler: (_message, context) => {
          signal = context.signal;
          return gate.promise;
        },
      });
      aws.on("SendTaskHeartbeat", () => {
        beats += 1;
        if (beats === 2) throw serviceError("TaskTimedOut", "Task Timed Out");
        return {};
      });
      aws.push(envelope("tok-1"));
      await flush();
      await advance(75_000);
      assert.equal(signal?.aborted, true);
      assert.equal((signal?.reason as Error).name, "TaskGone");
      gate.resolve({ approved: true });
      await flush();
      await advance(300_000);
      await stop();
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        "SendTaskHeartbeat taskToken=tok-1",
        "ChangeMessageVisibility ReceiptHandle=r1 VisibilityTimeout=150",
        "DeleteMessage ReceiptHandle=r1",
      ]);
    });

    it("deletes the message when the completion answers InvalidToken, once, and goes on with the next message", async () => {
      const { aws, stop, lines } = setup();
      aws.on("SendTaskSuccess", (input) => {
        if (input.taskToken === "tok-1") throw serviceError("InvalidToken", "Invalid Token");
        return {};
      });
      aws.push(envelope("tok-1"));
      await flush();
      aws.push(envelope("tok-2"));
      await flush();
      await stop();
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        'SendTaskSuccess taskToken=tok-1 output={"approved":true}',
        "DeleteMessage ReceiptHandle=r1",
        "SendTaskHeartbeat taskToken=tok-2",
        'SendTaskSuccess taskToken=tok-2 output={"approved":true}',
        "DeleteMessage ReceiptHandle=r2",
      ]);
      const gone = lines.filter((line) => line.msg === "Step Functions no longer accepts this task token; deleting the message");
      assert.deepEqual(
        gone.map((line) => [line.level, line.reason, line.call, line.messageId]),
        [["warn", "InvalidToken", "SendTaskSuccess", "m1"]],
      );
    });

    it("leaves the message for redelivery when the completion fails for another reason", async () => {
      const { aws, stop, metrics } = setup();
      aws.on("SendTaskSuccess", () => {
        throw serviceError("ServiceUnavailable", "try later");
      });
      aws.push(envelope("tok-1"));
      await flush();
      await advance(600_000);
      await stop();
      assert.deepEqual(aws.sequence(), ["SendTaskHeartbeat taskToken=tok-1", 'SendTaskSuccess taskToken=tok-1 output={"approved":true}']);
      assert.deepEqual(
        metrics.filter((m) => m.name === "CompletionErrors").map((m) => m.value),
        [1],
      );
    });
  });

  describe("messages without a usable token", () => {
    const cases: [string, string, string][] = [
      ["not JSON", "hello", "the body is not JSON"],
      ["a JSON array", "[1]", "the body is not a JSON object"],
      ["no token", JSON.stringify({ order: {} }), 'the body has no string "token" field'],
      ["a numeric token", JSON.stringify({ token: 7 }), 'the body has no string "token" field'],
      ["an empty token", envelope(""), "the task token has 0 characters; Step Functions accepts 1 to 1024"],
      ["a 1025-character token", envelope("t".repeat(1025)), "the task token has 1025 characters; Step Functions accepts 1 to 1024"],
    ];
    for (const [what, body, reason] of cases) {
      it(`leaves a message with ${what} untouched for the dead-letter queue, and logs why`, async () => {
        let ran = false;
        const { aws, stop, lines, metrics } = setup({ handler: async () => void (ran = true) });
        aws.push(body, 3);
        await flush();
        await stop();
        assert.equal(ran, false);
        assert.deepEqual(aws.sequence(), []);
        const logged = lines.filter((line) => line.level === "error");
        assert.deepEqual(
          logged.map((line) => [line.msg, line.messageId, line.receiveCount, line.reason]),
          [["message has no usable task token; leaving it for the dead-letter queue", "m1", 3, reason]],
        );
        assert.deepEqual(
          metrics.filter((m) => m.name === "InvalidMessages").map((m) => m.value),
          [1],
        );
      });
    }

    it("accepts a 1024-character token", async () => {
      const token = "t".repeat(1024);
      const { aws, stop } = setup();
      aws.push(envelope(token));
      await flush();
      await stop();
      assert.equal(aws.count("SendTaskSuccess"), 1);
    });

    it("reads the token with a custom extractor", async () => {
      const seen: unknown[] = [];
      const aws = new FakeAws();
      const worker = new CallbackWorker({
        queueUrl: QUEUE,
        heartbeatSeconds: 60,
        sqs: aws.sqs,
        sfn: aws.sfn,
        signals: [],
        logger: jsonLogger({ write: () => {} }),
        extractToken: (body) => {
          const parsed = JSON.parse(body) as { TaskToken: string; Input: { sku: string } };
          return { token: parsed.TaskToken, message: parsed.Input };
        },
        handler: async (message) => {
          seen.push(message.sku);
          return { price: 3 };
        },
      });
      const running = worker.start();
      aws.push(JSON.stringify({ TaskToken: "tok-9", Input: { sku: "A-1" } }));
      await flush();
      await worker.stop();
      await running;
      assert.deepEqual(seen, ["A-1"]);
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-9",
        'SendTaskSuccess taskToken=tok-9 output={"price":3}',
        "DeleteMessage ReceiptHandle=r1",
      ]);
    });
  });

  describe("concurrency", () => {
    it("runs at most `concurrency` handlers and asks only for as many messages as it has free slots", async () => {
      const gates = new Map<string, ReturnType<typeof deferred>>();
      let running = 0;
      let peak = 0;
      const { aws, stop } = setup({
        concurrency: 3,
        handler: async (_message, { token }) => {
          running += 1;
          peak = Math.max(peak, running);
          const gate = deferred();
          gates.set(token, gate);
          await gate.promise;
          running -= 1;
          return token;
        },
      });
      for (let i = 1; i <= 5; i++) aws.push(envelope(`tok-${i}`));
      await flush();
      assert.deepEqual([...gates.keys()], ["tok-1", "tok-2", "tok-3"]);
      gates.get("tok-2")?.resolve(undefined);
      await flush();
      assert.deepEqual([...gates.keys()], ["tok-1", "tok-2", "tok-3", "tok-4"]);
      gates.get("tok-1")?.resolve(undefined);
      gates.get("tok-3")?.resolve(undefined);
      await flush();
      gates.get("tok-4")?.resolve(undefined);
      gates.get("tok-5")?.resolve(undefined);
      await flush();
      await stop();
      assert.equal(peak, 3);
      const asked = aws.calls.filter((c) => c.call === "ReceiveMessage").map((c) => c.input.MaxNumberOfMessages);
      assert.deepEqual(asked.slice(0, 3), [3, 1, 2]);
      assert.ok(asked.every((n) => (n as number) >= 1 && (n as number) <= 3));
      assert.equal(aws.count("SendTaskSuccess"), 5);
      assert.equal(aws.count("DeleteMessage"), 5);
    });

    it("asks for at most 10 messages per receive", async () => {
      const { aws, stop } = setup({ concurrency: 25 });
      await flush();
      await stop();
      assert.equal(aws.calls[0].input.MaxNumberOfMessages, 10);
    });

    it("backs off after a failed receive (0.5 s, then 1 s) and goes on", async () => {
      let receives = 0;
      const fake = new FakeAws().on("ReceiveMessage", () => {
        receives += 1;
        if (receives <= 2) throw serviceError("UnknownEndpoint", "network down");
        return PASS;
      });
      const { aws, stop, metrics } = setup({}, fake);
      await flush();
      assert.equal(receives, 1);
      await advance(500);
      assert.equal(receives, 2);
      await advance(500);
      assert.equal(receives, 2);
      await advance(500);
      assert.equal(receives, 3);
      aws.push(envelope("tok-1"));
      await flush();
      await stop();
      assert.equal(aws.count("SendTaskSuccess"), 1);
      assert.equal(metrics.filter((m) => m.name === "ReceiveErrors").length, 2);
    });
  });

  describe("shutdown", () => {
    it("stops receiving at once (the long poll is aborted) and lets an in-flight handler finish", async () => {
      const gate = deferred();
      const { aws, worker, running } = setup({ concurrency: 2, handler: () => gate.promise });
      aws.push(envelope("tok-1"));
      await flush();
      const receivesBefore = aws.count("ReceiveMessage");
      let stopped = false;
      void worker.stop().then(() => (stopped = true));
      await advance(10_000);
      assert.equal(stopped, false);
      assert.equal(worker.inFlight, 1);
      gate.resolve("done");
      await flush();
      await running;
      assert.equal(stopped, true);
      assert.equal(aws.count("ReceiveMessage"), receivesBefore);
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        'SendTaskSuccess taskToken=tok-1 output="done"',
        "DeleteMessage ReceiptHandle=r1",
      ]);
    });

    it("releases a message whose handler outlives the grace period (visibility 0), aborts its signal and discards a late result", async () => {
      const gate = deferred();
      let signal: AbortSignal | undefined;
      const { aws, worker, running, metrics } = setup({
        shutdownGraceSeconds: 5,
        handler: (_message, context) => {
          signal = context.signal;
          return gate.promise;
        },
      });
      aws.push(envelope("tok-1"));
      await flush();
      void worker.stop();
      await advance(4_500);
      assert.equal(signal?.aborted, false);
      await advance(500);
      await running;
      assert.equal((signal?.reason as Error).name, "Released");
      gate.resolve("late");
      await flush();
      await advance(600_000);
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        "ChangeMessageVisibility ReceiptHandle=r1 VisibilityTimeout=0",
      ]);
      assert.deepEqual(
        metrics.filter((m) => m.name === "MessagesReleased").map((m) => m.value),
        [1],
      );
    });

    it("waits for an answer already in flight when the grace period ends, instead of releasing its message", async () => {
      const answered = deferred();
      const { aws, worker, running } = setup({ shutdownGraceSeconds: 5 });
      aws.on("SendTaskSuccess", () => answered.promise);
      aws.push(envelope("tok-1"));
      await flush();
      void worker.stop();
      await advance(6_000);
      answered.resolve({});
      await flush();
      await running;
      assert.deepEqual(aws.sequence(), [
        "SendTaskHeartbeat taskToken=tok-1",
        'SendTaskSuccess taskToken=tok-1 output={"approved":true}',
        "DeleteMessage ReceiptHandle=r1",
      ]);
    });

    it("releases messages a receive brought back while the worker was stopping, without running them", async () => {
      let ran = false;
      const { aws, worker, running } = setup({ handler: async () => void (ran = true) });
      aws.ignoreAbort = true;
      await flush();
      void worker.stop();
      aws.push(envelope("tok-1"));
      await flush();
      await running;
      assert.equal(ran, false);
      assert.deepEqual(aws.sequence(), ["ChangeMessageVisibility ReceiptHandle=r1 VisibilityTimeout=0"]);
    });

    it("stops on SIGTERM and removes its signal listeners afterwards", async () => {
      const before = process.listenerCount("SIGTERM");
      const { aws, running } = setup({ signals: ["SIGTERM"] });
      await flush();
      assert.equal(process.listenerCount("SIGTERM"), before + 1);
      process.emit("SIGTERM", "SIGTERM");
      await running;
      assert.equal(process.listenerCount("SIGTERM"), before);
      assert.equal(aws.count("ReceiveMessage"), 1);
    });

    it("starts only once", async () => {
      const { worker, stop } = setup();
      await assert.rejects(worker.start(), /start\(\) runs once/);
      await stop();
      await assert.rejects(worker.start(), /start\(\) runs once/);
    });
  });

  describe("options", () => {
    const base = { queueUrl: QUEUE, heartbeatSeconds: 300, handler: () => null, signals: [] };

    it("rejects bad options, naming every problem", () => {
      assert.throws(
        () =>
          new CallbackWorker({
            ...base,
            queueUrl: "",
            heartbeatSeconds: 0,
            concurrency: 0,
            waitTimeSeconds: 21,
            visibilityTimeoutSeconds: 43_201,
          }),
        {
          name: "RangeError",
          message:
            "CallbackWorker: queueUrl must be a non-empty string; heartbeatSeconds must be a positive number (the task's HeartbeatSeconds); concurrency must be a whole number from 1 to 10000; visibilityTimeoutSeconds must be a whole number from 1 to 43200; waitTimeSeconds must be a whole number from 0 to 20",
        },
      );
    });

    it("rejects a heartbeat interval that would miss the heartbeat or the visibility deadline", () => {
      assert.throws(
        () => new CallbackWorker({ ...base, heartbeatSeconds: 10, heartbeatIntervalSeconds: 10, visibilityTimeoutSeconds: 30 }),
        {
          message: "CallbackWorker: heartbeatIntervalSeconds (10) must be below heartbeatSeconds (10)",
        },
      );
      assert.throws(
        () => new CallbackWorker({ ...base, heartbeatSeconds: 300, visibilityTimeoutSeconds: 20, heartbeatIntervalSeconds: 20 }),
        {
          message: "CallbackWorker: heartbeatIntervalSeconds (20) must be below visibilityTimeoutSeconds (20)",
        },
      );
    });

    it("sizes defaults from heartbeatSeconds: visibility half of it, interval a quarter (capped by SQS's 12 hours)", async () => {
      for (const [heartbeatSeconds, visibility] of [
        [1, 1],
        [3, 2],
        [300, 150],
        [200_000, 43_200],
      ]) {
        const aws = new FakeAws();
        const worker = new CallbackWorker({
          ...base,
          heartbeatSeconds,
          sqs: aws.sqs,
          sfn: aws.sfn,
          logger: jsonLogger({ write: () => {} }),
        });
        const running = worker.start();
        await flush();
        await worker.stop();
        await running;
        assert.equal(aws.calls[0].input.VisibilityTimeout, visibility, `heartbeatSeconds ${heartbeatSeconds}`);
      }
    });
  });
});
