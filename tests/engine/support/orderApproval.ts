/**
 * The engine scenario every language's order-approval example goes through: `pulumi up` creates
 * the workflows and their children, `pulumi stack output` shows the outputs, a second preview
 * shows no changes, a changed HeartbeatSeconds updates the state machine in place, a consumer
 * stack reads the outputs through a StackReference and attaches the worker policy, and
 * `pulumi destroy` removes everything. And, per language, the bad-input case: an EXPRESS workflow
 * with a callback task fails `pulumi preview` with the analysis message and creates nothing.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { analyze } from "../../../provider/src/analysis/analyze";
import { formatDiagnostic, placeOf } from "../../../provider/src/components/errors";
import type { BadInputProgram } from "./badInputPrograms";
import { withoutPythonShutdownNoise } from "./pythonShutdownNoise";
import { EngineWorkspace, REPO, type RecordEntry, type StateResource, urnName } from "./engine";

export const REGION = "eu-west-1";
export const ACCOUNT = "123456789012";
export const OPS_TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:ops`;
const STACK = "dev";

export interface Language {
  /** For test titles. */
  name: string;
  /** The example directory under examples/. */
  example: string;
  /** Its Pulumi project name. */
  project: string;
  /** The TypeScript example creates the tables and the ops topic itself; the others take them from config. */
  createsTablesAndTopic: boolean;
  /** Language-specific setup of a copied program, before `pulumi stack init` (virtualenv, Go SDK, plugin). */
  prepare?(ws: EngineWorkspace, dir: string): void;
  /** Only up, outputs, the StackReference consumer and destroy: no second preview, no update. */
  installOnly?: boolean;
  /** The workspace the scenario runs in (default: an EngineWorkspace in the repository). */
  workspace?(): EngineWorkspace;
}

interface PreviewStep {
  op: string;
  urn: string;
  diffReasons?: string[];
}
interface PreviewJson {
  steps: PreviewStep[];
}

const WORKFLOW = "sfn-workflows:index:Workflow";
const CALLBACK_QUEUE = "sfn-workflows:index:CallbackQueue";
const SYNC_ENDPOINT = "sfn-workflows:index:SyncEndpoint";
const AWS_VERSION = (
  JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", "@pulumi", "aws", "package.json"), "utf8")) as { version: string }
).version;

/** The children a resource (by type and name) has in the state, as "type name" strings. */
function childrenOf(state: StateResource[], type: string, name: string): string[] {
  const parent = state.find((r) => r.type === type && urnName(r.urn) === name);
  assert.ok(parent, `no ${type} ${name} in the state`);
  return state
    .filter((r) => r.parent === parent.urn)
    .map((r) => `${r.type} ${urnName(r.urn)}`)
    .sort();
}

const custom = (state: StateResource[]) => state.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
const ofOp = (record: RecordEntry[], op: RecordEntry["op"]) => record.filter((e) => e.op === op);
const created = (record: RecordEntry[], type: string, name: string) => {
  const entry = record.find((e) => e.op === "create" && e.type === type && urnName(e.urn) === name);
  assert.ok(entry, `no create of ${type} ${name} in the record`);
  return entry;
};

export function describeOrderApproval(language: Language): void {
  describe(`engine: the ${language.name} order-approval example under the real Pulumi engine`, function () {
    let ws: EngineWorkspace;
    let approvalDir: string;
    let consumerDir: string;
    const consumerStack = `worker-${language.example}`;

    before(function () {
      ws = language.workspace?.() ?? new EngineWorkspace();
      approvalDir = ws.project(language.example);
      consumerDir = ws.project("consumer-typescript");
      language.prepare?.(ws, approvalDir);
      ws.pulumi(["stack", "init", STACK], approvalDir);
      ws.pulumi(["config", "set", "aws:region", REGION], approvalDir);
      if (!language.createsTablesAndTopic) ws.pulumi(["config", "set", "opsTopicArn", OPS_TOPIC_ARN], approvalDir);
    });

    after(function () {
      if (!ws) return;
      ws.reportAndDispose();
    });

    it("pulumi up creates the workflows and their children, each through the AWS provider", function () {
      ws.pulumi(["up", "--yes"], approvalDir);
      const state = ws.state(approvalDir, STACK);
      const record = ws.record();

      // Every custom resource in the state was created by the (test-double) AWS provider, once,
      // with the id the state holds, and nothing else was created or touched.
      const resources = custom(state);
      const creates = ofOp(record, "create");
      assert.equal(record.length, creates.length, "only creates so far");
      assert.deepEqual(creates.map((e) => e.urn).sort(), resources.map((r) => r.urn).sort());
      for (const r of resources) {
        const entry = creates.find((e) => e.urn === r.urn);
        assert.equal(entry?.id, r.id, `${r.urn}: id in state`);
        assert.equal(entry?.provider, "aws");
        assert.equal(entry?.version, AWS_VERSION);
      }
      const topLevel = resources.filter((r) => r.parent?.includes("pulumi:pulumi:Stack")).map((r) => `${r.type} ${urnName(r.urn)}`);
      assert.deepEqual(
        topLevel.sort(),
        language.createsTablesAndTopic
          ? ["aws:dynamodb/table:Table orders", "aws:dynamodb/table:Table quotes", "aws:sns/topic:Topic ops"]
          : [],
      );

      // The approval workflow: the STANDARD machine with its derived role, logs, alarms, worker
      // policy and the reviewers' callback queue, all children of the component.
      assert.deepEqual(childrenOf(state, WORKFLOW, "approvals"), [
        "aws:cloudwatch/logGroup:LogGroup approvals",
        "aws:cloudwatch/logMetricFilter:LogMetricFilter approvals-heartbeat-timeouts",
        "aws:cloudwatch/metricAlarm:MetricAlarm approvals-executions-failed",
        "aws:cloudwatch/metricAlarm:MetricAlarm approvals-executions-timed-out",
        "aws:cloudwatch/metricAlarm:MetricAlarm approvals-heartbeat-timeouts",
        "aws:iam/policy:Policy approvals-worker",
        "aws:iam/role:Role approvals-role",
        "aws:iam/rolePolicy:RolePolicy approvals-role",
        "aws:sfn/stateMachine:StateMachine approvals",
        `${CALLBACK_QUEUE} approvals-reviewers`,
      ]);
      assert.deepEqual(childrenOf(state, CALLBACK_QUEUE, "approvals-reviewers"), [
        "aws:cloudwatch/metricAlarm:MetricAlarm approvals-reviewers-dead-letters",
        "aws:cloudwatch/metricAlarm:MetricAlarm approvals-reviewers-oldest-message",
        "aws:sqs/queue:Queue approvals-reviewers",
        "aws:sqs/queue:Queue approvals-reviewers-dlq",
        "aws:sqs/queuePolicy:QueuePolicy approvals-reviewers",
        "aws:sqs/queuePolicy:QueuePolicy approvals-reviewers-dlq",
        "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy approvals-reviewers-dlq",
      ]);
      // The EXPRESS quote workflow: no callback queue, no worker policy, no heartbeat alarm; its
      // synchronous endpoint is a SyncEndpoint child with an API Gateway stage.
      const quote = childrenOf(state, WORKFLOW, "quote");
      for (const child of [
        "aws:cloudwatch/logGroup:LogGroup quote",
        "aws:cloudwatch/metricAlarm:MetricAlarm quote-executions-failed",
        "aws:cloudwatch/metricAlarm:MetricAlarm quote-executions-timed-out",
        "aws:iam/role:Role quote-role",
        "aws:iam/rolePolicy:RolePolicy quote-role",
        "aws:sfn/stateMachine:StateMachine quote",
        `${SYNC_ENDPOINT} quote-endpoint`,
      ]) {
        assert.ok(quote.includes(child), `quote workflow lacks ${child}: ${quote.join(", ")}`);
      }
      assert.ok(!quote.some((c) => c.startsWith(CALLBACK_QUEUE) || c.includes("worker") || c.includes("heartbeat")), quote.join(", "));
      const endpoint = childrenOf(state, SYNC_ENDPOINT, "quote-endpoint").map((c) => c.split(" ")[0]);
      for (const type of ["aws:apigateway/restApi:RestApi", "aws:apigateway/deployment:Deployment", "aws:apigateway/stage:Stage"]) {
        assert.ok(endpoint.includes(type), `sync endpoint lacks ${type}`);
      }

      // What reached the provider is what the components derived: the machine types, the callback
      // queue's URL substituted into the definition, the role trusted by Step Functions only.
      const machine = (name: string) => created(creates, "aws:sfn/stateMachine:StateMachine", name);
      assert.equal(machine("approvals").inputs?.type, "STANDARD");
      assert.equal(machine("quote").inputs?.type, "EXPRESS");
      const queue = created(creates, "aws:sqs/queue:Queue", "approvals-reviewers");
      assert.match(String(queue.outputs?.url), new RegExp(`^https://sqs\\.${REGION}\\.amazonaws\\.com/${ACCOUNT}/approvals-reviewers-`));
      assert.ok(String(machine("approvals").inputs?.definition).includes(String(queue.outputs?.url)), "queue URL substituted");
      const role = created(creates, "aws:iam/role:Role", "approvals-role");
      const trust = JSON.parse(String(role.inputs?.assumeRolePolicy));
      assert.deepEqual(trust.Statement[0].Principal, { Service: "states.amazonaws.com" });
      assert.equal(machine("approvals").inputs?.roleArn, role.outputs?.arn);
      const alarm = created(creates, "aws:cloudwatch/metricAlarm:MetricAlarm", "approvals-executions-failed");
      const topicArn = language.createsTablesAndTopic ? created(creates, "aws:sns/topic:Topic", "ops").outputs?.arn : OPS_TOPIC_ARN;
      assert.deepEqual(alarm.inputs?.alarmActions, [topicArn]);
    });

    it("pulumi stack output shows the outputs, as AWS would shape them", function () {
      const outputs = ws.pulumiJson<Record<string, string>>(["stack", "output"], approvalDir);
      const record = ws.record();
      assert.deepEqual(Object.keys(outputs).sort(), [
        "approvalsStateMachineArn",
        "quoteEndpointUrl",
        "quoteStateMachineArn",
        "reviewersQueueArn",
        "reviewersQueueUrl",
        "workerPolicyArn",
      ]);
      assert.equal(outputs.approvalsStateMachineArn, created(record, "aws:sfn/stateMachine:StateMachine", "approvals").outputs?.arn);
      assert.equal(outputs.quoteStateMachineArn, created(record, "aws:sfn/stateMachine:StateMachine", "quote").outputs?.arn);
      assert.match(outputs.approvalsStateMachineArn, new RegExp(`^arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:approvals-`));
      assert.equal(outputs.reviewersQueueUrl, created(record, "aws:sqs/queue:Queue", "approvals-reviewers").outputs?.url);
      assert.equal(outputs.reviewersQueueArn, created(record, "aws:sqs/queue:Queue", "approvals-reviewers").outputs?.arn);
      assert.match(outputs.reviewersQueueArn, new RegExp(`^arn:aws:sqs:${REGION}:${ACCOUNT}:approvals-reviewers-`));
      assert.equal(outputs.workerPolicyArn, created(record, "aws:iam/policy:Policy", "approvals-worker").outputs?.arn);
      assert.match(outputs.workerPolicyArn, new RegExp(`^arn:aws:iam::${ACCOUNT}:policy/approvals-worker-`));
      assert.match(outputs.quoteEndpointUrl, new RegExp(`^https://[0-9a-f]+\\.execute-api\\.${REGION}\\.amazonaws\\.com/.*/quotes$`));
    });

    // Updates: the same for a program however its package was installed; test-dist leaves them to test-engine.
    if (!language.installOnly) {
      it("a second pulumi preview shows no changes", function () {
        const before = ws.record().length;
        ws.pulumi(["preview", "--expect-no-changes"], approvalDir);
        const preview = ws.pulumiJson<PreviewJson>(["preview"], approvalDir);
        assert.deepEqual(
          preview.steps.filter((s) => s.op !== "same").map((s) => `${s.op} ${s.urn}`),
          [],
        );
        assert.equal(ws.record().length, before, "a preview performs nothing");
      });

      it("a changed HeartbeatSeconds updates the state machine in place, with no replacement", function () {
        const file = path.join(ws.root, "definitions", "order-approval.asl.json");
        const source = fs.readFileSync(file, "utf8");
        assert.match(source, /"HeartbeatSeconds": 300/);
        fs.writeFileSync(file, source.replace('"HeartbeatSeconds": 300', '"HeartbeatSeconds": 900'));
        const machineBefore = ws
          .state(approvalDir, STACK)
          .find((r) => r.type === "aws:sfn/stateMachine:StateMachine" && urnName(r.urn) === "approvals")!;

        const preview = ws.pulumiJson<PreviewJson>(["preview", "--diff"], approvalDir);
        const changed = preview.steps.filter((s) => s.op !== "same");
        const machineStep = changed.find((s) => s.urn === machineBefore.urn);
        assert.equal(machineStep?.op, "update", JSON.stringify(changed, null, 2));
        assert.deepEqual(machineStep?.diffReasons, ["definition"]);
        assert.deepEqual(
          changed.filter((s) => s.op !== "update").map((s) => `${s.op} ${s.urn}`),
          [],
          "nothing is replaced, created or deleted",
        );
        // The heartbeat also sizes the queue's visibility timeout and the late-worker alarm.
        const updatedNames = changed.map((s) => urnName(s.urn)).sort();
        assert.ok(updatedNames.includes("approvals-reviewers"), updatedNames.join(", "));
        assert.ok(updatedNames.includes("approvals-reviewers-oldest-message"), updatedNames.join(", "));

        const before = ws.record().length;
        ws.pulumi(["up", "--yes"], approvalDir);
        const performed = ws.record().slice(before);
        assert.deepEqual(
          performed.filter((e) => e.op !== "update").map((e) => `${e.op} ${e.urn}`),
          [],
          "the update creates and deletes nothing",
        );
        const machineUpdate = performed.find((e) => e.urn === machineBefore.urn);
        assert.ok(machineUpdate, "the state machine was updated");
        assert.equal(machineUpdate.id, machineBefore.id, "same state machine");
        assert.deepEqual(machineUpdate.changed, ["definition"]);
        assert.match(String(machineUpdate.inputs?.definition), /"HeartbeatSeconds":900/);
        const queueUpdate = performed.find((e) => e.type === "aws:sqs/queue:Queue" && urnName(e.urn) === "approvals-reviewers");
        assert.equal(queueUpdate?.inputs?.visibilityTimeoutSeconds, 900);
        assert.equal(ws.state(approvalDir, STACK).find((r) => r.urn === machineBefore.urn)?.id, machineBefore.id);
        ws.pulumi(["preview", "--expect-no-changes"], approvalDir);
      });
    }

    it("a consumer stack reads the outputs through a StackReference and attaches the worker policy", function () {
      const reference = `organization/${language.project}/${STACK}`;
      ws.pulumi(["stack", "init", consumerStack], consumerDir);
      ws.pulumi(["config", "set", "aws:region", REGION], consumerDir);
      ws.pulumi(["config", "set", "approvalStack", reference], consumerDir);
      const before = ws.record().length;
      ws.pulumi(["up", "--yes"], consumerDir);
      const approval = ws.pulumiJson<Record<string, string>>(["stack", "output"], approvalDir);
      const consumer = ws.pulumiJson<Record<string, unknown>>(["stack", "output"], consumerDir);

      const performed = ws.record().slice(before);
      assert.deepEqual(performed.map((e) => `${e.op} ${e.type} ${urnName(e.urn)}`).sort(), [
        "create aws:iam/role:Role worker",
        "create aws:iam/rolePolicyAttachment:RolePolicyAttachment worker",
      ]);
      const role = performed.find((e) => e.type === "aws:iam/role:Role")!;
      const attachment = performed.find((e) => e.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment")!;
      assert.equal(attachment.inputs?.policyArn, approval.workerPolicyArn, "the worker role gets the approval stack's worker policy");
      assert.equal(attachment.inputs?.role, role.outputs?.name);
      assert.equal(consumer.workerRoleArn, role.outputs?.arn);
      assert.equal(consumer.reviewersQueueArn, approval.reviewersQueueArn);
      assert.deepEqual(consumer.workerEnvironment, {
        QUEUE_URL: approval.reviewersQueueUrl,
        STATE_MACHINE_ARN: approval.approvalsStateMachineArn,
        QUOTE_ENDPOINT_URL: approval.quoteEndpointUrl,
      });
      const stackReference = ws.state(consumerDir, consumerStack).find((r) => r.type === "pulumi:pulumi:StackReference");
      assert.equal(stackReference?.id, reference);
    });

    it("pulumi destroy removes everything, the consumer first", function () {
      const createdIds = new Map(ofOp(ws.record(), "create").map((e) => [e.urn, e.id]));
      ws.pulumi(["destroy", "--yes"], consumerDir);
      ws.pulumi(["destroy", "--yes"], approvalDir);
      const deleted = new Map(ofOp(ws.record(), "delete").map((e) => [e.urn, e.id]));
      assert.deepEqual([...deleted.keys()].sort(), [...createdIds.keys()].sort(), "every resource created is deleted");
      for (const [urn, id] of createdIds) assert.equal(deleted.get(urn), id, urn);
      assert.deepEqual(custom(ws.state(approvalDir, STACK)), []);
      assert.deepEqual(custom(ws.state(consumerDir, consumerStack)), []);
    });
  });
}

export function describeBadInput(program: BadInputProgram): void {
  describe(`engine: bad input from ${program.name}`, function () {
    let ws: EngineWorkspace;

    before(function () {
      ws = new EngineWorkspace();
    });

    after(function () {
      ws?.dispose();
    });

    it("an EXPRESS workflow with a callback task fails pulumi preview with the analysis message and creates nothing", function () {
      const dir = path.join(ws.root, "bad-input");
      fs.mkdirSync(dir);
      ws.project("consumer-typescript"); // brings the definitions along
      program.write(dir, "EXPRESS");
      program.prepare?.(ws, dir);
      ws.pulumi(["stack", "init", STACK], dir);
      ws.pulumi(["config", "set", "aws:region", REGION], dir);
      const run = ws.pulumi(["preview"], dir, { allowFailure: true });
      assert.notEqual(run.status, 0, `preview must fail:\n${run.stdout}`);
      const all = run.stdout + run.stderr;
      const output = program.pythonShutdownNoise ? withoutPythonShutdownNoise(all) : all;
      const definition = JSON.parse(fs.readFileSync(path.join(ws.root, "definitions", "invalid-express-callback.asl.json"), "utf8"));
      const errors = analyze(definition, { workflowType: "EXPRESS" }).errors;
      assert.ok(errors.length > 0);
      for (const error of errors) {
        // In the program (TypeScript) the component's own line; through the plugin, the engine's.
        const lines = [formatDiagnostic(error), `- property ${placeOf(error)} has a problem: [${error.rule}] ${error.message}`];
        assert.ok(
          lines.some((line) => output.includes(line)),
          `missing "${lines.join('" or "')}" in:\n${output}`,
        );
      }
      assert.match(output, /nothing was created/);
      // No stack frames, no inspected error object, no colour codes.
      assert.doesNotMatch(output, /^\s+at .+:\d+:\d+\)?$/m);
      assert.ok(!output.includes("\u001b["), "no ANSI escape codes");
      assert.doesNotMatch(output, /\[90m|\[32m|InputError \{|Traceback/);
      assert.deepEqual(ws.record(), [], "nothing reached the AWS provider");
      assert.deepEqual(custom(ws.state(dir, STACK)), []);
    });
  });
}
