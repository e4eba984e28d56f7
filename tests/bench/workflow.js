/**
 * Benchmark: our Workflow component on the reference workload, under Pulumi mocks (an update, not
 * a preview). `node tests/bench/workflow.js N` after `make build`; prints one JSON line
 * {"n":N,"resources":R,"ms":T,"cpuMs":C,"maxRssMb":M}: R resources registered (components
 * included), T milliseconds from process start (module loading included) until every resource is
 * registered and every output resolved, C the CPU time used by then, M the process's peak resident
 * memory. If the component throws, the line carries an "error" field and the exit code is 1.
 */
const { ALARM_TOPIC, MAX_RECEIVE_COUNT, callbackName, definition, parseN, measurements, exitGuard } = require("./workload");

const n = parseN(process.argv);
/**
 * `--role-arn` passes roleArn (bring your own role): no role or execution policy is derived. Only
 * for measuring the rest of the component when the derived policy cannot be built.
 */
const ownRole = process.argv.includes("--role-arn");

let resources = 0;

/** A failure anywhere (an apply throwing included) ends the run with one JSON line saying why. */
function fail(error) {
  // Pulumi prefixes an apply's error with the chain of properties it was serializing.
  const message = (error instanceof Error ? error.message : String(error)).replace(/^(error serializing property "[^"]*": )+/, "");
  console.log(JSON.stringify({ n, resources, ...measurements(), error: message }));
  console.error(error);
  process.exit(1);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

const pulumi = require("@pulumi/pulumi");
const { ACCOUNT, fakeCall, fakeId, fakeState } = require("../support/mockAws");

pulumi.runtime.setMocks(
  {
    newResource(args) {
      resources++;
      return { id: fakeId(args.name), state: fakeState(args.type, args.name, args.inputs) };
    },
    call: (args) => fakeCall(args.token, args.inputs, "bench"),
  },
  "sfn-workflows-bench",
  "bench",
  false,
);

// Loaded after the mocks are set, as a Pulumi program would be.
const { Workflow } = require("../../provider/bin");

const settled = (output) => new Promise((resolve) => output.apply(resolve));

async function main() {
  const callbacks = {};
  for (let i = 1; i <= n; i++) callbacks[callbackName(i)] = { maxReceiveCount: MAX_RECEIVE_COUNT };
  const workflow = new Workflow("bench", {
    workflowType: "STANDARD",
    ...(ownRole ? { roleArn: `arn:aws:iam::${ACCOUNT}:role/bench-own-role` } : {}),
    definition: definition(n, (i) => `\${callbacks.${callbackName(i)}.queueUrl}`),
    callbacks,
    alarms: { actions: [ALARM_TOPIC] },
  });
  const [, , , , queues, , alarmArns] = await Promise.all(
    [
      workflow.urn,
      workflow.stateMachineArn,
      workflow.stateMachineName,
      workflow.roleArn,
      workflow.callbackQueues,
      workflow.logGroupName,
      workflow.alarmArns,
      workflow.workerPolicyArn,
    ].map(settled),
  );
  // Every registration (and the component outputs' registration) has reached the mocks.
  await pulumi.runtime.disconnect();
  if (Object.keys(queues).length !== n) throw new Error(`expected ${n} callback queues, got ${Object.keys(queues).length}`);
  if (Object.keys(alarmArns).length !== 2 * n + 3) throw new Error(`expected ${2 * n + 3} alarms, got ${Object.keys(alarmArns).length}`);
  console.log(JSON.stringify({ n, resources, ...measurements(), ...(ownRole ? { roleArn: "given" } : {}) }));
  exitGuard();
}

main().catch(fail);
