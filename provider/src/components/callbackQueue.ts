/**
 * A callback queue: an encrypted SQS queue with a dead-letter queue, a TLS-only policy that lets
 * only the named senders in, and alarms for late workers and dead letters.
 */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import type * as schema from "../schema-types";
import type { CallbackQueueArgs } from "./args";
import { callbackQueueSettings, planQueueAlarms } from "./alarmPlan";
import { SQS } from "./defaults";
import { InputError, Problems } from "./errors";
import { checkInputs, checkWhenKnown, mergeErrors, type InputCheck } from "./inputChecks";
import { warnOtherAccountKey } from "./kmsKeys";
import { metricAlarm } from "./metricAlarm";
import { presentText, whenPresent } from "./present";
import { queuePolicy } from "./policyDocuments";
import { suspendStackTraces } from "./stackTraces";

export const CALLBACK_QUEUE_TYPE = "sfn-workflows:index:CallbackQueue";

/** Checks the inputs; returns what is left to check once values are known. */
export function validateCallbackQueueArgs(name: string, given: CallbackQueueArgs): InputCheck<CallbackQueueArgs> {
  const inputs = checkInputs(CALLBACK_QUEUE_TYPE, given);
  const args = inputs.args;
  const problems = new Problems();
  problems.range("maxReceiveCount", args.maxReceiveCount, 1, 1000);
  problems.range("visibilityTimeoutSeconds", args.visibilityTimeoutSeconds, 0, SQS.maxVisibility);
  problems.range("messageRetentionSeconds", args.messageRetentionSeconds, SQS.minRetention, SQS.maxRetention);
  problems.range("heartbeatSeconds", args.heartbeatSeconds, 1, 99_999_999);
  problems.range("taskTimeoutSeconds", args.taskTimeoutSeconds, 1, 99_999_999);
  problems.range("alarms.oldestMessageAgeSeconds", args.alarms?.oldestMessageAgeSeconds, 1, SQS.maxRetention);
  const errors = mergeErrors(inputs, problems.list);
  if (errors.length) throw new InputError(CALLBACK_QUEUE_TYPE, name, errors);
  return inputs;
}

export class CallbackQueue extends pulumi.ComponentResource implements schema.CallbackQueueOutputs {
  readonly queueUrl: pulumi.Output<string>;
  readonly queueArn: pulumi.Output<string>;
  readonly queueName: pulumi.Output<string>;
  readonly deadLetterQueueUrl: pulumi.Output<string>;
  readonly deadLetterQueueArn: pulumi.Output<string>;
  /** `oldestMessageAge` and `deadLetters`, when alarms are on. */
  readonly alarmArns: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: CallbackQueueArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const inputs = validateCallbackQueueArgs(name, args);
    const resumeStackTraces = suspendStackTraces();
    try {
      super(CALLBACK_QUEUE_TYPE, name, {}, opts);
      const settings = callbackQueueSettings(args);
      const key = args.kmsKeyArn && checkWhenKnown(CALLBACK_QUEUE_TYPE, name, inputs, "kmsKeyArn", args.kmsKeyArn);
      if (key) warnOtherAccountKey(this, "kmsKeyArn", key, aws.getCallerIdentityOutput({}, { parent: this }).accountId, "queue");
      const encryption = key ? { kmsMasterKeyId: key, kmsDataKeyReusePeriodSeconds: 300 } : { sqsManagedSseEnabled: true };
      const deadLetters = new aws.sqs.Queue(
        `${name}-dlq`,
        { ...encryption, messageRetentionSeconds: SQS.maxRetention, tags: args.tags },
        { parent: this },
      );
      const queue = new aws.sqs.Queue(
        name,
        {
          ...encryption,
          visibilityTimeoutSeconds: settings.visibilityTimeoutSeconds,
          messageRetentionSeconds: settings.messageRetentionSeconds,
          redrivePolicy: whenPresent([deadLetters.arn], (arn) =>
            JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: settings.maxReceiveCount }),
          ),
          tags: args.tags,
        },
        { parent: this },
      );
      // Only this queue may move messages into its dead-letter queue.
      new aws.sqs.RedriveAllowPolicy(
        `${name}-dlq`,
        {
          queueUrl: deadLetters.url,
          redriveAllowPolicy: whenPresent([queue.arn], (arn) => JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: [arn] })),
        },
        { parent: this },
      );
      const senders = pulumi.output(args.senderRoleArns ?? []);
      new aws.sqs.QueuePolicy(
        name,
        { queueUrl: queue.url, policy: whenPresent([queue.arn, senders], (arn, roles) => JSON.stringify(queuePolicy(arn, roles))) },
        { parent: this },
      );
      new aws.sqs.QueuePolicy(
        `${name}-dlq`,
        { queueUrl: deadLetters.url, policy: whenPresent([deadLetters.arn], (arn) => JSON.stringify(queuePolicy(arn, []))) },
        { parent: this },
      );

      const alarms: Record<string, pulumi.Output<string>> = {};
      const alarmArgs = args.alarms ?? {};
      const planned = planQueueAlarms(args);
      if (planned) {
        const common = { namespace: "AWS/SQS", statistic: "Maximum" as const };
        alarms.oldestMessageAge = metricAlarm(
          `${name}-oldest-message`,
          {
            ...common,
            ...planned.oldestMessageAge,
            description: presentText`Callback tokens in ${queue.name} wait ${planned.oldestMessageAge.threshold} s or more: workers are not picking them up in time`,
            metricName: "ApproximateAgeOfOldestMessage",
            dimensions: { QueueName: queue.name },
          },
          alarmArgs,
          args.tags,
          this,
        ).arn;
        alarms.deadLetters = metricAlarm(
          `${name}-dead-letters`,
          {
            ...common,
            ...planned.deadLetters,
            description: presentText`Callback messages reached the dead-letter queue ${deadLetters.name} after ${settings.maxReceiveCount} receives`,
            metricName: "ApproximateNumberOfMessagesVisible",
            dimensions: { QueueName: deadLetters.name },
          },
          alarmArgs,
          args.tags,
          this,
        ).arn;
      }

      this.queueUrl = queue.url;
      this.queueArn = queue.arn;
      this.queueName = queue.name;
      this.deadLetterQueueUrl = deadLetters.url;
      this.deadLetterQueueArn = deadLetters.arn;
      this.alarmArns = pulumi.output(alarms);
      this.registerOutputs({
        queueUrl: this.queueUrl,
        queueArn: this.queueArn,
        queueName: this.queueName,
        deadLetterQueueUrl: this.deadLetterQueueUrl,
        deadLetterQueueArn: this.deadLetterQueueArn,
        alarmArns: this.alarmArns,
      });
    } finally {
      resumeStackTraces();
    }
  }
}
