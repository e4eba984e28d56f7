/**
 * Benchmark: `analyze` on a generated definition of 1,000 states (nested states counted): 50 blocks
 * of 20 states each (Pass, Choice, Wait, a Parallel with two branches, an inline Map, and 11 Tasks
 * of eleven different integrations). `node tests/bench/analysis.js` after `make build`; prints
 * one JSON line {"states":1000,"ms":MEDIAN,"minMs":..,"maxMs":..,"cpuMs":..,"runs":R,"firstMs":..}: the median
 * wall time of R timed runs after WARMUP untimed ones, the median CPU time of the main thread over
 * the same runs (less sensitive to other load on the machine), and the first (cold) call, which
 * also compiles the ASL schema.
 */
const { performance } = require("node:perf_hooks");
const { analyze } = require("../../provider/bin/analysis/analyze");
const { walkStates } = require("../../provider/bin/model/walk");
const { median } = require("./median");

const WARMUP = 5;
const RUNS = 15;
const STATES_PER_BLOCK = 20;
const BLOCKS = 50;
const TASKS_PER_BLOCK = 11;
const ACCOUNT = "123456789012";
const REGION = "us-east-1";

const task = (resource, parameters, next) => ({
  Type: "Task",
  Resource: resource,
  Parameters: parameters,
  TimeoutSeconds: 600,
  Retry: [{ ErrorEquals: ["States.TaskFailed"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
  ...next,
});
const then = (name) => (name === undefined ? { End: true } : { Next: name });

/** Block k: 20 states, the last one leading to block k+1 (or ending the machine). */
function block(k, next) {
  const s = (name) => `${name}${k}`;
  return {
    [s("Start")]: { Type: "Pass", Result: { block: k }, ResultPath: "$.block", Next: s("Route") },
    [s("Route")]: {
      Type: "Choice",
      Choices: [
        { Variable: "$.kind", StringEquals: "function", Next: s("Invoke") },
        {
          And: [
            { Variable: "$.size", IsPresent: true },
            { Variable: "$.size", NumericGreaterThan: 10 },
          ],
          Next: s("Notify"),
        },
      ],
      Default: s("Notify"),
    },
    [s("Invoke")]: task(
      "arn:aws:states:::lambda:invoke",
      { FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:fn-${k}`, "Payload.$": "$" },
      then(s("Joined")),
    ),
    [s("Notify")]: task(
      "arn:aws:states:::sns:publish",
      { TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:topic-${k}`, "Message.$": "States.JsonToString($)" },
      then(s("Joined")),
    ),
    [s("Joined")]: { Type: "Pass", Next: s("FanOut") },
    [s("FanOut")]: {
      Type: "Parallel",
      Branches: [
        {
          StartAt: s("Enqueue"),
          States: {
            [s("Enqueue")]: task(
              "arn:aws:states:::sqs:sendMessage",
              { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/queue-${k}`, "MessageBody.$": "$" },
              then(s("Record")),
            ),
            [s("Record")]: task("arn:aws:states:::dynamodb:putItem", { TableName: `table-${k}`, Item: { pk: { "S.$": "$.id" } } }, then()),
          },
        },
        {
          StartAt: s("Announce"),
          States: {
            [s("Announce")]: task(
              "arn:aws:states:::events:putEvents",
              { Entries: [{ EventBusName: `bus-${k}`, Source: "bench", DetailType: "step", "Detail.$": "$" }] },
              then(s("Pause")),
            ),
            [s("Pause")]: { Type: "Wait", Seconds: 1, Next: s("Announced") },
            [s("Announced")]: { Type: "Pass", End: true },
          },
        },
      ],
      ResultPath: "$.fanOut",
      Next: s("Each"),
    },
    [s("Each")]: {
      Type: "Map",
      ItemsPath: "$.items",
      MaxConcurrency: 4,
      ItemProcessor: {
        ProcessorConfig: { Mode: "INLINE" },
        StartAt: s("Transform"),
        States: {
          [s("Transform")]: task("arn:aws:states:::glue:startJobRun.sync", { JobName: `job-${k}` }, then(s("Fetch"))),
          [s("Fetch")]: task("arn:aws:states:::aws-sdk:s3:getObject", { Bucket: `bucket-${k}`, "Key.$": "$.key" }, then(s("Fetched"))),
          [s("Fetched")]: { Type: "Pass", End: true },
        },
      },
      ResultPath: "$.each",
      Next: s("Container"),
    },
    [s("Container")]: task(
      "arn:aws:states:::ecs:runTask.sync",
      {
        LaunchType: "FARGATE",
        Cluster: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/cluster-${k}`,
        TaskDefinition: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/td-${k}:1`,
      },
      then(s("Batch")),
    ),
    [s("Batch")]: task(
      "arn:aws:states:::batch:submitJob.sync",
      {
        JobName: `job-${k}`,
        JobQueue: `arn:aws:batch:${REGION}:${ACCOUNT}:job-queue/q-${k}`,
        JobDefinition: `arn:aws:batch:${REGION}:${ACCOUNT}:job-definition/jd-${k}:1`,
      },
      then(s("Child")),
    ),
    [s("Child")]: task(
      "arn:aws:states:::states:startExecution.sync:2",
      { StateMachineArn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:child-${k}`, "Input.$": "$" },
      then(s("Query")),
    ),
    [s("Query")]: task(
      "arn:aws:states:::athena:startQueryExecution.sync",
      { QueryString: "SELECT 1", WorkGroup: `wg-${k}` },
      then(s("Done")),
    ),
    [s("Done")]: { Type: "Pass", ...then(next) },
  };
}

function definition() {
  const states = {};
  for (let k = 1; k <= BLOCKS; k++) Object.assign(states, block(k, k < BLOCKS ? `Start${k + 1}` : undefined));
  return { Comment: "Generated benchmark definition", StartAt: "Start1", TimeoutSeconds: 86_400, States: states };
}

const round = (ms) => Math.round(ms * 100) / 100;

function main() {
  const input = definition();
  const states = walkStates(input).length;
  if (states !== STATES_PER_BLOCK * BLOCKS) throw new Error(`generated ${states} states, expected ${STATES_PER_BLOCK * BLOCKS}`);
  const options = { workflowType: "STANDARD", region: REGION, account: ACCOUNT, stateMachineName: "bench" };
  const cpu = () => {
    const { user, system } = process.threadCpuUsage();
    return (user + system) / 1000;
  };
  const time = () => {
    const start = performance.now();
    const startCpu = cpu();
    const result = analyze(input, options);
    const ms = performance.now() - start;
    cpuRuns.push(cpu() - startCpu);
    if (!result.ok)
      throw new Error(
        `the generated definition does not analyse cleanly:\n${result.errors.map((e) => `${e.state}: [${e.rule}] ${e.message}`).join("\n")}`,
      );
    if (result.integrations.length !== TASKS_PER_BLOCK * BLOCKS)
      throw new Error(`expected ${TASKS_PER_BLOCK * BLOCKS} integrations, found ${result.integrations.length}`);
    return ms;
  };
  const cpuRuns = [];
  const firstMs = time();
  for (let i = 1; i < WARMUP; i++) time();
  cpuRuns.length = 0;
  const runs = Array.from({ length: RUNS }, time);
  console.log(
    JSON.stringify({
      states,
      ms: round(median(runs)),
      minMs: round(Math.min(...runs)),
      maxMs: round(Math.max(...runs)),
      cpuMs: round(median(cpuRuns)),
      runs: RUNS,
      firstMs: round(firstMs),
    }),
  );
}

module.exports = { definition };

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
