import { strict as assert } from "node:assert";
import { ACCOUNT, capture, one, registered, REGION, valueOf } from "../support/mocks";
import { approvalDefinition, quoteDefinition } from "../support/definitions";
import { captureWarnings } from "../support/logs";
import { InputError, Workflow } from "../../provider/src";

const MACHINE = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}-abc123`;
const alarmName = (name: string) => `${name}-abc123`;

describe("Workflow deployment (versions and an alias)", () => {
  it("CANARY: a version of the current revision and an alias shifting to it, rolled back by the workflow's own alarms", async () => {
    let workflow!: Workflow;
    const resources = await capture(() => {
      workflow = new Workflow("orders", {
        definition: approvalDefinition(),
        callbacks: { reviewers: {} },
        deployment: { type: "CANARY", percentage: 10, intervalMinutes: 5 },
      });
      return [workflow.aliasArn, workflow.stateMachineArn];
    });
    const machine = one(resources, "aws:sfn/stateMachine:StateMachine").inputs;
    assert.equal(machine.publish, false);
    const version = one(resources, "aws-native:stepfunctions:StateMachineVersion").inputs;
    assert.equal(version.stateMachineArn, MACHINE("orders"));
    assert.match(version.stateMachineRevisionId as string, /^[0-9a-f]{32}$/);
    const alias = one(resources, "aws-native:stepfunctions:StateMachineAlias");
    assert.equal(alias.name, "orders");
    assert.deepEqual(alias.inputs.name, "live");
    assert.deepEqual(alias.inputs.deploymentPreference, {
      stateMachineVersionArn: `${MACHINE("orders")}:1`,
      type: "CANARY",
      percentage: 10,
      interval: 5,
      alarms: [alarmName("orders-executions-failed"), alarmName("orders-executions-timed-out"), alarmName("orders-heartbeat-timeouts")],
    });
    assert.equal(await valueOf(workflow.aliasArn), `${MACHINE("orders")}:live`);
  });

  it("a definition change yields a new revision for the version while the alias stays", async () => {
    const deploy = (heartbeat: number) => {
      const definition = approvalDefinition();
      (definition.States as Record<string, Record<string, unknown>>).Ask.HeartbeatSeconds = heartbeat;
      return capture(
        () =>
          new Workflow("rolling", {
            definition,
            callbacks: { reviewers: {} },
            deployment: { type: "LINEAR", percentage: 20, intervalMinutes: 10 },
          }).aliasArn,
      );
    };
    const [first, second] = [await deploy(300), await deploy(600)];
    const version = (resources: typeof first) => one(resources, "aws-native:stepfunctions:StateMachineVersion");
    const alias = (resources: typeof first) => one(resources, "aws-native:stepfunctions:StateMachineAlias");
    assert.equal(version(first).name, version(second).name);
    assert.notEqual(version(first).inputs.stateMachineRevisionId, version(second).inputs.stateMachineRevisionId);
    assert.deepEqual([alias(first).name, alias(first).inputs.name], [alias(second).name, alias(second).inputs.name]);
    assert.deepEqual(alias(second).inputs.deploymentPreference, {
      stateMachineVersionArn: `${MACHINE("rolling")}:1`,
      type: "LINEAR",
      percentage: 20,
      interval: 10,
      alarms: [alarmName("rolling-executions-failed"), alarmName("rolling-executions-timed-out"), alarmName("rolling-heartbeat-timeouts")],
    });
  });

  it("the sync endpoint and its role start executions through the alias", async () => {
    const resources = await capture(
      () =>
        new Workflow("quoted", {
          workflowType: "EXPRESS",
          definition: quoteDefinition(),
          definitionSubstitutions: { QuotesTable: "quotes" },
          syncEndpoint: { path: "/quotes" },
          deployment: { type: "ALL_AT_ONCE", aliasName: "prod", alarms: ["pager-duty-quotes"] },
        }).endpointUrl,
    );
    const aliasArn = `${MACHINE("quoted")}:prod`;
    const alias = one(resources, "aws-native:stepfunctions:StateMachineAlias").inputs;
    assert.deepEqual(alias.deploymentPreference, {
      stateMachineVersionArn: `${MACHINE("quoted")}:1`,
      type: "ALL_AT_ONCE",
      alarms: ["pager-duty-quotes"],
    });
    const endpointPolicies = resources.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name.startsWith("quoted-endpoint"));
    assert.equal(endpointPolicies.length, 1);
    assert.deepEqual(JSON.parse(endpointPolicies[0].inputs.policy as string).Statement, [
      { Effect: "Allow", Action: ["states:StartSyncExecution"], Resource: [aliasArn] },
    ]);
    const mentions = resources.filter((r) => JSON.stringify(r.inputs).includes(aliasArn)).map((r) => r.type);
    assert.ok(mentions.includes("aws:apigateway/integration:Integration"), `the integration targets the alias: ${mentions.join(", ")}`);
  });

  it("rejects bad deployment settings before anything is registered", () => {
    const before = registered.length;
    const attempt = (deployment: object) => () =>
      new Workflow("bad-rollout", { definition: approvalDefinition(), callbacks: { reviewers: {} }, deployment: deployment as never });
    const messages = (deployment: object) => {
      try {
        attempt(deployment)();
      } catch (error) {
        assert.ok(error instanceof InputError);
        return error.problems.map((p) => `${p.rule}: ${p.input}: ${p.message}`);
      }
      return [];
    };
    assert.deepEqual(messages({ type: "CANARY", percentage: 0, intervalMinutes: 2101 }), [
      "invalid-option: deployment.percentage: 0 must be a whole number from 1 to 99",
      "invalid-option: deployment.intervalMinutes: 2101 must be a whole number from 1 to 2100",
    ]);
    assert.deepEqual(messages({ type: "LINEAR", percentage: 100 }), [
      "invalid-option: deployment.percentage: 100 must be a whole number from 1 to 99",
    ]);
    assert.deepEqual(messages({ type: "ALL_AT_ONCE", percentage: 10 }), [
      "invalid-option: deployment.percentage: applies to CANARY and LINEAR deployments only; ALL_AT_ONCE moves all traffic at once",
    ]);
    assert.deepEqual(messages({ type: "BLUE_GREEN" }), [
      'invalid-option: deployment.type: "BLUE_GREEN" is not one of ALL_AT_ONCE, CANARY, LINEAR',
    ]);
    assert.deepEqual(messages({ type: "CANARY", alarms: ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:x"] }), [
      'invalid-option: deployment.alarms: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:x" is an ARN; give alarm names: CloudWatch takes an unknown name as OK, so the deployment would never roll back',
    ]);
    assert.deepEqual(messages({ type: "CANARY", aliasName: "has space" }), [
      'bad-name: deployment.aliasName: "has space" is not a valid alias name: use 1 to 80 ASCII letters, digits, "-" or "_"',
    ]);
    assert.equal(registered.length, before);
  });

  it("warns when nothing could roll a bad version back", async () => {
    const { warnings } = await captureWarnings(() =>
      capture(
        () =>
          new Workflow("unwatched", {
            definition: approvalDefinition(),
            callbacks: { reviewers: {} },
            alarms: { enabled: false },
            deployment: { type: "CANARY" },
          }).aliasArn,
      ),
    );
    assert.ok(warnings.some((w) => w.message.startsWith("[deployment-without-alarms] deployment: alarms are off")));
  });

  it("without deployment there is no version, no alias and no aliasArn", async () => {
    let workflow!: Workflow;
    const resources = await capture(() => {
      workflow = new Workflow("plain", { definition: approvalDefinition(), callbacks: { reviewers: {} } });
      return workflow.stateMachineArn;
    });
    assert.deepEqual(
      resources.filter((r) => r.type.startsWith("aws-native:")),
      [],
    );
    assert.equal(await valueOf(workflow.aliasArn), undefined);
  });
});
