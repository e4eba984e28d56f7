/**
 * AWS SDK integrations (`arn:aws:states:::aws-sdk:SERVICE:ACTION`): the IAM names of renamed
 * services and actions, the resources scoped from well-known arguments, and the patterns accepted.
 */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import type { PolicyStatement } from "../../provider/src/model/types";
import { ACCOUNT, allow, canonical, REGION, STATE, taskDefinition } from "./integration-cases";

const OPTIONS = { region: REGION, account: ACCOUNT, stateMachineName: "orders-flow" } as const;

interface SdkCase {
  resource: string;
  args: Record<string, unknown>;
  statements: PolicyStatement[];
  /** The sdk-resource-wildcard message, when the resource cannot be scoped. */
  wildcard?: string;
  /** The kms-key-unknown message, for a queue or topic whose key the definition cannot name. */
  keyWarning?: string;
}

const SDK_CASES: readonly SdkCase[] = [
  {
    resource: "arn:aws:states:::aws-sdk:sfn:startExecution",
    args: { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:child", Input: "{}" },
    statements: [allow(["states:StartExecution"], ["arn:aws:states:us-east-1:123456789012:stateMachine:child"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:sfn:describeExecution",
    args: { ExecutionArn: "arn:aws:states:us-east-1:123456789012:execution:child:run-1" },
    statements: [allow(["states:DescribeExecution"], ["arn:aws:states:us-east-1:123456789012:execution:child:run-1"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:elasticloadbalancingv2:describeTargetHealth",
    args: { TargetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef" },
    // IAM grants DescribeTargetHealth only on "*": no warning asks for a narrower resource.
    statements: [allow(["elasticloadbalancing:DescribeTargetHealth"], ["*"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2",
    args: { Bucket: "reports", Prefix: "2024/" },
    statements: [allow(["s3:ListBucket"], ["arn:aws:s3:::reports"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:s3:getObject",
    args: { Bucket: "reports", Key: "2024/summary.json" },
    statements: [allow(["s3:GetObject"], ["arn:aws:s3:::reports/2024/summary.json"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:s3:listParts",
    args: { Bucket: "reports", Key: "2024/big.csv", UploadId: "upload-1" },
    statements: [allow(["s3:ListMultipartUploadParts"], ["arn:aws:s3:::reports/2024/big.csv"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:s3:copyObject",
    args: { Bucket: "archive", Key: "2024/summary.json", CopySource: "reports/2024/summary%20v2.json?versionId=3" },
    statements: [
      allow(["s3:GetObject"], ["arn:aws:s3:::reports/2024/summary v2.json"]),
      allow(["s3:PutObject"], ["arn:aws:s3:::archive/2024/summary.json"]),
    ],
  },
  {
    resource: "arn:aws:states:::aws-sdk:sqs:sendMessageBatch",
    args: { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders", Entries: [{ Id: "1", MessageBody: "a" }] },
    statements: [allow(["sqs:SendMessage"], ["arn:aws:sqs:eu-west-1:111122223333:orders"])],
    keyWarning:
      'sqs:sendMessageBatch: if queue https://sqs.eu-west-1.amazonaws.com/111122223333/orders is encrypted with a customer managed KMS key, the role also needs kms:GenerateDataKey, kms:Decrypt on that key; add { "Effect": "Allow", "Action": ["kms:GenerateDataKey","kms:Decrypt"], "Resource": ["KEY_ARN"] } to policyStatements',
  },
  {
    resource: "arn:aws:states:::aws-sdk:dynamodb:query",
    args: { TableName: "orders", KeyConditionExpression: "pk = :pk" },
    // No IndexName: the query reads the table only.
    statements: [allow(["dynamodb:Query"], ["arn:aws:dynamodb:us-east-1:123456789012:table/orders"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:secretsmanager:getSecretValue",
    args: { SecretId: "prod/db" },
    statements: [allow(["secretsmanager:GetSecretValue"], ["arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-??????"])],
  },
  {
    resource: "arn:aws:states:::aws-sdk:apigateway:getRestApis",
    args: {},
    statements: [allow(["apigateway:GET"], ["*"])],
    wildcard:
      'aws-sdk:apigateway:getRestApis: the resource cannot be derived from the arguments, so apigateway:GET is granted on "*"; pass roleArn or add narrower policyStatements and accept this warning knowingly',
  },
];

describe("AWS SDK integrations", () => {
  for (const sdk of SDK_CASES) {
    it(`${sdk.resource.slice("arn:aws:states:::aws-sdk:".length)}: request-response and callback give the exact statements`, () => {
      for (const [suffix, args] of [
        ["", sdk.args],
        [".waitForTaskToken", { ...sdk.args, "ClientToken.$": "$$.Task.Token" }],
      ] as const) {
        const analysis = analyze(taskDefinition(`${sdk.resource}${suffix}`, args), OPTIONS);
        assert.deepEqual(analysis.errors, []);
        assert.deepEqual(analysis.warnings, [
          ...(sdk.wildcard ? [{ severity: "warning", rule: "sdk-resource-wildcard", state: STATE, message: sdk.wildcard }] : []),
          ...(sdk.keyWarning ? [{ severity: "warning", rule: "kms-key-unknown", state: STATE, message: sdk.keyWarning }] : []),
        ]);
        assert.deepEqual(canonical(analysis.statements), canonical(sdk.statements));
      }
    });
  }

  for (const suffix of [".sync", ".sync:2"]) {
    it(`rejects ${suffix}`, () => {
      const analysis = analyze(taskDefinition(`arn:aws:states:::aws-sdk:sfn:startExecution${suffix}`, SDK_CASES[0].args), OPTIONS);
      assert.deepEqual(analysis.errors, [
        {
          severity: "error",
          rule: "unsupported-pattern",
          state: STATE,
          message: `sfn:startExecution does not support ${suffix} (AWS SDK integrations support: request-response, .waitForTaskToken); change the Resource suffix`,
        },
      ]);
      assert.deepEqual(analysis.statements, []);
    });
  }
});
