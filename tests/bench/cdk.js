/**
 * Benchmark baseline: the reference workload written with AWS CDK v2 and synthesized.
 * `node tests/bench/cdk.js N`; prints one JSON line {"n":N,"resources":R,"ms":T,"cpuMs":C,"maxRssMb":M}:
 * R resources in the synthesized CloudFormation template, T milliseconds from process start
 * (module loading included) until `app.synth()` has written the cloud assembly, C the CPU time
 * used by then, M the process's peak resident memory. Past CloudFormation's 500-resource stack limit CDK refuses to synthesize:
 * the line then carries an "error" field (T is the time until that refusal) and the exit code is 0,
 * since that is a finding, not a crash. `--no-stack-limit` lifts that check to time the synthesis anyway.
 *
 * Modelled like the component builds it: per task an SSE-SQS queue (redrive to its own SSE-SQS
 * dead-letter queue after 3 receives, visibility = heartbeat, retention = timeout + a day, at
 * least 4 days), TLS-only queue policies on both, an oldest-message alarm and a dead-letter
 * alarm; a STANDARD state machine chaining SqsSendMessage tasks with WAIT_FOR_TASK_TOKEN (its role
 * and policy derived by CDK), a log group (ERROR level, 30 days), a metric filter counting task
 * timeouts, alarms on failed and timed-out executions and on task timeouts, and a managed policy
 * for the workers. Every alarm notifies the SNS topic.
 */
const {
  ALARM_TOPIC,
  MAX_RECEIVE_COUNT,
  HEARTBEAT_SECONDS,
  TIMEOUT_SECONDS,
  callbackName,
  stateName,
  parseN,
  measurements,
  exitGuard,
} = require("./workload");

const n = parseN(process.argv);
/** `--no-stack-limit` lifts CDK's 500-resource check, to time a synthesis CloudFormation would refuse. */
const noStackLimit = process.argv.includes("--no-stack-limit");
/**
 * `--no-validation` turns off the CloudFormation template validation that aws-cdk-lib runs by
 * default during synthesis (what CDK_VALIDATION=false does): its engine costs about 2 s per run.
 */
const noValidation = process.argv.includes("--no-validation");
if (noValidation) process.env.CDK_VALIDATION = "false";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const cdk = require("aws-cdk-lib");
const cloudwatch = require("aws-cdk-lib/aws-cloudwatch");
const cloudwatchActions = require("aws-cdk-lib/aws-cloudwatch-actions");
const iam = require("aws-cdk-lib/aws-iam");
const logs = require("aws-cdk-lib/aws-logs");
const sfn = require("aws-cdk-lib/aws-stepfunctions");
const tasks = require("aws-cdk-lib/aws-stepfunctions-tasks");
const sns = require("aws-cdk-lib/aws-sns");
const sqs = require("aws-cdk-lib/aws-sqs");

const HEARTBEAT_TIMEOUT_PATTERN =
  '{ ($.type = "TaskTimedOut") && (($.details.error = "States.HeartbeatTimeout") || ($.details.error = "States.Timeout")) }';

function build(stack) {
  const topic = sns.Topic.fromTopicArn(stack, "AlarmTopic", ALARM_TOPIC);
  const action = new cloudwatchActions.SnsAction(topic);
  const alarm = (id, props) =>
    new cloudwatch.Alarm(stack, id, {
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      evaluationPeriods: 1,
      ...props,
    }).addAlarmAction(action);

  const queues = [];
  let chain;
  let last;
  for (let i = 1; i <= n; i++) {
    const name = callbackName(i);
    const deadLetters = new sqs.Queue(stack, `${name}-dlq`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: cdk.Duration.days(14),
    });
    const queue = new sqs.Queue(stack, name, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: cdk.Duration.seconds(HEARTBEAT_SECONDS),
      retentionPeriod: cdk.Duration.seconds(Math.max(TIMEOUT_SECONDS + 86_400, 345_600)),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
    queues.push(queue);
    const period = cdk.Duration.minutes(1);
    alarm(`${name}-oldest-message`, {
      metric: queue.metricApproximateAgeOfOldestMessage({ period, statistic: "Maximum" }),
      threshold: HEARTBEAT_SECONDS,
    });
    alarm(`${name}-dead-letters`, {
      metric: deadLetters.metricApproximateNumberOfMessagesVisible({ period, statistic: "Maximum" }),
      threshold: 1,
    });

    const task = new tasks.SqsSendMessage(stack, stateName(i), {
      queue,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      messageBody: sfn.TaskInput.fromObject({ token: sfn.JsonPath.taskToken, input: sfn.JsonPath.entirePayload }),
      heartbeatTimeout: sfn.Timeout.duration(cdk.Duration.seconds(HEARTBEAT_SECONDS)),
      taskTimeout: sfn.Timeout.duration(cdk.Duration.seconds(TIMEOUT_SECONDS)),
    });
    if (last) last.next(task);
    else chain = task;
    last = task;
  }

  const logGroup = new logs.LogGroup(stack, "Logs", { retention: logs.RetentionDays.ONE_MONTH });
  const machine = new sfn.StateMachine(stack, "Machine", {
    stateMachineType: sfn.StateMachineType.STANDARD,
    definitionBody: sfn.DefinitionBody.fromChainable(chain),
    logs: { destination: logGroup, level: sfn.LogLevel.ERROR, includeExecutionData: false },
  });

  const fiveMinutes = cdk.Duration.minutes(5);
  alarm("ExecutionsFailed", { metric: machine.metricFailed({ period: fiveMinutes, statistic: "Sum" }), threshold: 1 });
  alarm("ExecutionsTimedOut", { metric: machine.metricTimedOut({ period: fiveMinutes, statistic: "Sum" }), threshold: 1 });
  const filter = new logs.MetricFilter(stack, "HeartbeatTimeoutsFilter", {
    logGroup,
    filterPattern: logs.FilterPattern.literal(HEARTBEAT_TIMEOUT_PATTERN),
    metricNamespace: "SfnWorkflows",
    metricName: `HeartbeatTimeouts-${stack.stackName}`,
    metricValue: "1",
    unit: cloudwatch.Unit.COUNT,
  });
  alarm("HeartbeatTimeouts", { metric: filter.metric({ period: fiveMinutes, statistic: "Sum" }), threshold: 1 });

  new iam.ManagedPolicy(stack, "WorkerPolicy", {
    statements: [
      new iam.PolicyStatement({
        actions: ["states:SendTaskFailure", "states:SendTaskHeartbeat", "states:SendTaskSuccess"],
        resources: ["*"],
      }),
      new iam.PolicyStatement({
        actions: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
        resources: queues.map((q) => q.queueArn),
      }),
    ],
  });
}

function main() {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "sfn-bench-cdk-"));
  try {
    const app = new cdk.App({
      outdir,
      analyticsReporting: false,
      context: noStackLimit ? { "@aws-cdk/core:stackResourceLimit": "0" } : {},
    });
    const stack = new cdk.Stack(app, "BenchStack", { env: { account: "123456789012", region: "us-east-1" } });
    build(stack);
    try {
      const assembly = app.synth();
      const template = assembly.getStackByName(stack.stackName).template;
      const resources = Object.keys(template.Resources ?? {}).length;
      console.log(
        JSON.stringify({
          n,
          resources,
          ...measurements(),
          ...(noStackLimit ? { stackLimit: "lifted" } : {}),
          ...(noValidation ? { validation: "off" } : {}),
        }),
      );
    } catch (error) {
      const limit = /Number of resources in stack '[^']*': (\d+) is greater than allowed maximum of (\d+)/.exec(String(error?.message));
      if (!limit) throw error;
      console.log(
        JSON.stringify({
          n,
          resources: Number(limit[1]),
          ...measurements(),
          error: `CloudFormation stack limit: ${limit[1]} resources > ${limit[2]}; CDK refuses to synthesize`,
        }),
      );
    }
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

try {
  main();
  exitGuard();
} catch (error) {
  console.error(error);
  process.exit(1);
}
