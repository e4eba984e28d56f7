/** Policy documents the components attach: pure functions of plain values, tested on their own. */
import type { PolicyStatement } from "../model/types";

/** Identity statements, or resource-policy and trust statements that name a principal. */
export interface DocumentStatement extends Omit<PolicyStatement, "Resource"> {
  Principal?: "*" | { Service?: string; AWS?: string[] };
  /** Absent only in trust policies. */
  Resource?: string[];
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: DocumentStatement[];
}

type UserStatement = {
  Effect?: "Allow" | "Deny";
  Action: string[];
  Resource: readonly unknown[];
  Condition?: PolicyStatement["Condition"];
};

/** The user's `policyStatements` as IAM statements, each resource through `resolve`. */
export function userStatements(statements: readonly UserStatement[], resolve: (resource: unknown) => string): PolicyStatement[] {
  return statements.map((s) => ({
    Effect: s.Effect ?? "Allow",
    Action: s.Action,
    Resource: s.Resource.map(resolve),
    ...(s.Condition ? { Condition: s.Condition } : {}),
  }));
}

/** A value as known at preview: a string as given, one known only later as a placeholder. */
export const knownOrPlaceholder = (value: unknown) => (typeof value === "string" ? value : "${unknown}");

/** Step Functions may assume the role only for this account's machines named as given (`*` allowed). */
export function executionTrustPolicy(partition: string, region: string, account: string, machineNamePattern: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "states.amazonaws.com" },
        Action: ["sts:AssumeRole"],
        Condition: {
          StringEquals: { "aws:SourceAccount": account },
          ArnLike: { "aws:SourceArn": `arn:${partition}:states:${region}:${account}:stateMachine:${machineNamePattern}` },
        },
      },
    ],
  };
}

/** AWS requires "*" for log delivery and X-Ray: there is no narrower resource. */
export function loggingStatements(): PolicyStatement[] {
  return [
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
  ];
}

export function tracingStatements(): PolicyStatement[] {
  return [
    {
      Effect: "Allow",
      Action: ["xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"],
      Resource: ["*"],
    },
  ];
}

/** Sending to a queue encrypted with a customer managed key needs the key too. */
export function kmsSendStatements(keyArns: readonly string[]): PolicyStatement[] {
  return keyArns.length ? [{ Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: [...keyArns] }] : [];
}

/**
 * Deny everything over plain HTTP and, when senders are named, SendMessage by anyone else. Senders
 * in this account are allowed by their own identity policies; no Allow naming a just-created role
 * is needed (SQS rejects principals IAM has not propagated yet, conditions it does not check).
 */
export function queuePolicy(queueArn: string, senderRoleArns: readonly string[]): PolicyDocument {
  const statements: DocumentStatement[] = [
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: ["sqs:*"],
      Resource: [queueArn],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ];
  if (senderRoleArns.length > 0) {
    statements.push({
      Sid: "DenyOtherSenders",
      Effect: "Deny",
      Principal: "*",
      Action: ["sqs:SendMessage"],
      Resource: [queueArn],
      Condition: { ArnNotEquals: { "aws:PrincipalArn": [...senderRoleArns] } },
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}

export interface WorkerPolicyInput {
  queueArns: readonly string[];
  activityArns: readonly string[];
  kmsKeyArns: readonly string[];
}

/**
 * What a callback worker needs. SendTaskSuccess/Failure/Heartbeat are wildcard-only in AWS's IAM
 * data (they have no resource type), so a statement scoped to a state machine would not match
 * them: they are granted on "*", and the task token itself is the capability.
 */
export function workerPolicy(input: WorkerPolicyInput): PolicyDocument {
  const statements: PolicyStatement[] = [
    { Effect: "Allow", Action: ["states:SendTaskFailure", "states:SendTaskHeartbeat", "states:SendTaskSuccess"], Resource: ["*"] },
  ];
  if (input.queueArns.length) {
    statements.push({
      Effect: "Allow",
      Action: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"],
      Resource: [...input.queueArns],
    });
  }
  if (input.activityArns.length)
    statements.push({ Effect: "Allow", Action: ["states:GetActivityTask"], Resource: [...input.activityArns] });
  if (input.kmsKeyArns.length) statements.push({ Effect: "Allow", Action: ["kms:Decrypt"], Resource: [...input.kmsKeyArns] });
  return { Version: "2012-10-17", Statement: statements };
}
