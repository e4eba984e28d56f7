import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT, capture, isSecret, one, ofType, registered, REGION, valueOf } from "../support/mocks";
import { approvalDefinition, quoteDefinition, SNS_TOPIC } from "../support/definitions";
import { captureWarnings } from "../support/logs";
import { InputError, Workflow } from "../../provider/src";

const policyOf = (resource: { inputs: Record<string, unknown> }, key = "policy") => JSON.parse(resource.inputs[key] as string);

describe("Workflow under mocks", () => {
  describe("the order-approval example (STANDARD, one SQS callback queue, alarms)", () => {
    let workflow: Workflow;
    let resources: Awaited<ReturnType<typeof capture>>;
    before(async () => {
      resources = await capture(() => {
        workflow = new Workflow("approvals", {
          definition: approvalDefinition(),
          callbacks: { reviewers: { maxReceiveCount: 5 } },
          alarms: { actions: [SNS_TOPIC] },
        });
        return [workflow.stateMachineArn, workflow.alarmArns, workflow.workerPolicyArn, workflow.callbackQueues];
      });
    });

    it("registers exactly the expected children", () => {
      const graph = resources.map((r) => `${r.type} ${r.name}`).sort();
      assert.deepEqual(graph, [
        "aws:cloudwatch/logGroup:LogGroup approvals",
        "aws:cloudwatch/logMetricFilter:LogMetricFilter approvals-heartbeat-timeouts",
        "aws:cloudwatch/metricAlarm:MetricAlarm approvals-executions-failed",
        "aws:cloudwatch/metricAlarm:MetricAlarm approvals-executions-timed-out",
        "aws:cloudwatch/metricAlarm:MetricAlarm approvals-heartbeat-timeouts",
        "aws:cloudwatch/metricAlarm:MetricAlarm approvals-reviewers-dead-letters",
        "aws:cloudwatch/metricAlarm:MetricAlarm approvals-reviewers-oldest-message",
        "aws:iam/policy:Policy approvals-worker",
        "aws:iam/role:Role approvals-role",
        "aws:iam/rolePolicy:RolePolicy approvals-role",
        "aws:sfn/stateMachine:StateMachine approvals",
        "aws:sqs/queue:Queue approvals-reviewers",
        "aws:sqs/queue:Queue approvals-reviewers-dlq",
        "aws:sqs/queuePolicy:QueuePolicy approvals-reviewers",
        "aws:sqs/queuePolicy:QueuePolicy approvals-reviewers-dlq",
        "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy approvals-reviewers-dlq",
        "sfn-workflows:index:CallbackQueue approvals-reviewers",
        "sfn-workflows:index:Workflow approvals",
      ]);
    });

    it("deploys the definition with the callback placeholder resolved to the queue URL", () => {
      const machine = one(resources, "aws:sfn/stateMachine:StateMachine");
      const definition = JSON.parse(machine.inputs.definition as string);
      assert.equal(definition.States.Ask.Parameters.QueueUrl, `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/approvals-reviewers-abc123`);
      assert.equal(machine.inputs.type, "STANDARD");
      assert.equal(machine.inputs.namePrefix, "approvals-");
      assert.equal(machine.inputs.roleArn, `arn:aws:iam::${ACCOUNT}:role/approvals-role-abc123`);
      assert.deepEqual(machine.inputs.loggingConfiguration, {
        level: "ERROR",
        includeExecutionData: false,
        logDestination: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/vendedlogs/states/approvals-abc123:*`,
      });
      assert.deepEqual(machine.inputs.tracingConfiguration, { enabled: false });
    });

    it("trusts Step Functions only for this account's machines of this name", () => {
      assert.deepEqual(policyOf(one(resources, "aws:iam/role:Role"), "assumeRolePolicy"), {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "states.amazonaws.com" },
            Action: ["sts:AssumeRole"],
            Condition: {
              StringEquals: { "aws:SourceAccount": ACCOUNT },
              ArnLike: { "aws:SourceArn": `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:approvals-*` },
            },
          },
        ],
      });
    });

    it("grants exactly SendMessage on the callback queue, plus log delivery", () => {
      assert.deepEqual(policyOf(one(resources, "aws:iam/rolePolicy:RolePolicy")).Statement, [
        {
          Effect: "Allow",
          Action: [
            "logs:CreateLogDelivery",
            "logs:DeleteLogDelivery",
            "logs:DescribeLogGroups",
            "logs:DescribeResourcePolicies",
            "logs:GetLogDelivery",
            "logs:ListLogDeliveries",
            "logs:PutResourcePolicy",
            "logs:UpdateLogDelivery",
          ],
          Resource: ["*"],
        },
        { Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [`arn:aws:sqs:${REGION}:${ACCOUNT}:approvals-reviewers-abc123`] },
      ]);
    });

    it("sizes the queue from the task: visibility = heartbeat, retention covers the timeout, DLQ after 5 receives, SSE on", () => {
      const queue = one(resources, "aws:sqs/queue:Queue", "approvals-reviewers");
      assert.equal(queue.inputs.visibilityTimeoutSeconds, 300);
      assert.equal(queue.inputs.messageRetentionSeconds, 345600);
      assert.equal(queue.inputs.sqsManagedSseEnabled, true);
      assert.deepEqual(JSON.parse(queue.inputs.redrivePolicy as string), {
        deadLetterTargetArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:approvals-reviewers-dlq-abc123`,
        maxReceiveCount: 5,
      });
      const dlq = one(resources, "aws:sqs/queue:Queue", "approvals-reviewers-dlq");
      assert.equal(dlq.inputs.messageRetentionSeconds, 1209600);
      assert.equal(dlq.inputs.sqsManagedSseEnabled, true);
    });

    it("lets only the execution role send, and nobody use plain HTTP", () => {
      const queueArn = `arn:aws:sqs:${REGION}:${ACCOUNT}:approvals-reviewers-abc123`;
      assert.deepEqual(policyOf(one(resources, "aws:sqs/queuePolicy:QueuePolicy", "approvals-reviewers")).Statement, [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: ["sqs:*"],
          Resource: [queueArn],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "DenyOtherSenders",
          Effect: "Deny",
          Principal: "*",
          Action: ["sqs:SendMessage"],
          Resource: [queueArn],
          Condition: { ArnNotEquals: { "aws:PrincipalArn": [`arn:aws:iam::${ACCOUNT}:role/approvals-role-abc123`] } },
        },
      ]);
    });

    it("alarms on late workers at the heartbeat interval and on the first dead letter", () => {
      const oldest = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", "approvals-reviewers-oldest-message").inputs;
      assert.deepEqual(
        [
          oldest.namespace,
          oldest.metricName,
          oldest.statistic,
          oldest.threshold,
          oldest.period,
          oldest.comparisonOperator,
          oldest.dimensions,
          oldest.alarmActions,
        ],
        [
          "AWS/SQS",
          "ApproximateAgeOfOldestMessage",
          "Maximum",
          300,
          60,
          "GreaterThanOrEqualToThreshold",
          { QueueName: "approvals-reviewers-abc123" },
          [SNS_TOPIC],
        ],
      );
      const dead = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", "approvals-reviewers-dead-letters").inputs;
      assert.deepEqual(
        [dead.metricName, dead.threshold, dead.dimensions],
        ["ApproximateNumberOfMessagesVisible", 1, { QueueName: "approvals-reviewers-dlq-abc123" }],
      );
    });

    it("alarms on failed and timed-out executions of this machine", () => {
      for (const [name, metric] of [
        ["approvals-executions-failed", "ExecutionsFailed"],
        ["approvals-executions-timed-out", "ExecutionsTimedOut"],
      ]) {
        const alarm = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", name).inputs;
        assert.deepEqual(
          [
            alarm.namespace,
            alarm.metricName,
            alarm.statistic,
            alarm.threshold,
            alarm.period,
            alarm.evaluationPeriods,
            alarm.treatMissingData,
            alarm.dimensions,
          ],
          [
            "AWS/States",
            metric,
            "Sum",
            1,
            300,
            1,
            "notBreaching",
            { StateMachineArn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:approvals-abc123` },
          ],
        );
      }
    });

    it("derives a per-machine heartbeat-timeout metric from TaskTimedOut log events (both error names)", () => {
      const filter = one(resources, "aws:cloudwatch/logMetricFilter:LogMetricFilter").inputs;
      assert.equal(filter.logGroupName, "/aws/vendedlogs/states/approvals-abc123");
      assert.equal(
        filter.pattern,
        '{ ($.type = "TaskTimedOut") && (($.details.error = "States.HeartbeatTimeout") || ($.details.error = "States.Timeout")) }',
      );
      assert.deepEqual(filter.metricTransformation, {
        namespace: "SfnWorkflows",
        name: "HeartbeatTimeouts-approvals-abc123",
        value: "1",
        unit: "Count",
      });
      const alarm = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm", "approvals-heartbeat-timeouts").inputs;
      assert.deepEqual([alarm.namespace, alarm.metricName, alarm.threshold], ["SfnWorkflows", "HeartbeatTimeouts-approvals-abc123", 1]);
    });

    it("gives workers exactly what completing callbacks takes", () => {
      assert.deepEqual(policyOf(one(resources, "aws:iam/policy:Policy", "approvals-worker")).Statement, [
        { Effect: "Allow", Action: ["states:SendTaskFailure", "states:SendTaskHeartbeat", "states:SendTaskSuccess"], Resource: ["*"] },
        {
          Effect: "Allow",
          Action: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
          Resource: [`arn:aws:sqs:${REGION}:${ACCOUNT}:approvals-reviewers-abc123`],
        },
      ]);
    });

    it("resolves every output", async () => {
      assert.equal(await valueOf(workflow.stateMachineArn), `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:approvals-abc123`);
      assert.equal(await valueOf(workflow.stateMachineName), "approvals-abc123");
      assert.equal(await valueOf(workflow.roleArn), `arn:aws:iam::${ACCOUNT}:role/approvals-role-abc123`);
      assert.equal(await valueOf(workflow.logGroupName), "/aws/vendedlogs/states/approvals-abc123");
      assert.equal(await valueOf(workflow.workerPolicyArn), `arn:aws:iam::${ACCOUNT}:policy/approvals-worker-abc123`);
      assert.deepEqual(await valueOf(workflow.callbackQueues), {
        reviewers: {
          queueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/approvals-reviewers-abc123`,
          queueArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:approvals-reviewers-abc123`,
          deadLetterQueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/approvals-reviewers-dlq-abc123`,
          deadLetterQueueArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:approvals-reviewers-dlq-abc123`,
        },
      });
      const alarm = (name: string) => `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}-abc123`;
      assert.deepEqual(await valueOf(workflow.alarmArns), {
        executionsFailed: alarm("approvals-executions-failed"),
        executionsTimedOut: alarm("approvals-executions-timed-out"),
        heartbeatTimeouts: alarm("approvals-heartbeat-timeouts"),
        "reviewers.oldestMessageAge": alarm("approvals-reviewers-oldest-message"),
        "reviewers.deadLetters": alarm("approvals-reviewers-dead-letters"),
      });
    });

    it("draws itself as Mermaid: the callback task, its queue and dead-letter queue, and every alarm it creates", async () => {
      const diagram = await valueOf(workflow.diagram);
      const lines = diagram.split("\n").map((line) => line.trim());
      assert.equal(lines[0], "flowchart TD");
      assert.ok(
        lines.includes(
          'n1["Ask<br/>Task · sqs:sendMessage<br/>pattern: callback<br/>heartbeat 300 s · timeout 86400 s<br/>IAM: sqs:SendMessage"]',
        ),
        diagram,
      );
      assert.ok(lines.includes('n2[("reviewers<br/>callback queue (SQS)")]'), diagram);
      assert.ok(lines.includes('n3[("reviewers dead letters<br/>dead-letter queue (SQS)")]'), diagram);
      assert.ok(lines.includes('n1 -.->|"task token"| n2'), diagram);
      assert.ok(lines.includes('n2 -.->|"after 5 receives"| n3'), diagram);
      const alarms = lines.filter((line) => /^n\d+>"/.test(line)).map((line) => line.replace(/^n\d+>"([^<]+)<br\/>.*$/, "$1"));
      assert.deepEqual(alarms, Object.keys(await valueOf(workflow.alarmArns)));
    });
  });

  describe("an EXPRESS workflow with substitutions", () => {
    it("logs ALL by default, creates no queue, worker policy or heartbeat alarm, and scopes IAM to the substituted table", async () => {
      let workflow!: Workflow;
      const resources = await capture(() => {
        workflow = new Workflow("quote", {
          workflowType: "EXPRESS",
          definition: quoteDefinition(),
          definitionSubstitutions: { QuotesTable: pulumi.output("quotes") },
        });
        return [workflow.stateMachineArn, workflow.alarmArns];
      });
      const machine = one(resources, "aws:sfn/stateMachine:StateMachine");
      assert.equal(machine.inputs.type, "EXPRESS");
      assert.equal((machine.inputs.loggingConfiguration as { level: string }).level, "ALL");
      assert.equal(JSON.parse(machine.inputs.definition as string).States.Save.Parameters.TableName, "quotes");
      assert.deepEqual(ofType(resources, "aws:sqs/queue:Queue"), []);
      assert.deepEqual(ofType(resources, "aws:iam/policy:Policy"), []);
      assert.deepEqual(ofType(resources, "aws:cloudwatch/logMetricFilter:LogMetricFilter"), []);
      assert.equal(await valueOf(workflow.workerPolicyArn), undefined);
      const statements = policyOf(one(resources, "aws:iam/rolePolicy:RolePolicy")).Statement;
      assert.deepEqual(
        statements.filter((s: { Action: string[] }) => !s.Action[0].startsWith("logs:")),
        [
          { Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: [`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/quotes`] },
          {
            Effect: "Allow",
            Action: ["lambda:InvokeFunction"],
            Resource: [`arn:aws:lambda:${REGION}:${ACCOUNT}:function:pricing`, `arn:aws:lambda:${REGION}:${ACCOUNT}:function:pricing:*`],
          },
        ],
      );
      assert.deepEqual(Object.keys(await valueOf(workflow.alarmArns)).sort(), ["executionsFailed", "executionsTimedOut"]);
    });

    it("keeps a secret substitution secret in the deployed definition", async () => {
      let workflow!: Workflow;
      const resources = await capture(() => {
        workflow = new Workflow("secret-quote", {
          workflowType: "EXPRESS",
          definition: quoteDefinition(),
          definitionSubstitutions: { QuotesTable: pulumi.secret("hidden-table") },
        });
        return workflow.stateMachineArn;
      });
      // Mocks see a secret input as Pulumi's secret envelope around the value.
      const definition = one(resources, "aws:sfn/stateMachine:StateMachine").inputs.definition as Record<string, unknown>;
      assert.equal(definition[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig);
      assert.equal(JSON.parse(definition.value as string).States.Save.Parameters.TableName, "hidden-table");
      assert.equal(await isSecret(workflow.stateMachineArn), false);
    });
  });

  describe("bad input", () => {
    it("throws one error listing every problem with rule and state path, and registers nothing", () => {
      const before = registered.length;
      const definition = {
        StartAt: "Fan",
        States: {
          Fan: {
            Type: "Parallel",
            End: true,
            Branches: [
              {
                StartAt: "Ask",
                States: {
                  Ask: {
                    Type: "Task",
                    Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    Parameters: { QueueUrl: "${callbacks.missing.queueUrl}", MessageBody: "x" },
                    End: true,
                  },
                },
              },
            ],
          },
        },
      };
      assert.throws(
        () => new Workflow("broken", { workflowType: "EXPRESS", definition, stateMachineName: "bad name!", callbacks: { reviewers: {} } }),
        (error: unknown) => {
          assert.ok(error instanceof InputError);
          assert.deepEqual(
            error.problems.map((p) => [p.rule, p.state]),
            [
              ["undeclared-callback", "Fan > branch 1 > Ask"],
              ["express-pattern", "Fan > branch 1 > Ask"],
              ["missing-task-token", "Fan > branch 1 > Ask"],
              ["bad-name", null],
            ],
          );
          assert.match(error.message, /^sfn-workflows:index:Workflow "broken" has 4 problems; nothing was created:\n/);
          assert.match(
            error.message,
            /\[express-pattern\] definition > Fan > branch 1 > Ask: sqs:sendMessage\.waitForTaskToken cannot run in an EXPRESS workflow/,
          );
          return true;
        },
      );
      assert.equal(registered.length, before);
    });

    it("rejects bad options before anything is registered", () => {
      const before = registered.length;
      assert.throws(
        () =>
          new Workflow("bad-options", {
            definition: approvalDefinition(),
            callbacks: { reviewers: { maxReceiveCount: 0, visibilityTimeoutSeconds: 50000 } },
            logging: { level: "LOUD" as "ALL", retentionInDays: 8 },
            alarms: { period: 45 },
            roleArn: "arn:aws:iam::123456789012:role/mine",
            policyStatements: [{ Action: ["s3:GetObject"], Resource: ["*"] }],
          }),
        (error: unknown) => {
          assert.ok(error instanceof InputError);
          assert.deepEqual(
            error.problems.map((p) => p.input),
            [
              "logging.level",
              "policyStatements",
              "logging.retentionInDays",
              "callbacks.reviewers.maxReceiveCount",
              "callbacks.reviewers.visibilityTimeoutSeconds",
              "alarms.period",
            ],
          );
          return true;
        },
      );
      assert.equal(registered.length, before);
    });
  });

  describe("options", () => {
    it("with roleArn derives no role, lets that role send, and warns with what the definition needs", async () => {
      const role = "arn:aws:iam::123456789012:role/platform-sfn";
      const { result: resources, warnings } = await captureWarnings(() =>
        capture(
          () => new Workflow("byo", { definition: approvalDefinition(), roleArn: role, callbacks: { reviewers: {} } }).stateMachineArn,
        ),
      );
      assert.deepEqual(ofType(resources, "aws:iam/role:Role"), []);
      assert.deepEqual(ofType(resources, "aws:iam/rolePolicy:RolePolicy"), []);
      assert.equal(one(resources, "aws:sfn/stateMachine:StateMachine").inputs.roleArn, role);
      assert.deepEqual(policyOf(one(resources, "aws:sqs/queuePolicy:QueuePolicy", "byo-reviewers")).Statement[1].Condition, {
        ArnNotEquals: { "aws:PrincipalArn": [role] },
      });
      const needs = warnings.find((w) => w.message.startsWith("[role-arn-permissions] roleArn: no execution role is derived"));
      assert.ok(needs, "a warning lists the needed permissions");
      assert.ok(
        needs.message.includes('\n    {"Effect":"Allow","Action":["sqs:SendMessage"],"Resource":["${callbacks.reviewers.queueArn}"]}'),
        needs.message,
      );
      assert.equal(needs.resource instanceof Workflow, true);
    });

    it("reports analysis warnings through pulumi.log.warn on the component", async () => {
      const definition = approvalDefinition();
      delete (definition.States as Record<string, Record<string, unknown>>).Ask.HeartbeatSeconds;
      const { warnings } = await captureWarnings(() =>
        capture(() => new Workflow("no-heartbeat", { definition, callbacks: { reviewers: {}, unused: {} } }).stateMachineArn),
      );
      const messages = warnings.map((w) => w.message);
      assert.ok(
        messages.some((m) => m.startsWith("[callback-without-heartbeat] definition > Ask: callback task has no HeartbeatSeconds")),
        messages.join("\n"),
      );
      assert.ok(
        messages.some((m) => m.startsWith('[unused-callback] definition (document): callback "unused" is declared')),
        messages.join("\n"),
      );
      assert.ok(warnings.every((w) => w.resource instanceof Workflow));
    });

    it("alarms: { enabled: false } creates no alarm and no metric filter, for queues too", async () => {
      const resources = await capture(
        () =>
          new Workflow("quiet", { definition: approvalDefinition(), callbacks: { reviewers: {} }, alarms: { enabled: false } }).alarmArns,
      );
      assert.deepEqual(ofType(resources, "aws:cloudwatch/metricAlarm:MetricAlarm"), []);
      assert.deepEqual(ofType(resources, "aws:cloudwatch/logMetricFilter:LogMetricFilter"), []);
      const workflow = new Workflow("quiet-drawn", {
        definition: approvalDefinition(),
        callbacks: { reviewers: {} },
        alarms: { enabled: false },
      });
      const diagram = await valueOf(workflow.diagram);
      assert.ok(diagram.includes("reviewers<br/>callback queue (SQS)") && !diagram.includes('subgraph g0["alarms"]'), diagram);
    });

    it("logging OFF creates no log group and skips the heartbeat alarm with a warning", async () => {
      const { result: resources, warnings } = await captureWarnings(() =>
        capture(
          () =>
            new Workflow("unlogged", { definition: approvalDefinition(), callbacks: { reviewers: {} }, logging: { level: "OFF" } })
              .stateMachineArn,
        ),
      );
      assert.deepEqual(ofType(resources, "aws:cloudwatch/logGroup:LogGroup"), []);
      assert.deepEqual(one(resources, "aws:sfn/stateMachine:StateMachine").inputs.loggingConfiguration, { level: "OFF" });
      assert.deepEqual(ofType(resources, "aws:cloudwatch/logMetricFilter:LogMetricFilter"), []);
      assert.ok(warnings.some((w) => w.message.startsWith("[heartbeat-alarm-needs-logs]")));
      assert.equal(
        policyOf(one(resources, "aws:iam/rolePolicy:RolePolicy")).Statement.some((s: { Action: string[] }) =>
          s.Action.includes("logs:CreateLogDelivery"),
        ),
        false,
      );
    });

    it("stateMachineName, tracing, tags, customer managed keys and extra statements", async () => {
      const key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
      const resources = await capture(
        () =>
          new Workflow("named", {
            definition: approvalDefinition(),
            stateMachineName: "order-approvals",
            tracing: true,
            tags: { team: "payments" },
            callbacks: { reviewers: { kmsKeyArn: key } },
            logging: { includeExecutionData: true, retentionInDays: 90 },
            policyStatements: [{ Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::orders-bucket/*"] }],
          }).stateMachineArn,
      );
      const machine = one(resources, "aws:sfn/stateMachine:StateMachine").inputs;
      assert.equal(machine.name, "order-approvals");
      assert.deepEqual(machine.tracingConfiguration, { enabled: true });
      assert.deepEqual(machine.tags, { team: "payments" });
      const logGroup = one(resources, "aws:cloudwatch/logGroup:LogGroup").inputs;
      assert.deepEqual([logGroup.namePrefix, logGroup.retentionInDays], ["/aws/vendedlogs/states/order-approvals-", 90]);
      assert.equal(
        policyOf(one(resources, "aws:iam/role:Role"), "assumeRolePolicy").Statement[0].Condition.ArnLike["aws:SourceArn"],
        `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:order-approvals`,
      );
      const queue = one(resources, "aws:sqs/queue:Queue", "named-reviewers").inputs;
      assert.deepEqual([queue.kmsMasterKeyId, queue.sqsManagedSseEnabled], [key, undefined]);
      const statements = policyOf(one(resources, "aws:iam/rolePolicy:RolePolicy")).Statement;
      assert.deepEqual(
        statements.filter((s: { Action: string[] }) => !s.Action[0].startsWith("logs:")),
        [
          { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: [key] },
          { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::orders-bucket/*"] },
          { Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [`arn:aws:sqs:${REGION}:${ACCOUNT}:named-reviewers-abc123`] },
          {
            Effect: "Allow",
            Action: ["xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"],
            Resource: ["*"],
          },
        ],
      );
      assert.deepEqual(policyOf(one(resources, "aws:iam/policy:Policy", "named-worker")).Statement[2], {
        Effect: "Allow",
        Action: ["kms:Decrypt"],
        Resource: [key],
      });
    });

    it("splits a policy too large for one inline policy into attached managed policies that each fit", async () => {
      const states: Record<string, unknown> = {};
      const count = 150;
      for (let i = 0; i < count; i++) {
        states[`Call ${i}`] = {
          Type: "Task",
          Resource: `arn:aws:states:::${i % 2 ? "lambda:invoke" : "dynamodb:getItem"}`,
          Parameters: i % 2 ? { FunctionName: `function-number-${i}` } : { TableName: `table-number-${i}`, Key: {} },
          ...(i < count - 1 ? { Next: `Call ${i + 1}` } : { End: true }),
        };
      }
      const resources = await capture(() => new Workflow("big", { definition: { StartAt: "Call 0", States: states } }).stateMachineArn);
      assert.deepEqual(ofType(resources, "aws:iam/rolePolicy:RolePolicy"), []);
      const policies = ofType(resources, "aws:iam/policy:Policy");
      assert.ok(policies.length >= 2, `expected several managed policies, got ${policies.length}`);
      assert.equal(ofType(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, policies.length);
      const granted = new Set<string>();
      for (const policy of policies) {
        const text = policy.inputs.policy as string;
        assert.ok(text.length <= 6144, `${policy.name} is ${text.length} characters`);
        for (const statement of JSON.parse(text).Statement) for (const resource of statement.Resource) granted.add(resource);
      }
      for (let i = 0; i < count; i++) {
        const expected =
          i % 2
            ? `arn:aws:lambda:${REGION}:${ACCOUNT}:function:function-number-${i}`
            : `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/table-number-${i}`;
        assert.ok(granted.has(expected), `${expected} is granted`);
      }
    });
  });
});
