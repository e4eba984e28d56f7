import { strict as assert } from "node:assert";
import { capture, registered } from "../support/mocks";
import { approvalDefinition, quoteDefinition } from "../support/definitions";
import { captureWarnings } from "../support/logs";
import { InputError, Workflow } from "../../provider/src";

/** Rules the components add on top of the definition analysis. */
describe("Workflow option rules", () => {
  it("retention-below-timeout: a callback task that may outwait the queue's retention", async () => {
    const definition = approvalDefinition();
    (definition.States as Record<string, Record<string, unknown>>).Ask.TimeoutSeconds = 2_000_000;
    const { warnings } = await captureWarnings(() =>
      capture(() => new Workflow("long-wait", { definition, callbacks: { reviewers: {} } }).stateMachineArn),
    );
    assert.deepEqual(
      warnings.filter((w) => w.message.startsWith("[retention-below-timeout]")).map((w) => w.message),
      [
        "[retention-below-timeout] (definition): callbacks.reviewers: tasks may wait 2000000 s but messages are kept at most 1209600 s: a message can expire before a worker sees it; set TimeoutSeconds on the tasks",
      ],
    );
    const { warnings: none } = await captureWarnings(() =>
      capture(() => new Workflow("day-wait", { definition: approvalDefinition(), callbacks: { reviewers: {} } }).stateMachineArn),
    );
    assert.deepEqual(
      none.filter((w) => w.message.startsWith("[retention-below-timeout]")),
      [],
    );
  });

  it("express-without-logs: an EXPRESS workflow with logging OFF keeps no record", async () => {
    const { warnings } = await captureWarnings(() =>
      capture(
        () =>
          new Workflow("blind", {
            workflowType: "EXPRESS",
            definition: quoteDefinition(),
            definitionSubstitutions: { QuotesTable: "q" },
            logging: { level: "OFF" },
          }).stateMachineArn,
      ),
    );
    assert.ok(
      warnings.some((w) =>
        w.message.startsWith("[express-without-logs] (definition): logging.level: an EXPRESS workflow keeps no execution history"),
      ),
    );
  });

  it("bad-name: callback names and reserved substitution keys", () => {
    const before = registered.length;
    assert.throws(
      () =>
        new Workflow("names", {
          definition: approvalDefinition(),
          callbacks: { reviewers: {}, "bad name": {} },
          definitionSubstitutions: { "callbacks.reviewers.queueUrl": "x", "has space": "y" },
        }),
      (error: unknown) =>
        error instanceof InputError &&
        JSON.stringify(error.problems.filter((p) => p.rule === "bad-name").map((p) => p.message.split(":")[0])) ===
          JSON.stringify([
            "definitionSubstitutions.callbacks.reviewers.queueUrl",
            "definitionSubstitutions.has space",
            "callbacks.bad name",
          ]),
    );
    assert.equal(registered.length, before);
  });

  it("policy-too-large: a definition needing more than ten managed policies is rejected up front", () => {
    const states: Record<string, unknown> = {};
    const count = 700;
    for (let i = 0; i < count; i++) {
      states[`S${i}`] = {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Parameters: { FunctionName: `a-rather-long-function-name-to-fill-the-policy-${i}` },
        ...(i < count - 1 ? { Next: `S${i + 1}` } : { End: true }),
      };
    }
    const before = registered.length;
    assert.throws(
      () => new Workflow("huge", { definition: { StartAt: "S0", States: states } }),
      (error: unknown) =>
        error instanceof InputError &&
        error.problems.length === 1 &&
        error.problems[0].rule === "policy-too-large" &&
        /more than 10 managed policies hold; split the workflow or pass roleArn/.test(error.problems[0].message),
    );
    assert.equal(registered.length, before);
  });

  it("invalid-option: alarm settings", () => {
    assert.throws(
      () =>
        new Workflow("alarm-options", {
          definition: approvalDefinition(),
          callbacks: { reviewers: {} },
          alarms: {
            evaluationPeriods: 0,
            executionsFailed: { threshold: -1, datapointsToAlarm: 3 },
            treatMissingData: "sometimes" as "missing",
          },
        }),
      (error: unknown) =>
        error instanceof InputError &&
        JSON.stringify(error.problems.map((p) => p.message)) ===
          JSON.stringify([
            "alarms.evaluationPeriods: 0 must be a whole number from 1 to 100",
            'alarms.treatMissingData: "sometimes" must be one of missing, ignore, breaching, notBreaching',
            "alarms.executionsFailed.datapointsToAlarm: 3 must be a whole number from 1 to 1",
            "alarms.executionsFailed.threshold: -1 must be a number of at least 0",
          ]),
    );
  });
});
