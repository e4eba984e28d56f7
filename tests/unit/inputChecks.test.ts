import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { capture, registered } from "../support/mocks";
import { approvalDefinition, quoteDefinition } from "../support/definitions";
import { captureWarnings } from "../support/logs";
import { CallbackQueue, InputError, SyncEndpoint, Workflow } from "../../provider/src";
import { formatDiagnostic } from "../../provider/src/components/errors";
import { checkInputs, checkWhenKnown } from "../../provider/src/components/inputChecks";

const MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:quote";
const WORKFLOW = "sfn-workflows:index:Workflow";

/** The lines of the one error `create` throws; nothing may be registered. */
function problemLines(create: () => unknown): string[] {
  const before = registered.length;
  let lines: string[] = [];
  assert.throws(create, (error: unknown) => {
    assert.ok(error instanceof InputError, String(error));
    assert.ok(pulumi.RunError.isInstance(error), "the runtime prints a RunError without its stack");
    lines = error.problems.map(formatDiagnostic);
    return true;
  });
  assert.equal(registered.length, before, "nothing is registered");
  return lines;
}

const workflow = (extra: Record<string, unknown>) => () =>
  new Workflow("typo", { definition: approvalDefinition(), callbacks: { reviewers: {} }, ...extra } as never);

describe("input checks from schema.json", () => {
  describe("unknown keys name the key, its path and the closest known key", () => {
    const cases: Array<[string, () => unknown, string]> = [
      [
        "Workflow top level",
        () => new Workflow("typo", { definition: approvalDefinition(), definitonSubstitutions: {} } as never),
        "[unknown-key] definitonSubstitutions: Workflow has no input `definitonSubstitutions`; did you mean `definitionSubstitutions`?",
      ],
      [
        "callbacks.NAME",
        workflow({ callbacks: { reviewers: { maxRecieveCount: 3 } } }),
        "[unknown-key] callbacks.reviewers.maxRecieveCount: WorkflowCallback has no input `maxRecieveCount`; did you mean `maxReceiveCount`?",
      ],
      [
        "callbacks.NAME in a Python dict (snake_case)",
        workflow({ callbacks: { reviewers: { max_recieve_count: 3 } } }),
        "[unknown-key] callbacks.reviewers.max_recieve_count: WorkflowCallback has no input `max_recieve_count`; did you mean `max_receive_count`?",
      ],
      [
        "callbacks.NAME.alarms",
        workflow({ callbacks: { reviewers: { alarms: { oldestMessageAgeSecond: 60 } } } }),
        "[unknown-key] callbacks.reviewers.alarms.oldestMessageAgeSecond: CallbackQueueAlarms has no input `oldestMessageAgeSecond`; did you mean `oldestMessageAgeSeconds`?",
      ],
      [
        "logging",
        workflow({ logging: { levle: "ALL" } }),
        "[unknown-key] logging.levle: Logging has no input `levle`; did you mean `level`?",
      ],
      [
        "alarms",
        workflow({ alarms: { evaluationPeriod: 2 } }),
        "[unknown-key] alarms.evaluationPeriod: WorkflowAlarms has no input `evaluationPeriod`; did you mean `evaluationPeriods`?",
      ],
      [
        "alarms.executionsFailed",
        workflow({ alarms: { executionsFailed: { treshold: 2 } } }),
        "[unknown-key] alarms.executionsFailed.treshold: AlarmOverride has no input `treshold`; did you mean `threshold`?",
      ],
      [
        "deployment",
        workflow({ deployment: { type: "CANARY", percentage: 10, intervalMinute: 5 } }),
        "[unknown-key] deployment.intervalMinute: WorkflowDeployment has no input `intervalMinute`; did you mean `intervalMinutes`?",
      ],
      [
        "policyStatements[i]",
        workflow({ policyStatements: [{ Action: ["s3:GetObject"], Resources: ["*"] }] }),
        "[unknown-key] policyStatements[0].Resources: PolicyStatement has no input `Resources`; did you mean `Resource`?",
      ],
      [
        "customIntegrations.KEY",
        workflow({ customIntegrations: { "example:doThing": { statements: [], pattern: ["sync"] } } }),
        '[unknown-key] customIntegrations["example:doThing"].pattern: CustomIntegration has no input `pattern`; did you mean `patterns`?',
      ],
      [
        "customIntegrations.KEY.statements[i]",
        workflow({ customIntegrations: { "example:doThing": { statements: [{ Actions: ["x:Y"], Resource: ["*"] }] } } }),
        '[unknown-key] customIntegrations["example:doThing"].statements[0].Actions: CustomIntegrationStatement has no input `Actions`; did you mean `Action`?',
      ],
      [
        "syncEndpoint.request",
        () =>
          new Workflow("typo", {
            workflowType: "EXPRESS",
            definition: quoteDefinition(),
            definitionSubstitutions: { QuotesTable: "q" },
            syncEndpoint: { request: { header: true } },
          } as never),
        "[unknown-key] syncEndpoint.request.header: SyncEndpointRequest has no input `header`; did you mean `headers`?",
      ],
      [
        "CallbackQueue top level",
        () => new CallbackQueue("typo", { heartbeatSecond: 60 } as never),
        "[unknown-key] heartbeatSecond: CallbackQueue has no input `heartbeatSecond`; did you mean `heartbeatSeconds`?",
      ],
      [
        "CallbackQueue alarms",
        () => new CallbackQueue("typo", { alarms: { deadLetterTreshold: 2 } } as never),
        "[unknown-key] alarms.deadLetterTreshold: CallbackQueueAlarms has no input `deadLetterTreshold`; did you mean `deadLetterThreshold`?",
      ],
      [
        "SyncEndpoint top level",
        () => new SyncEndpoint("typo", { stateMachineArn: MACHINE, stageNmae: "v1" } as never),
        "[unknown-key] stageNmae: SyncEndpoint has no input `stageNmae`; did you mean `stageName`?",
      ],
      [
        "SyncEndpoint cors",
        () => new SyncEndpoint("typo", { stateMachineArn: MACHINE, cors: { allowOrigin: ["*"] } } as never),
        "[unknown-key] cors.allowOrigin: SyncEndpointCors has no input `allowOrigin`; did you mean `allowOrigins`?",
      ],
      [
        "SyncEndpoint throttle",
        () => new SyncEndpoint("typo", { stateMachineArn: MACHINE, throttle: { rateLimt: 5 } } as never),
        "[unknown-key] throttle.rateLimt: SyncEndpointThrottle has no input `rateLimt`; did you mean `rateLimit`?",
      ],
      [
        "SyncEndpoint accessLogs",
        () => new SyncEndpoint("typo", { stateMachineArn: MACHINE, accessLogs: { retentionDays: 7 } } as never),
        "[unknown-key] accessLogs.retentionDays: SyncEndpointAccessLogs has no input `retentionDays`; did you mean `retentionInDays`?",
      ],
      [
        "SyncEndpoint jwt",
        () =>
          new SyncEndpoint("typo", {
            stateMachineArn: MACHINE,
            apiType: "HTTP",
            authorization: "JWT",
            jwt: { issuer: "https://id.example.com", audiences: ["a"] },
          } as never),
        "[unknown-key] jwt.audiences: SyncEndpointJwt has no input `audiences`; did you mean `audience`?",
      ],
    ];
    for (const [where, create, line] of cases)
      it(where, () => {
        const lines = problemLines(create);
        assert.ok(lines.includes(line), lines.join("\n"));
      });

    it("lists the known keys when nothing is close", () => {
      assert.deepEqual(problemLines(workflow({ logging: { colour: "red" } })), [
        "[unknown-key] logging.colour: Logging has no input `colour`; known inputs: level, includeExecutionData, retentionInDays, kmsKeyArn",
      ]);
    });
  });

  describe("wrong types are reported like every other problem, never as a TypeError", () => {
    it("syncEndpoint.request.context: true, authorizerClaims: {}, headers: 5", () => {
      assert.deepEqual(
        problemLines(
          () =>
            new SyncEndpoint("types", {
              stateMachineArn: MACHINE,
              authorization: "COGNITO",
              cognitoUserPoolArns: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"],
              request: { context: true, authorizerClaims: {}, headers: 5 },
              failedStatusCode: "500",
            } as never),
        ),
        [
          '[wrong-type] request.context: must be a list whose items are each one of "requestId", "requestTime", "requestTimeEpoch", "httpMethod", "path", "resourcePath", "stage", "apiId", "domainName", "sourceIp", "userAgent", "userArn", "caller", "accountId", "apiKeyId", "principalOrgId", "cognitoIdentityId", "xrayTraceId", not true',
          "[wrong-type] request.authorizerClaims: must be a list whose items are each a string, not an object",
          "[wrong-type] request.headers: must be true or false or a list whose items are each a string, not 5",
          '[wrong-type] failedStatusCode: must be a whole number, not "500"',
        ],
      );
    });

    it("a Workflow's callbacks, alarms and definition, with the component's own checks still run on the rest", () => {
      assert.deepEqual(
        problemLines(
          () =>
            new Workflow("types", {
              definition: 42,
              callbacks: { reviewers: { maxReceiveCount: "5" } },
              alarms: { actions: "arn:aws:sns:us-east-1:123456789012:alerts" },
              stateMachineName: "bad name!",
            } as never),
        ),
        [
          "[wrong-type] definition: must be a string or an object whose values are each any value, not 42",
          '[wrong-type] callbacks.reviewers.maxReceiveCount: must be a whole number, not "5"',
          '[wrong-type] alarms.actions: must be a list whose items are each a string, not "arn:aws:sns:us-east-1:123456789012:a...',
          '[bad-name] stateMachineName: "bad name!" is not a valid state machine name: use 1 to 80 ASCII letters, digits, "-" or "_"',
        ],
      );
    });

    it("a missing required input", () => {
      assert.deepEqual(
        problemLines(() => new SyncEndpoint("missing", {} as never)),
        ["[missing-input] stateMachineArn: SyncEndpoint needs `stateMachineArn`"],
      );
    });
  });

  describe("inputs that decide what is created must be known at preview", () => {
    it("a definition given as an Output names the input and says to use definitionSubstitutions", () => {
      assert.deepEqual(
        problemLines(() => new Workflow("late", { definition: pulumi.output(approvalDefinition()) } as never)),
        [
          "[unknown-at-preview] definition: must be known when the program runs, during preview too (it decides which resources are created), but it is a value known only later (an Output or a promise); keep the definition literal and pass values known only later (ARNs, names of other resources) through definitionSubstitutions, as ${Name} placeholders",
        ],
      );
    });

    it("callback names and the workflow type too", () => {
      const lines = problemLines(
        () =>
          new Workflow("late", {
            definition: approvalDefinition(),
            callbacks: pulumi.output({ reviewers: {} }),
            workflowType: Promise.resolve("STANDARD"),
          } as never),
      );
      assert.deepEqual(
        lines.map((line) => line.split(": must be known")[0]),
        ["[unknown-at-preview] callbacks", "[unknown-at-preview] workflowType"],
      );
    });
  });

  describe("every ARN input goes through the one ARN helper", () => {
    const badKey = "arn:aws:kms:eu-wets-1:123456789012:key/abc";
    const region = 'the region "eu-wets-1" is not an AWS region; did you mean "eu-west-1"?';
    const topic = "arn:aws:sns:eu-wets-1:123456789012:alerts";
    const cases: Array<[string, () => unknown, string]> = [
      ["Workflow roleArn", workflow({ roleArn: "arn:aws:iam::12345678901:role/x" }), "roleArn"],
      ["Workflow callbacks.NAME.kmsKeyArn", workflow({ callbacks: { reviewers: { kmsKeyArn: badKey } } }), "callbacks.reviewers.kmsKeyArn"],
      ["Workflow logging.kmsKeyArn", workflow({ logging: { kmsKeyArn: badKey } }), "logging.kmsKeyArn"],
      ["Workflow alarms.actions", workflow({ alarms: { actions: [topic] } }), "alarms.actions[0]"],
      ["Workflow alarms.okActions", workflow({ alarms: { okActions: [topic] } }), "alarms.okActions[0]"],
      [
        "Workflow alarms.insufficientDataActions",
        workflow({ alarms: { insufficientDataActions: [topic] } }),
        "alarms.insufficientDataActions[0]",
      ],
      [
        "Workflow callbacks.NAME.alarms.actions",
        workflow({ callbacks: { reviewers: { alarms: { actions: [topic] } } } }),
        "callbacks.reviewers.alarms.actions[0]",
      ],
      [
        "Workflow syncEndpoint.cognitoUserPoolArns",
        () =>
          new Workflow("arns", {
            workflowType: "EXPRESS",
            definition: quoteDefinition(),
            definitionSubstitutions: { QuotesTable: "q" },
            syncEndpoint: { authorization: "COGNITO", cognitoUserPoolArns: ["arn:aws:cognito-idp:eu-wets-1:123456789012:userpool/x_y"] },
          }),
        "syncEndpoint.cognitoUserPoolArns[0]",
      ],
      [
        "Workflow syncEndpoint.accessLogs.kmsKeyArn",
        () =>
          new Workflow("arns", {
            workflowType: "EXPRESS",
            definition: quoteDefinition(),
            definitionSubstitutions: { QuotesTable: "q" },
            syncEndpoint: { accessLogs: { kmsKeyArn: badKey } },
          }),
        "syncEndpoint.accessLogs.kmsKeyArn",
      ],
      ["CallbackQueue kmsKeyArn", () => new CallbackQueue("arns", { kmsKeyArn: badKey }), "kmsKeyArn"],
      ["CallbackQueue senderRoleArns", () => new CallbackQueue("arns", { senderRoleArns: ["arn:aws:iam::1:role/x"] }), "senderRoleArns[0]"],
      ["CallbackQueue alarms.okActions", () => new CallbackQueue("arns", { alarms: { okActions: [topic] } }), "alarms.okActions[0]"],
      [
        "SyncEndpoint stateMachineArn",
        () => new SyncEndpoint("arns", { stateMachineArn: MACHINE.replace("us-east-1", "eu-wets-1") }),
        "stateMachineArn",
      ],
      [
        "SyncEndpoint cognitoUserPoolArns",
        () =>
          new SyncEndpoint("arns", {
            stateMachineArn: MACHINE,
            authorization: "COGNITO",
            cognitoUserPoolArns: ["arn:aws:cognito-idp:eu-wets-1:123456789012:userpool/x_y"],
          }),
        "cognitoUserPoolArns[0]",
      ],
      [
        "SyncEndpoint accessLogs.kmsKeyArn",
        () => new SyncEndpoint("arns", { stateMachineArn: MACHINE, accessLogs: { kmsKeyArn: badKey } }),
        "accessLogs.kmsKeyArn",
      ],
    ];
    for (const [what, create, input] of cases)
      it(what, () => {
        const lines = problemLines(create);
        assert.equal(lines.length, 1, lines.join("\n"));
        assert.ok(lines[0].startsWith(`[invalid-arn] ${input}: "arn:`), lines[0]);
        assert.ok(lines[0].includes(input.includes("senderRole") || input === "roleArn" ? "12-digit" : region), lines[0]);
      });

    it("an ARN known only later is checked once known, and its failure names the input, whatever reports it", async () => {
      const check = checkInputs(WORKFLOW, { definition: "{}", roleArn: pulumi.output("arn:aws:iam::123456789012:role/ok") });
      assert.deepEqual(check.pendingArns, [{ input: "roleArn", kind: "iam-role" }]);
      const late = checkWhenKnown(WORKFLOW, "late", check, "roleArn", pulumi.output("arn:aws:iam::123:role/x"));
      const error = await new Promise<unknown>((resolve) => (late as unknown as { promise(): Promise<unknown> }).promise().catch(resolve));
      assert.ok(error instanceof InputError && pulumi.RunError.isInstance(error));
      const message =
        'sfn-workflows:index:Workflow "late" has 1 problem; found once its values were known; fix it and run again:\n  - [invalid-arn] roleArn: "arn:aws:iam::123:role/x" is not an IAM role ARN: the account "123" is not a 12-digit AWS account ID; expected an IAM role ARN such as arn:aws:iam::123456789012:role/NAME';
      assert.equal(error.message, message);
      // What @pulumi/pulumi does to an error that rejects a resource input: the message stays the input's.
      error.message = `error serializing property "roleArn": ${error.message}`;
      assert.equal(error.message, message);
    });
  });

  describe("warnings", () => {
    it("unused-substitution: a key no placeholder uses, with the closest placeholder", async () => {
      const definition = quoteDefinition();
      const { warnings } = await captureWarnings(() =>
        capture(
          () =>
            new Workflow("unused", {
              workflowType: "EXPRESS",
              definition,
              definitionSubstitutions: { QuotesTable: "q", QuoteTable: "q", Leftover: "x" },
            }).stateMachineArn,
        ),
      );
      assert.deepEqual(
        warnings.filter((w) => w.message.startsWith("[unused-substitution]")).map((w) => [w.message, w.resource instanceof Workflow]),
        [
          [
            "[unused-substitution] definitionSubstitutions.QuoteTable: no ${QuoteTable} placeholder in the definition uses it; remove it or use it in the definition",
            true,
          ],
          [
            "[unused-substitution] definitionSubstitutions.Leftover: no ${Leftover} placeholder in the definition uses it; remove it or use it in the definition",
            true,
          ],
        ],
      );
    });
  });
});
