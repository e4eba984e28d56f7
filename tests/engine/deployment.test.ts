/**
 * The real Pulumi engine, end to end, on a Workflow with a CANARY `deployment` (the fixture program
 * tests/engine/fixtures/deployment-typescript): `pulumi up` publishes a StateMachineVersion
 * (aws-native) and a "live" StateMachineAlias shifting traffic to it; a definition change updates
 * the state machine in place, publishes a new version (a replacement of the version resource, keyed
 * on the machine's revisionId) and updates the alias to it. AWS is played by the test-double
 * providers in tests/engine/fake-providers. `make test-engine`.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { EngineWorkspace, REPO, type RecordEntry, type StateResource, urnName } from "./support/engine";
import { REGION } from "./support/orderApproval";

const STACK = "dev";
const MACHINE = "aws:sfn/stateMachine:StateMachine";
const VERSION = "aws-native:stepfunctions:StateMachineVersion";
const ALIAS = "aws-native:stepfunctions:StateMachineAlias";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

interface PreviewJson {
  steps: { op: string; urn: string; diffReasons?: string[] }[];
}

const custom = (state: StateResource[]) => state.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
const one = (record: RecordEntry[], op: RecordEntry["op"], type: string): RecordEntry => {
  const entries = record.filter((e) => e.op === op && e.type === type);
  assert.equal(entries.length, 1, `want one ${op} of ${type}, got ${entries.map((e) => e.urn).join(", ")}`);
  return entries[0];
};

describe("engine: a Workflow with a CANARY deployment under the real Pulumi engine", function () {
  let ws: EngineWorkspace;
  let dir: string;
  let machineArn: string;
  let firstVersion: RecordEntry;
  let alias: RecordEntry;

  before(function () {
    ws = new EngineWorkspace();
    dir = path.join(ws.root, "deployment-typescript");
    fs.cpSync(path.join(__dirname, "fixtures", "deployment-typescript"), dir, { recursive: true });
    fs.cpSync(path.join(REPO, "examples", "definitions"), path.join(ws.root, "definitions"), { recursive: true });
    ws.pulumi(["stack", "init", STACK], dir);
    ws.pulumi(["config", "set", "aws:region", REGION], dir);
    ws.pulumi(["config", "set", "aws-native:region", REGION], dir);
  });

  after(function () {
    if (!ws) return;
    ws.reportAndDispose();
  });

  it("pulumi up publishes a version and creates the alias with the deployment preference", function () {
    ws.pulumi(["up", "--yes"], dir);
    const record = ws.record();
    const state = ws.state(dir, STACK);
    const machine = one(record, "create", MACHINE);
    machineArn = String(machine.outputs?.arn);
    assert.match(machineArn, new RegExp(`^arn:aws:states:${REGION}:\\d{12}:stateMachine:approvals-`));
    assert.match(String(machine.outputs?.revisionId), /^[0-9a-f]{32}$/);

    firstVersion = one(record, "create", VERSION);
    assert.equal(firstVersion.provider, "aws-native");
    assert.equal(firstVersion.inputs?.stateMachineArn, machineArn);
    assert.equal(firstVersion.inputs?.stateMachineRevisionId, machine.outputs?.revisionId);
    assert.equal(firstVersion.outputs?.arn, `${machineArn}:1`);
    assert.equal(firstVersion.id, `${machineArn}:1`);

    // The deployment watches the workflow's own three alarms, by name.
    const alarmNames = state
      .filter((r) => r.type === ALARM && r.parent?.endsWith("sfn-workflows:index:Workflow::approvals"))
      .map((r) => String(r.outputs?.name))
      .sort();
    assert.equal(alarmNames.length, 3, alarmNames.join(", "));
    for (const suffix of ["executions-failed", "executions-timed-out", "heartbeat-timeouts"]) {
      assert.ok(
        alarmNames.some((n) => n.startsWith(`approvals-${suffix}`)),
        `no ${suffix} alarm in ${alarmNames.join(", ")}`,
      );
    }
    alias = one(record, "create", ALIAS);
    assert.equal(alias.inputs?.name, "live");
    const preference = alias.inputs?.deploymentPreference as Record<string, unknown>;
    assert.deepEqual(
      { ...preference, alarms: [...(preference.alarms as string[])].sort() },
      { stateMachineVersionArn: `${machineArn}:1`, type: "CANARY", percentage: 10, interval: 5, alarms: alarmNames },
    );
    assert.equal(alias.outputs?.arn, `${machineArn}:live`);
    // The state holds the same: the alias and the version are children of the Workflow.
    const stateAlias = state.find((r) => r.type === ALIAS);
    assert.equal(stateAlias?.id, alias.id);
    assert.equal(urnName(String(stateAlias?.parent)), "approvals");
    assert.equal(state.find((r) => r.type === VERSION)?.id, firstVersion.id);
  });

  it("a changed HeartbeatSeconds updates the machine in place, publishes a new version and moves the alias", function () {
    const file = path.join(ws.root, "definitions", "order-approval.asl.json");
    const source = fs.readFileSync(file, "utf8");
    assert.match(source, /"HeartbeatSeconds": 300/);
    fs.writeFileSync(file, source.replace('"HeartbeatSeconds": 300', '"HeartbeatSeconds": 900'));
    const before = ws.state(dir, STACK);
    const machineBefore = before.find((r) => r.type === MACHINE)!;
    const versionBefore = before.find((r) => r.type === VERSION)!;
    const aliasBefore = before.find((r) => r.type === ALIAS)!;

    const preview = ws.pulumiJson<PreviewJson>(["preview", "--diff"], dir);
    const ops = (urn: string) => preview.steps.filter((s) => s.urn === urn).map((s) => s.op);
    assert.deepEqual(ops(machineBefore.urn), ["update"], JSON.stringify(preview.steps, null, 2));
    assert.deepEqual(preview.steps.find((s) => s.urn === machineBefore.urn)?.diffReasons, ["definition"]);
    assert.ok(ops(versionBefore.urn).includes("replace"), `version: ${ops(versionBefore.urn).join(", ")}`);
    assert.deepEqual(ops(aliasBefore.urn), ["update"]);

    const start = ws.record().length;
    ws.pulumi(["up", "--yes"], dir);
    const performed = ws.record().slice(start);

    const machineUpdate = one(performed, "update", MACHINE);
    assert.equal(machineUpdate.id, machineBefore.id, "same state machine");
    assert.deepEqual(machineUpdate.changed, ["definition"]);
    assert.match(String(machineUpdate.inputs?.definition), /"HeartbeatSeconds":900/);
    const newRevision = String(machineUpdate.outputs?.revisionId);
    assert.notEqual(newRevision, String(machineBefore.outputs?.revisionId), "a new revision");
    assert.ok(!performed.some((e) => e.type === MACHINE && e.op !== "update"), "the machine is not replaced");

    const newVersion = one(performed, "create", VERSION);
    assert.equal(newVersion.inputs?.stateMachineArn, machineArn);
    assert.equal(newVersion.inputs?.stateMachineRevisionId, newRevision);
    assert.equal(newVersion.outputs?.arn, `${machineArn}:2`);
    const oldVersionDelete = one(performed, "delete", VERSION);
    assert.equal(oldVersionDelete.id, firstVersion.id, "the old version is deleted");

    const aliasUpdate = one(performed, "update", ALIAS);
    assert.equal(aliasUpdate.id, alias.id, "same alias");
    assert.deepEqual(aliasUpdate.changed, ["deploymentPreference"]);
    assert.equal((aliasUpdate.inputs?.deploymentPreference as Record<string, unknown>).stateMachineVersionArn, `${machineArn}:2`);
    assert.equal(aliasUpdate.outputs?.arn, `${machineArn}:live`);
    assert.ok(!performed.some((e) => e.type === ALIAS && e.op !== "update"), "the alias is not replaced");

    const after = ws.state(dir, STACK);
    assert.equal(after.find((r) => r.type === MACHINE)?.id, machineBefore.id);
    assert.deepEqual(
      after.filter((r) => r.type === VERSION).map((r) => r.id),
      [newVersion.id],
    );
    ws.pulumi(["preview", "--expect-no-changes"], dir);
  });

  it("pulumi stack output aliasArn shows the alias ARN", function () {
    const shown = ws.pulumi(["stack", "output", "aliasArn"], dir).stdout.trim();
    assert.equal(shown, `${machineArn}:live`);
    assert.equal(ws.pulumi(["stack", "output", "stateMachineArn"], dir).stdout.trim(), machineArn);
  });

  it("pulumi destroy removes everything", function () {
    ws.pulumi(["destroy", "--yes"], dir);
    const record = ws.record();
    const created = new Map(record.filter((e) => e.op === "create").map((e) => [e.id + " " + e.urn, e]));
    const deleted = new Set(record.filter((e) => e.op === "delete").map((e) => e.id + " " + e.urn));
    assert.deepEqual([...deleted].sort(), [...created.keys()].sort(), "every resource created (both versions included) is deleted");
    assert.deepEqual(custom(ws.state(dir, STACK)), []);
  });
});
