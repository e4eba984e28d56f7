/** DynamoDB, Athena, Glue, DataBrew, SageMaker, Bedrock and MediaConvert. */
import { allow, managedRule, passRole, type IntegrationCase } from "./helpers";

const TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";
const WORKGROUP = "arn:aws:athena:us-east-1:123456789012:workgroup/analytics";
const ANY_WORKGROUP = "arn:aws:athena:us-east-1:123456789012:workgroup/*";
const SAGEMAKER_RULE = (name: string) => managedRule(`arn:aws:events:us-east-1:123456789012:rule/${name}`);

const dynamodb = (action: string, sdkAction: string, args: Record<string, unknown>): IntegrationCase => ({
  integration: `dynamodb:${sdkAction}`,
  args: { TableName: "orders", ...args },
  patterns: ["request-response"],
  statements: [allow([`dynamodb:${action}`], [TABLE])],
});

/** Step Functions reads the tags of what it creates in SageMaker, in every pattern. */
const SAGEMAKER_LIST_TAGS = allow(["sagemaker:ListTags"], ["*"]);

/** A SageMaker job: Create on the job (lower-cased name) and ListTags, Describe/Stop for `.sync`. */
const sagemakerJob = (
  kind: string,
  args: Record<string, unknown>,
  jobArn: string,
  role: string | undefined,
  rule: string,
): IntegrationCase => ({
  integration: `sagemaker:create${kind}`,
  args,
  patterns: ["request-response", "sync"],
  statements: [
    allow([`sagemaker:Create${kind}`], [jobArn]),
    SAGEMAKER_LIST_TAGS,
    ...(role ? [passRole([role], "sagemaker.amazonaws.com")] : []),
  ],
  syncAdds: [allow([`sagemaker:Describe${kind}`, `sagemaker:Stop${kind}`], [jobArn]), SAGEMAKER_RULE(rule)],
});

export const DATA_ML_CASES: readonly IntegrationCase[] = [
  dynamodb("GetItem", "getItem", { Key: { pk: { S: "order#42" } } }),
  dynamodb("PutItem", "putItem", { Item: { pk: { S: "order#42" }, status: { S: "NEW" } } }),
  dynamodb("UpdateItem", "updateItem", { Key: { pk: { S: "order#42" } }, UpdateExpression: "SET #s = :s" }),
  dynamodb("DeleteItem", "deleteItem", { Key: { pk: { S: "order#42" } } }),
  {
    integration: "athena:startQueryExecution",
    args: {
      QueryString: "SELECT count(*) FROM orders",
      WorkGroup: "analytics",
      QueryExecutionContext: { Database: "sales" },
      ResultConfiguration: { OutputLocation: "s3://query-results/athena/" },
    },
    patterns: ["request-response", "sync"],
    statements: [
      allow(["athena:StartQueryExecution"], [WORKGROUP]),
      allow(["athena:GetDataCatalog"], ["arn:aws:athena:us-east-1:123456789012:datacatalog/AwsDataCatalog"]),
      allow(
        ["glue:GetDatabase", "glue:GetDatabases"],
        ["arn:aws:glue:us-east-1:123456789012:catalog", "arn:aws:glue:us-east-1:123456789012:database/*"],
      ),
      allow(
        [
          "glue:BatchCreatePartition",
          "glue:BatchGetPartition",
          "glue:CreateTable",
          "glue:GetPartition",
          "glue:GetPartitions",
          "glue:GetTable",
          "glue:GetTables",
          "glue:UpdateTable",
        ],
        [
          "arn:aws:glue:us-east-1:123456789012:catalog",
          "arn:aws:glue:us-east-1:123456789012:database/*",
          "arn:aws:glue:us-east-1:123456789012:table/*",
        ],
      ),
      allow(["lakeformation:GetDataAccess"], ["*"]),
      allow(["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"], ["arn:aws:s3:::query-results"]),
      allow(
        ["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"],
        ["arn:aws:s3:::query-results/athena/*"],
      ),
    ],
    syncAdds: [allow(["athena:GetQueryExecution", "athena:StopQueryExecution"], [WORKGROUP])],
  },
  {
    integration: "athena:stopQueryExecution",
    args: { QueryExecutionId: "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" },
    patterns: ["request-response"],
    statements: [allow(["athena:StopQueryExecution"], [ANY_WORKGROUP])],
  },
  {
    integration: "athena:getQueryExecution",
    args: { QueryExecutionId: "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" },
    patterns: ["request-response"],
    statements: [allow(["athena:GetQueryExecution"], [ANY_WORKGROUP])],
  },
  {
    integration: "athena:getQueryResults",
    args: { QueryExecutionId: "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", MaxResults: 100 },
    patterns: ["request-response"],
    statements: [allow(["athena:GetQueryResults"], [ANY_WORKGROUP]), allow(["s3:GetObject"], ["arn:aws:s3:::*"])],
  },
  {
    integration: "glue:startJobRun",
    args: { JobName: "nightly-etl", Arguments: { "--day": "2024-05-01" } },
    patterns: ["request-response", "sync"],
    statements: [allow(["glue:StartJobRun"], ["arn:aws:glue:us-east-1:123456789012:job/nightly-etl"])],
    syncAdds: [
      allow(["glue:BatchStopJobRun", "glue:GetJobRun", "glue:GetJobRuns"], ["arn:aws:glue:us-east-1:123456789012:job/nightly-etl"]),
    ],
  },
  {
    integration: "databrew:startJobRun",
    args: { Name: "clean-orders" },
    patterns: ["request-response", "sync"],
    statements: [allow(["databrew:StartJobRun"], ["arn:aws:databrew:us-east-1:123456789012:job/clean-orders"])],
    syncAdds: [allow(["databrew:ListJobRuns", "databrew:StopJobRun"], ["arn:aws:databrew:us-east-1:123456789012:job/clean-orders"])],
  },
  sagemakerJob(
    "TrainingJob",
    { TrainingJobName: "Churn-Model-2024", RoleArn: "arn:aws:iam::123456789012:role/sagemaker-training" },
    "arn:aws:sagemaker:us-east-1:123456789012:training-job/churn-model-2024",
    "arn:aws:iam::123456789012:role/sagemaker-training",
    "StepFunctionsGetEventsForSageMakerTrainingJobsRule",
  ),
  sagemakerJob(
    "TransformJob",
    { TransformJobName: "churn-batch", ModelName: "churn" },
    "arn:aws:sagemaker:us-east-1:123456789012:transform-job/churn-batch",
    undefined,
    "StepFunctionsGetEventsForSageMakerTransformJobsRule",
  ),
  sagemakerJob(
    "ProcessingJob",
    { ProcessingJobName: "prepare-data", RoleArn: "arn:aws:iam::123456789012:role/sagemaker-processing" },
    "arn:aws:sagemaker:us-east-1:123456789012:processing-job/prepare-data",
    "arn:aws:iam::123456789012:role/sagemaker-processing",
    "StepFunctionsGetEventsForSageMakerProcessingJobsRule",
  ),
  sagemakerJob(
    "HyperParameterTuningJob",
    { HyperParameterTuningJobName: "churn-hpo", TrainingJobDefinition: { RoleArn: "arn:aws:iam::123456789012:role/sagemaker-training" } },
    "arn:aws:sagemaker:us-east-1:123456789012:hyper-parameter-tuning-job/churn-hpo",
    "arn:aws:iam::123456789012:role/sagemaker-training",
    "StepFunctionsGetEventsForSageMakerTuningJobsRule",
  ),
  sagemakerJob(
    "LabelingJob",
    { LabelingJobName: "tag-images", RoleArn: "arn:aws:iam::123456789012:role/sagemaker-labeling" },
    "arn:aws:sagemaker:us-east-1:123456789012:labeling-job/tag-images",
    "arn:aws:iam::123456789012:role/sagemaker-labeling",
    "StepFunctionsGetEventsForSageMakerLabelingJobsRule",
  ),
  {
    integration: "sagemaker:createModel",
    args: { ModelName: "churn", ExecutionRoleArn: "arn:aws:iam::123456789012:role/sagemaker-model" },
    patterns: ["request-response"],
    statements: [
      allow(["sagemaker:CreateModel"], ["arn:aws:sagemaker:us-east-1:123456789012:model/churn"]),
      SAGEMAKER_LIST_TAGS,
      passRole(["arn:aws:iam::123456789012:role/sagemaker-model"], "sagemaker.amazonaws.com"),
    ],
  },
  {
    integration: "sagemaker:createEndpointConfig",
    args: { EndpointConfigName: "churn-config", ProductionVariants: [{ VariantName: "main", ModelName: "churn" }] },
    patterns: ["request-response"],
    statements: [
      allow(["sagemaker:CreateEndpointConfig"], ["arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/churn-config"]),
      SAGEMAKER_LIST_TAGS,
    ],
  },
  {
    integration: "sagemaker:createEndpoint",
    args: { EndpointName: "churn", EndpointConfigName: "churn-config" },
    patterns: ["request-response"],
    statements: [
      allow(
        ["sagemaker:CreateEndpoint"],
        [
          "arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn",
          "arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/churn-config",
        ],
      ),
      SAGEMAKER_LIST_TAGS,
    ],
  },
  {
    integration: "sagemaker:updateEndpoint",
    args: { EndpointName: "churn", EndpointConfigName: "churn-config-v2" },
    patterns: ["request-response"],
    statements: [
      allow(
        ["sagemaker:UpdateEndpoint"],
        [
          "arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/churn-config-v2",
          "arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn",
        ],
      ),
      SAGEMAKER_LIST_TAGS,
    ],
  },
  {
    integration: "bedrock:invokeModel",
    args: { ModelId: "anthropic.claude-3-haiku-20240307-v1:0", Body: { prompt: "Summarise the order" } },
    patterns: ["request-response"],
    statements: [allow(["bedrock:InvokeModel"], ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"])],
  },
  {
    integration: "bedrock:createModelCustomizationJob",
    args: {
      JobName: "titan-tuning",
      CustomModelName: "titan-orders",
      RoleArn: "arn:aws:iam::123456789012:role/bedrock-tuning",
      BaseModelIdentifier: "amazon.titan-text-express-v1",
      TrainingDataConfig: { S3Uri: "s3://training-data/orders.jsonl" },
      OutputDataConfig: { S3Uri: "s3://training-output/" },
    },
    patterns: ["request-response", "sync", "callback"],
    statements: [
      allow(
        ["bedrock:CreateModelCustomizationJob"],
        [
          "arn:aws:bedrock:us-east-1:123456789012:custom-model/*",
          "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1",
        ],
      ),
      passRole(["arn:aws:iam::123456789012:role/bedrock-tuning"], "bedrock.amazonaws.com"),
    ],
    syncAdds: [
      allow(
        ["bedrock:GetModelCustomizationJob", "bedrock:StopModelCustomizationJob"],
        ["arn:aws:bedrock:us-east-1:123456789012:model-customization-job/*"],
      ),
    ],
  },
  {
    integration: "mediaconvert:createJob",
    args: { Role: "arn:aws:iam::123456789012:role/mediaconvert", Settings: { OutputGroups: [] } },
    patterns: ["request-response", "sync"],
    statements: [
      allow(
        ["mediaconvert:CreateJob"],
        [
          "arn:aws:mediaconvert:us-east-1:123456789012:jobTemplates/*",
          "arn:aws:mediaconvert:us-east-1:123456789012:presets/*",
          "arn:aws:mediaconvert:us-east-1:123456789012:queues/*",
        ],
      ),
      passRole(["arn:aws:iam::123456789012:role/mediaconvert"], "mediaconvert.amazonaws.com"),
    ],
    syncAdds: [
      allow(["mediaconvert:CancelJob", "mediaconvert:GetJob"], ["arn:aws:mediaconvert:us-east-1:123456789012:jobs/*"], {
        StringEquals: { "aws:ResourceTag/ManagedByService": "AWSStepFunctions" },
      }),
      managedRule("arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForMediaConvertJobRule"),
    ],
  },
];
