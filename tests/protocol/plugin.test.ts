/**
 * The provider plugin driven the way the Pulumi engine drives it: `pulumi-resource-sfn-workflows`
 * started as a process with an engine address, its port read from stdout, then GetPluginInfo,
 * GetSchema and Construct over gRPC, with a fake engine and resource monitor (harness.js) that
 * record every resource the plugin registers. Inputs are sent as other languages' SDKs send them
 * through the engine: plain values, secrets, unknowns during preview, output values with their
 * dependencies, and input dependencies.
 *
 * Needs `make build` (provider/bin and provider/schema.json); `make test` builds first.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ConstructResponse } from "@pulumi/pulumi/proto/provider_pb";
import { InputPropertiesError } from "@pulumi/pulumi/proto/errors_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import {
  ACCOUNT,
  FakeEngine,
  isSecretValue,
  outputValue,
  proto,
  REGION,
  REPO,
  secret,
  STACK_URN,
  startPlugin,
  UNKNOWN,
  urnOf,
  type PluginHandle,
  type Registration,
  type Wire,
} from "./harness";

const WORKFLOW = "sfn-workflows:index:Workflow";
const CALLBACK_QUEUE = "sfn-workflows:index:CallbackQueue";
const SYNC_ENDPOINT = "sfn-workflows:index:SyncEndpoint";

/** Resources of the calling program the inputs depend on. */
const FUNCTION_URN = "urn:pulumi:test::protocol::aws:lambda/function:Function::worker";
const TOPIC_URN = "urn:pulumi:test::protocol::aws:sns/topic:Topic::alerts";
const ROLE_URN = "urn:pulumi:test::protocol::aws:iam/role:Role::mine";
const PROVIDER_REF = "urn:pulumi:test::protocol::pulumi:providers:aws::eu::04f3bb5c-provider-id";

const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:worker`;
const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:alerts`;
const MY_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/mine`;

/** A callback task on `reviewers`, a Lambda task on a substituted ARN and a secret substituted into its payload. */
const definition: Wire = {
  Comment: "Approvals",
  StartAt: "Score",
  States: {
    Score: {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: "${FunctionArn}", Payload: { "input.$": "$", apiToken: "${ApiToken}" } },
      Next: "Review",
    },
    Review: {
      Type: "Task",
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: { QueueUrl: "${callbacks.reviewers.queueUrl}", MessageBody: { "token.$": "$$.Task.Token", "input.$": "$" } },
      HeartbeatSeconds: 120,
      TimeoutSeconds: 3600,
      End: true,
    },
  },
};

/** What the analysis must reject: a callback task in an EXPRESS workflow, inside a Parallel branch. */
const expressWithCallback: Wire = {
  StartAt: "Fan out",
  States: {
    "Fan out": {
      Type: "Parallel",
      End: true,
      Branches: [
        { StartAt: "First", States: { First: { Type: "Pass", End: true } } },
        {
          StartAt: "Ask",
          States: {
            Ask: {
              Type: "Task",
              Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              Parameters: { QueueUrl: "${callbacks.reviewers.queueUrl}", MessageBody: { "token.$": "$$.Task.Token" } },
              HeartbeatSeconds: 60,
              TimeoutSeconds: 600,
              End: true,
            },
          },
        },
      ],
    },
  },
};

const WORKFLOW_URN = urnOf(WORKFLOW, "approvals");

let engine: FakeEngine;
let plugin: PluginHandle;

async function construct(options: Parameters<FakeEngine["constructRequest"]>[0]) {
  const response = await plugin.call<ConstructResponse>("construct", engine.constructRequest(options));
  const stateDependencies: Record<string, string[]> = {};
  response.getStatedependenciesMap().forEach((deps, key) => (stateDependencies[key] = deps.getUrnsList()));
  return { urn: response.getUrn(), state: (response.getState()?.toJavaScript() ?? {}) as Record<string, Wire>, stateDependencies };
}

interface ConstructFailure {
  code: number;
  details: string;
  /** The InputPropertiesError details the engine prints, one per problem: `PATH: REASON`. */
  properties: string[];
}

/** The gRPC error a Construct fails with (the test fails if it succeeds). */
async function constructError(options: Parameters<FakeEngine["constructRequest"]>[0]): Promise<ConstructFailure> {
  try {
    await plugin.call("construct", engine.constructRequest(options));
  } catch (error) {
    const failure = error as { code: number; details: string; metadata?: { get(key: string): Array<Buffer | string> } };
    const properties: string[] = [];
    for (const bytes of failure.metadata?.get("grpc-status-details-bin") ?? []) {
      for (const detail of Status.deserializeBinary(new Uint8Array(bytes as Buffer)).getDetailsList()) {
        if (detail.getTypeName() !== "pulumirpc.InputPropertiesError") continue;
        for (const property of InputPropertiesError.deserializeBinary(detail.getValue_asU8()).getErrorsList())
          properties.push(`${property.getPropertyPath()}: ${property.getReason()}`);
      }
    }
    return { code: failure.code, details: failure.details, properties };
  }
  assert.fail(`Construct of ${options.type} "${options.name}" succeeded; it should fail`);
}

function one(type: string, name: string): Registration {
  const found = engine.registrations.filter((r) => r.type === type && r.name === name);
  assert.equal(found.length, 1, `expected one ${type} named ${name}; registered: ${registeredList()}`);
  return found[0];
}

function registeredList(): string {
  return engine.registrations.map((r) => `${r.type} ${r.name}`).join(", ") || "nothing";
}

/** Every registered resource is the component or sits below it (parent chains lead to its URN). */
function assertAllUnder(componentUrn: string) {
  const byUrn = new Map(engine.registrations.map((r) => [r.urn, r]));
  for (const r of engine.registrations) {
    if (r.urn === componentUrn) continue;
    let parent = r.parent;
    const seen = new Set<string>();
    while (parent !== componentUrn) {
      const up = byUrn.get(parent);
      assert.ok(up && !seen.has(parent), `${r.type} ${r.name} is not below ${componentUrn} (parent ${r.parent})`);
      seen.add(parent);
      parent = up.parent;
    }
  }
}

const unwrapSecret = (value: unknown): unknown => (isSecretValue(value) ? value.value : value);

/** The value with every secret inside unwrapped. */
function reveal(value: unknown): unknown {
  if (isSecretValue(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  return value;
}

/** Whether the value is a secret or holds one (the SDK may mark the array or its elements). */
function holdsSecret(value: unknown): boolean {
  if (isSecretValue(value)) return true;
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (typeof value === "object" && value !== null) return Object.values(value).some(holdsSecret);
  return false;
}

describe("provider plugin over gRPC", () => {
  before(async function () {
    this.timeout(60_000);
    for (const built of ["provider/bin/plugin/main.js", "provider/schema.json"]) {
      if (!fs.existsSync(path.join(REPO, built))) throw new Error(`${built} is missing: run \`make build\` first (\`make test\` builds)`);
    }
    engine = new FakeEngine();
    await engine.start();
    plugin = await startPlugin(engine.address);
  });

  after(async () => {
    await plugin?.stop();
    await engine?.stop();
  });

  beforeEach(() => {
    engine.reset();
    engine.dryRun = false;
  });

  afterEach(function () {
    if (this.currentTest?.state === "failed") console.error(`plugin stderr so far:\n${plugin.stderr}`);
  });

  describe("handshake", () => {
    it("prints its port and answers GetPluginInfo with the package version", async () => {
      assert.ok(plugin.port > 0);
      const info = await plugin.call<{ getVersion(): string }>("getPluginInfo", new proto.Empty());
      const version = (JSON.parse(fs.readFileSync(path.join(REPO, "provider", "package.json"), "utf8")) as { version: string }).version;
      assert.equal(info.getVersion(), version);
    });

    it("answers GetSchema with schema.json byte for byte", async () => {
      const response = await plugin.call<{ getSchema(): string }>("getSchema", new proto.providerProto.GetSchemaRequest());
      const built = fs.readFileSync(path.join(REPO, "provider", "schema.json"), "utf8");
      const source = fs.readFileSync(path.join(REPO, "schema.json"), "utf8");
      // Compared whole, reported briefly (a diff of 40 kB of JSON says less than the first difference).
      const firstDifference = (a: string, b: string) => {
        let i = 0;
        while (i < a.length && a[i] === b[i]) i++;
        return `they differ from character ${i}: ${JSON.stringify(a.slice(i, i + 60))} vs ${JSON.stringify(b.slice(i, i + 60))}`;
      };
      assert.ok(built === source, `provider/schema.json is not schema.json (run \`make build\`); ${firstDifference(built, source)}`);
      assert.ok(response.getSchema() === source, `GetSchema is not schema.json; ${firstDifference(response.getSchema(), source)}`);
    });
  });

  describe("Construct of a Workflow", () => {
    it("takes plain values, secrets, output values and input dependencies; parents every child to the component", async () => {
      const { urn, state, stateDependencies } = await construct({
        type: WORKFLOW,
        name: "approvals",
        inputs: {
          definition,
          workflowType: "STANDARD",
          definitionSubstitutions: {
            // An Output of another resource, as an SDK with outputValues sends it.
            FunctionArn: outputValue({ value: FUNCTION_ARN, dependencies: [FUNCTION_URN] }),
            // A secret, as the engine sends a secret config value.
            ApiToken: secret("tok-3f9c"),
          },
          callbacks: { reviewers: { maxReceiveCount: 3 } },
          alarms: { actions: [secret(TOPIC_ARN)], period: 120 },
          tags: { team: "payments" },
        },
        inputDependencies: { definitionSubstitutions: [FUNCTION_URN], alarms: [TOPIC_URN] },
        providers: { aws: PROVIDER_REF },
      });

      assert.equal(urn, WORKFLOW_URN);
      const component = engine.registrations[0];
      assert.deepEqual([component.type, component.name, component.parent, component.custom], [WORKFLOW, "approvals", STACK_URN, false]);
      assert.deepEqual(
        engine.registrations.map((r) => `${r.type} ${r.name}`).sort(),
        [
          `${WORKFLOW} approvals`,
          `${CALLBACK_QUEUE} approvals-reviewers`,
          "aws:iam/role:Role approvals-role",
          "aws:iam/rolePolicy:RolePolicy approvals-role",
          "aws:cloudwatch/logGroup:LogGroup approvals",
          "aws:sfn/stateMachine:StateMachine approvals",
          "aws:iam/policy:Policy approvals-worker",
          "aws:cloudwatch/metricAlarm:MetricAlarm approvals-executions-failed",
          "aws:cloudwatch/metricAlarm:MetricAlarm approvals-executions-timed-out",
          "aws:cloudwatch/logMetricFilter:LogMetricFilter approvals-heartbeat-timeouts",
          "aws:cloudwatch/metricAlarm:MetricAlarm approvals-heartbeat-timeouts",
          "aws:sqs/queue:Queue approvals-reviewers",
          "aws:sqs/queue:Queue approvals-reviewers-dlq",
          "aws:sqs/queuePolicy:QueuePolicy approvals-reviewers",
          "aws:sqs/queuePolicy:QueuePolicy approvals-reviewers-dlq",
          "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy approvals-reviewers-dlq",
          "aws:cloudwatch/metricAlarm:MetricAlarm approvals-reviewers-oldest-message",
          "aws:cloudwatch/metricAlarm:MetricAlarm approvals-reviewers-dead-letters",
        ].sort(),
      );
      // Direct children of the component; the queues' resources sit below the CallbackQueue child.
      for (const r of engine.registrations) {
        if (r === component) continue;
        const queueResource = r.type.startsWith("aws:sqs/") || r.name.startsWith("approvals-reviewers-");
        assert.equal(
          r.parent,
          queueResource ? urnOf(CALLBACK_QUEUE, "approvals-reviewers", WORKFLOW_URN) : WORKFLOW_URN,
          `${r.type} ${r.name}`,
        );
      }
      assertAllUnder(WORKFLOW_URN);
      // The provider the program passed reaches every AWS resource.
      for (const r of engine.registrations.filter((r) => r.custom)) assert.equal(r.provider, PROVIDER_REF, `${r.type} ${r.name}`);

      // The definition carries the substitutions: secret (one substitution is), and dependent on the function.
      const machine = one("aws:sfn/stateMachine:StateMachine", "approvals");
      assert.ok(isSecretValue(machine.object.definition), "the state machine's definition holds a secret, so it must be sent as one");
      const deployed = JSON.parse(unwrapSecret(machine.object.definition) as string) as {
        States: Record<string, { Parameters: Record<string, unknown> }>;
      };
      assert.equal(deployed.States.Score.Parameters.FunctionName, FUNCTION_ARN);
      assert.deepEqual(deployed.States.Score.Parameters.Payload, { "input.$": "$", apiToken: "tok-3f9c" });
      assert.equal(deployed.States.Review.Parameters.QueueUrl, `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/approvals-reviewers-abc123`);
      assert.ok(machine.propertyDependencies.definition?.includes(FUNCTION_URN), JSON.stringify(machine.propertyDependencies));
      assert.ok(machine.dependencies.includes(FUNCTION_URN));
      assert.deepEqual(machine.object.tags, { team: "payments" });
      assert.equal(machine.object.type, "STANDARD");

      // The secret alarm action stays secret in every alarm it reaches (the queue's alarms inherit it).
      for (const alarm of ["approvals-executions-failed", "approvals-reviewers-dead-letters"]) {
        const r = one("aws:cloudwatch/metricAlarm:MetricAlarm", alarm);
        assert.ok(holdsSecret(r.object.alarmActions), `${alarm}: alarmActions ${JSON.stringify(r.object.alarmActions)}`);
        assert.deepEqual(reveal(r.object.alarmActions), [TOPIC_ARN]);
        assert.equal(r.object.period, 120);
        assert.ok(r.dependencies.includes(TOPIC_URN), `${alarm} depends on the topic`);
      }
      assert.equal(one("aws:sqs/queue:Queue", "approvals-reviewers").object.visibilityTimeoutSeconds, 120);
      assert.match(String(one("aws:sqs/queue:Queue", "approvals-reviewers").object.redrivePolicy), /"maxReceiveCount":3/);

      // The outputs the schema promises.
      assert.equal(state.stateMachineArn, `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:approvals-abc123`);
      assert.equal(state.stateMachineName, "approvals-abc123");
      assert.equal(state.roleArn, `arn:aws:iam::${ACCOUNT}:role/approvals-role-abc123`);
      assert.equal(state.logGroupName, "/aws/vendedlogs/states/approvals-abc123");
      assert.equal(state.workerPolicyArn, `arn:aws:iam::${ACCOUNT}:policy/approvals-worker-abc123`);
      assert.deepEqual(state.callbackQueues, {
        reviewers: {
          queueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/approvals-reviewers-abc123`,
          queueArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:approvals-reviewers-abc123`,
          deadLetterQueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/approvals-reviewers-dlq-abc123`,
          deadLetterQueueArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:approvals-reviewers-dlq-abc123`,
        },
      });
      assert.deepEqual(Object.keys(state.alarmArns as object).sort(), [
        "executionsFailed",
        "executionsTimedOut",
        "heartbeatTimeouts",
        "reviewers.deadLetters",
        "reviewers.oldestMessageAge",
      ]);
      assert.ok(!("endpointUrl" in state) || state.endpointUrl === null, `endpointUrl: ${JSON.stringify(state.endpointUrl)}`);
      // The diagram shows the options as given: 3 receives before dead letters, alarms over 120 s.
      assert.match(String(state.diagram), /^flowchart TD\n/);
      assert.ok(String(state.diagram).includes('-.->|"after 3 receives"|'), String(state.diagram));
      assert.ok(String(state.diagram).includes("executionsFailed<br/>ExecutionsFailed #62;= 1 in 120 s"), String(state.diagram));
      assert.ok(stateDependencies.stateMachineArn?.includes(machine.urn), JSON.stringify(stateDependencies));
      // Source positions survive the component turning stack traces off while it registers children.
      // A release tarball's plugin is one bundle (tools/dist/plugin.sh): its positions are all in it.
      const bundled = process.env.SFN_WORKFLOWS_PLUGIN !== undefined;
      const registeredFrom = (type: string) =>
        engine.registrations.filter((r) => r.type === type).map((r) => r.sourceUri?.split(bundled ? "/lib/bin/" : "/provider/bin/")[1]);
      const from = (file: string) => (bundled ? "plugin/main.js" : file);
      assert.deepEqual(registeredFrom("aws:sfn/stateMachine:StateMachine"), [from("components/workflow.js")]);
      assert.deepEqual(registeredFrom("aws:sqs/queue:Queue"), [from("components/callbackQueue.js"), from("components/callbackQueue.js")]);
      // The component's outputs were registered too (what `pulumi stack` shows for it).
      assert.equal((engine.outputs.get(WORKFLOW_URN) ?? {}).stateMachineArn, state.stateMachineArn);
    });

    it("keeps a secret output value secret in the returned state, with its dependencies (bring-your-own role)", async () => {
      const { state, stateDependencies } = await construct({
        type: WORKFLOW,
        name: "approvals",
        inputs: {
          definition,
          definitionSubstitutions: { FunctionArn: FUNCTION_ARN, ApiToken: "plain" },
          callbacks: { reviewers: {} },
          roleArn: outputValue({ value: MY_ROLE_ARN, secret: true, dependencies: [ROLE_URN] }),
        },
        inputDependencies: { roleArn: [ROLE_URN] },
      });
      assert.equal(engine.registrations.filter((r) => r.type === "aws:iam/role:Role").length, 0, "no role is derived");
      const machine = one("aws:sfn/stateMachine:StateMachine", "approvals");
      assert.deepEqual(machine.object.roleArn, secret(MY_ROLE_ARN));
      assert.ok(machine.propertyDependencies.roleArn?.includes(ROLE_URN));
      assert.deepEqual(state.roleArn, secret(MY_ROLE_ARN), `roleArn in the state: ${JSON.stringify(state.roleArn)}`);
      assert.ok(stateDependencies.roleArn?.includes(ROLE_URN), JSON.stringify(stateDependencies));
      assert.ok(!isSecretValue(state.stateMachineArn));
      // The queue lets only the given role send, and says so in a secret policy.
      const queuePolicy = one("aws:sqs/queuePolicy:QueuePolicy", "approvals-reviewers");
      assert.ok(isSecretValue(queuePolicy.object.policy));
      assert.match(String(unwrapSecret(queuePolicy.object.policy)), new RegExp(MY_ROLE_ARN));
      assert.ok(
        engine.logs.some((l) => l.severity === 2 && /^\[role-arn-permissions\] roleArn: no execution role is derived/.test(l.message)),
        "the warning about the permissions the role needs",
      );
    });

    it("previews with unknowns in non-plain inputs (roleArn, a substitution): children registered, outputs unknown", async () => {
      engine.dryRun = true;
      const { urn, state } = await construct({
        type: WORKFLOW,
        name: "approvals",
        dryRun: true,
        inputs: {
          definition,
          definitionSubstitutions: {
            FunctionArn: outputValue({ dependencies: [FUNCTION_URN] }),
            ApiToken: secret("tok-3f9c"),
          },
          callbacks: { reviewers: {} },
          roleArn: UNKNOWN,
        },
        inputDependencies: { definitionSubstitutions: [FUNCTION_URN] },
      });
      assert.equal(urn, WORKFLOW_URN);
      assert.equal(engine.registrations[0].type, WORKFLOW);
      assertAllUnder(WORKFLOW_URN);
      const machine = one("aws:sfn/stateMachine:StateMachine", "approvals");
      assert.equal(machine.object.roleArn, UNKNOWN);
      assert.equal(unwrapSecret(machine.object.definition), UNKNOWN);
      assert.ok(machine.propertyDependencies.definition?.includes(FUNCTION_URN));
      one("aws:sqs/queue:Queue", "approvals-reviewers");
      one("aws:cloudwatch/metricAlarm:MetricAlarm", "approvals-executions-failed");
      assert.equal(state.stateMachineArn, UNKNOWN);
      assert.equal(state.roleArn, UNKNOWN);
    });

    it("previews a plain structure holding a secret and an unknown in its non-plain part (alarms.actions)", async () => {
      engine.dryRun = true;
      // The secret makes the SDK wrap `alarms` whole; the unknown action must not make its plain settings unknown.
      await construct({
        type: WORKFLOW,
        name: "approvals",
        dryRun: true,
        inputs: {
          definition,
          definitionSubstitutions: { FunctionArn: FUNCTION_ARN, ApiToken: "t" },
          callbacks: { reviewers: {} },
          alarms: { actions: [secret(TOPIC_ARN), UNKNOWN], period: 120, executionsFailed: { threshold: 3 } },
        },
        inputDependencies: { alarms: [TOPIC_URN] },
      });
      const failed = one("aws:cloudwatch/metricAlarm:MetricAlarm", "approvals-executions-failed");
      assert.equal(failed.object.period, 120);
      assert.equal(failed.object.threshold, 3);
      assert.ok(failed.dependencies.includes(TOPIC_URN));
      // The known action is sent (still secret), the unknown one as unknown, or the whole list as unknown.
      const actions = reveal(failed.object.alarmActions);
      assert.ok(holdsSecret(failed.object.alarmActions), JSON.stringify(failed.object.alarmActions));
      assert.ok(actions === UNKNOWN || (Array.isArray(actions) && actions.includes(UNKNOWN)), JSON.stringify(failed.object.alarmActions));
    });

    for (const [field, inputs, message] of [
      ["stateMachineName", { stateMachineName: UNKNOWN }, /^stateMachineName: \[unknown-at-preview\] must be known when the program runs/],
      [
        "definition",
        { definition: outputValue({ dependencies: [FUNCTION_URN] }) },
        /^definition: \[unknown-at-preview\] must be known .* through definitionSubstitutions, as \$\{Name\} placeholders$/,
      ],
      [
        "callbacks.reviewers.maxReceiveCount",
        { callbacks: { reviewers: { maxReceiveCount: UNKNOWN } } },
        /^callbacks\.reviewers\.maxReceiveCount: \[unknown-at-preview\] must be known when the program runs/,
      ],
    ] as const) {
      it(`fails with a clear message when a plain input is unknown at preview (${field}), registering nothing`, async () => {
        engine.dryRun = true;
        const error = await constructError({
          type: WORKFLOW,
          name: "approvals",
          dryRun: true,
          inputs: {
            definition,
            definitionSubstitutions: { FunctionArn: FUNCTION_ARN, ApiToken: "t" },
            callbacks: { reviewers: {} },
            ...inputs,
          },
        });
        assert.equal(error.details, "1 problem; nothing was created");
        assert.equal(error.properties.length, 1);
        assert.match(error.properties[0], message);
        assert.equal(engine.registrations.length, 0, `registered: ${registeredList()}`);
      });
    }

    it("rejects a bad definition with the analysis message (rule and state path), registering nothing", async () => {
      const error = await constructError({
        type: WORKFLOW,
        name: "approvals",
        inputs: { definition: expressWithCallback, workflowType: "EXPRESS", callbacks: { reviewers: {} } },
      });
      assert.equal(error.details, "1 problem; nothing was created");
      assert.deepEqual(error.properties, [
        "definition > Fan out > branch 2 > Ask: [express-pattern] sqs:sendMessage.waitForTaskToken cannot run in an EXPRESS workflow, which supports request-response integrations only; use workflowType STANDARD or drop the .waitForTaskToken suffix",
      ]);
      assert.equal(engine.registrations.length, 0, `registered: ${registeredList()}`);
    });
  });

  describe("Construct of a CallbackQueue and a SyncEndpoint", () => {
    it("constructs both, parented to the component, with the outputs the schema promises", async () => {
      const queue = await construct({
        type: CALLBACK_QUEUE,
        name: "jobs",
        inputs: {
          maxReceiveCount: 2,
          heartbeatSeconds: 90,
          kmsKeyArn: secret(`arn:aws:kms:${REGION}:${ACCOUNT}:key/k1`),
          tags: { team: "ops" },
        },
      });
      const queueUrn = urnOf(CALLBACK_QUEUE, "jobs");
      assert.equal(queue.urn, queueUrn);
      assertAllUnder(queueUrn);
      assert.equal(queue.state.queueUrl, `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/jobs-abc123`);
      assert.equal(queue.state.deadLetterQueueArn, `arn:aws:sqs:${REGION}:${ACCOUNT}:jobs-dlq-abc123`);
      assert.deepEqual(Object.keys(queue.state.alarmArns as object).sort(), ["deadLetters", "oldestMessageAge"]);
      const q = one("aws:sqs/queue:Queue", "jobs");
      assert.equal(q.object.visibilityTimeoutSeconds, 90);
      assert.ok(isSecretValue(q.object.kmsMasterKeyId));

      engine.reset();
      const machineArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:quotes`;
      const endpoint = await construct({
        type: SYNC_ENDPOINT,
        name: "quotes",
        inputs: { stateMachineArn: outputValue({ value: machineArn, dependencies: [FUNCTION_URN] }), path: "/quotes/{sku}", method: "GET" },
      });
      const endpointUrn = urnOf(SYNC_ENDPOINT, "quotes");
      assert.equal(endpoint.urn, endpointUrn);
      assertAllUnder(endpointUrn);
      assert.ok(
        engine.registrations.some((r) => r.type === "aws:apigateway/restApi:RestApi"),
        registeredList(),
      );
      assert.match(String(endpoint.state.url), /^https:\/\/.+\.execute-api\.us-east-1\.amazonaws\.com\/api\/quotes\/\{sku\}$/);
      assert.equal(endpoint.state.stageName, "api");
    });

    it("previews a SyncEndpoint whose stateMachineArn is unknown (the bare unknown sentinel)", async () => {
      engine.dryRun = true;
      const endpoint = await construct({ type: SYNC_ENDPOINT, name: "quotes", dryRun: true, inputs: { stateMachineArn: UNKNOWN } });
      assert.equal(endpoint.urn, urnOf(SYNC_ENDPOINT, "quotes"));
      assert.equal(endpoint.state.url, UNKNOWN);
      assert.ok(
        engine.registrations.some((r) => r.type === "aws:apigateway/integration:Integration"),
        registeredList(),
      );
    });
  });

  describe("after the failures", () => {
    it("rejects an unknown token with the tokens it provides, registering nothing", async () => {
      const error = await constructError({ type: "sfn-workflows:index:Workflows", name: "x", inputs: { definition } });
      assert.match(error.details, /sfn-workflows cannot construct "sfn-workflows:index:Workflows"/);
      assert.match(error.details, /sfn-workflows:index:CallbackQueue, sfn-workflows:index:SyncEndpoint, sfn-workflows:index:Workflow/);
      assert.equal(engine.registrations.length, 0);
    });

    it("is still serving after the failed constructs", async () => {
      const { state } = await construct({ type: CALLBACK_QUEUE, name: "after", inputs: {} });
      assert.equal(state.queueArn, `arn:aws:sqs:${REGION}:${ACCOUNT}:after-abc123`);
      assert.equal(plugin.child.exitCode, null);
    });
  });
});
