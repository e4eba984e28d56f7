import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { Region } from "@pulumi/aws/types/enums";
import { accountProblem, arnProblem, partitionOf, regionProblem, REGIONS } from "../../provider/src/analysis/arn";
import { closest, editDistance } from "../../provider/src/analysis/suggest";
import { ARN_INPUTS } from "../../provider/src/components/inputChecks";

describe("ARN and region checks (one helper for every ARN input)", () => {
  it("knows exactly the regions @pulumi/aws knows", () => {
    assert.deepEqual(REGIONS, Object.values(Region));
  });

  it("suggests the closest real region for a misspelt one", () => {
    assert.equal(regionProblem("eu-wets-1"), '"eu-wets-1" is not an AWS region; did you mean "eu-west-1"?');
    assert.equal(regionProblem("us-est-1"), '"us-est-1" is not an AWS region; did you mean "us-east-1"?');
    assert.equal(regionProblem("mars-north-1"), '"mars-north-1" is not an AWS region');
    assert.equal(regionProblem("ap-southeast-7"), undefined);
  });

  it("accounts are 12 digits", () => {
    assert.equal(accountProblem("123456789012"), undefined);
    assert.equal(accountProblem("12345678901"), 'the account "12345678901" is not a 12-digit AWS account ID');
  });

  it("partitions follow the region", () => {
    assert.deepEqual(
      ["us-east-1", "cn-north-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "eusc-de-east-1"].map(partitionOf),
      ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-eusc"],
    );
  });

  const good: Array<[Parameters<typeof arnProblem>[1], string]> = [
    ["iam-role", "arn:aws:iam::123456789012:role/service-role/my-role"],
    ["kms-key", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    ["kms-key", "arn:aws-cn:kms:cn-north-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"],
    ["alarm-action", "arn:aws:sns:us-east-1:123456789012:alerts"],
    ["alarm-action", "arn:aws:automate:us-east-1:ec2:stop"],
    ["alarm-action", "arn:aws:lambda:us-east-1:123456789012:function:page-me"],
    ["cognito-user-pool", "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123"],
    ["state-machine", "arn:aws:states:us-east-1:123456789012:stateMachine:orders"],
    ["state-machine", "arn:aws:states:us-east-1:123456789012:stateMachine:orders:live"],
    ["state-machine", "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:orders"],
  ];
  for (const [kind, arn] of good) it(`accepts ${arn} as ${kind}`, () => assert.equal(arnProblem(arn, kind), undefined));

  const bad: Array<[Parameters<typeof arnProblem>[1], unknown, string]> = [
    [
      "kms-key",
      "arn:aws-cn:kms:cn-north-1:123456789012:alias/my-key",
      `"arn:aws-cn:kms:cn-north-1:123456789012:alias/my-key" is not a KMS key ARN: the resource "alias/my-key" is an alias, which IAM statements and key policies never match against the key a request uses; give the key's ARN (aws kms describe-key --key-id alias/my-key --query KeyMetadata.Arn); expected a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/KEY_ID`,
    ],
    [
      "iam-role",
      "arn:aws:iam:us-east-1:12345:role/x",
      '"arn:aws:iam:us-east-1:12345:role/x" is not an IAM role ARN: iam ARNs have no region: leave it empty (arn:aws:iam::123456789012:role/NAME); the account "12345" is not a 12-digit AWS account ID; expected an IAM role ARN such as arn:aws:iam::123456789012:role/NAME',
    ],
    [
      "iam-role",
      "arn:aws:iam::123456789012:user/bob",
      '"arn:aws:iam::123456789012:user/bob" is not an IAM role ARN: the resource "user/bob" is not an IAM role; expected an IAM role ARN such as arn:aws:iam::123456789012:role/NAME',
    ],
    [
      "kms-key",
      "arn:aws:kms:eu-wets-1:123456789012:key/abc",
      '"arn:aws:kms:eu-wets-1:123456789012:key/abc" is not a KMS key ARN: the region "eu-wets-1" is not an AWS region; did you mean "eu-west-1"?; expected a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/KEY_ID',
    ],
    [
      "kms-key",
      "arn:aws:kms:cn-north-1:123456789012:key/abc",
      '"arn:aws:kms:cn-north-1:123456789012:key/abc" is not a KMS key ARN: the region "cn-north-1" is in the partition "aws-cn", not "aws"; expected a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/KEY_ID',
    ],
    [
      "kms-key",
      "arn:aws:s3:::bucket",
      '"arn:aws:s3:::bucket" is not a KMS key ARN: the service is "s3", not "kms"; expected a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/KEY_ID',
    ],
    [
      "alarm-action",
      "arn:asw:sns:us-east-1:123456789012:alerts",
      '"arn:asw:sns:us-east-1:123456789012:alerts" is not an alarm action ARN (an SNS topic, a Lambda function, an EC2, Auto Scaling or Systems Manager action): the partition "asw" is not an AWS partition (aws, aws-us-gov, aws-iso-b, aws-iso-f, aws-iso, aws-iso-e, aws-eusc, aws-cn); did you mean "aws"?; expected an alarm action ARN (an SNS topic, a Lambda function, an EC2, Auto Scaling or Systems Manager action) such as arn:aws:sns:us-east-1:123456789012:TOPIC',
    ],
    [
      "state-machine",
      "my-machine",
      '"my-machine" is not an ARN; expected a state machine ARN such as arn:aws:states:us-east-1:123456789012:stateMachine:NAME',
    ],
    [
      "state-machine",
      "arn:aws:states:us-east-1::stateMachine:orders",
      '"arn:aws:states:us-east-1::stateMachine:orders" is not a state machine ARN: the account is missing; expected a state machine ARN such as arn:aws:states:us-east-1:123456789012:stateMachine:NAME',
    ],
    [
      "cognito-user-pool",
      42,
      "42 is not a string; expected a Cognito user pool ARN such as arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123",
    ],
  ];
  for (const [kind, arn, message] of bad)
    it(`rejects ${String(arn)} as ${kind}, saying why`, () => assert.equal(arnProblem(arn, kind), message));

  it("every input of schema.json that takes ARNs is checked by the helper", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "schema.json"), "utf8"));
    const inputs: string[] = [];
    const collect = (typeName: string, properties: Record<string, unknown>) => {
      for (const key of Object.keys(properties)) if (/Arns?$|[aA]ctions$/.test(key)) inputs.push(`${typeName}.${key}`);
    };
    for (const [token, resource] of Object.entries<{ inputProperties: Record<string, unknown> }>(schema.resources))
      collect(token.split(":")[2], resource.inputProperties);
    for (const [token, type] of Object.entries<{ properties?: Record<string, unknown> }>(schema.types))
      if (!token.endsWith(":WorkflowCallbackQueue")) collect(token.split(":")[2], type.properties ?? {});
    assert.deepEqual(inputs.sort(), Object.keys(ARN_INPUTS).sort());
  });
});

describe("did you mean", () => {
  it("counts a swap of neighbours as one edit", () => {
    assert.equal(editDistance("maxRecieveCount", "maxReceiveCount"), 1);
  });

  it("ignores case and snake_case, and stays quiet when nothing is close", () => {
    assert.equal(closest("max_recieve_count", ["maxReceiveCount", "visibilityTimeoutSeconds"]), "maxReceiveCount");
    assert.equal(closest("colour", ["maxReceiveCount", "visibilityTimeoutSeconds"]), undefined);
  });
});
