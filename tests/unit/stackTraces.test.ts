import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { capture } from "../support/mocks";
import { approvalDefinition } from "../support/definitions";
import { CallbackQueue, Workflow } from "../../provider/src";

/** Resource transformations run synchronously inside each resource's constructor: they see the limit in force. */
function recordLimits(seen: Array<[string, number]>): pulumi.ComponentResourceOptions {
  return {
    transformations: [
      (args) => {
        seen.push([`${args.type} ${args.name}`, Error.stackTraceLimit]);
        return undefined;
      },
    ],
  };
}

describe("no stack traces while a component registers its children", () => {
  const original = Error.stackTraceLimit;
  afterEach(() => {
    Error.stackTraceLimit = original;
  });

  it("every resource of a Workflow, nested callback queues and what follows them included, is registered without stack traces", async () => {
    Error.stackTraceLimit = 10;
    const seen: Array<[string, number]> = [];
    const resources = await capture(() => {
      const workflow = new Workflow("approvals", { definition: approvalDefinition(), callbacks: { reviewers: {} } }, recordLimits(seen));
      assert.equal(Error.stackTraceLimit, 10);
      return [workflow.stateMachineArn];
    });
    assert.equal(seen.length, resources.length);
    assert.deepEqual(
      seen.filter(([, limit]) => limit !== 0),
      [],
    );
    // The state machine comes after the callback queue, whose own restore must not undo the Workflow's.
    const order = seen.map(([name]) => name);
    assert.ok(order.indexOf("aws:sfn/stateMachine:StateMachine approvals") > order.indexOf("aws:sqs/queue:Queue approvals-reviewers"));
  });

  it("puts the limit back when construction throws", () => {
    Error.stackTraceLimit = 10;
    const failing: pulumi.ComponentResourceOptions = {
      transformations: [
        (args) => {
          if (args.type === "aws:sqs/queue:Queue") throw new Error("transformation failed");
          return undefined;
        },
      ],
    };
    assert.throws(() => new CallbackQueue("jobs", {}, failing), /transformation failed/);
    assert.equal(Error.stackTraceLimit, 10);
  });

  it("leaves a limit that is not a number alone", async () => {
    (Error as { stackTraceLimit?: unknown }).stackTraceLimit = undefined;
    const seen: Array<[string, number]> = [];
    await capture(() => new CallbackQueue("jobs", {}, recordLimits(seen)).queueUrl);
    assert.deepEqual(new Set(seen.map(([, limit]) => limit)), new Set([undefined]));
  });
});
