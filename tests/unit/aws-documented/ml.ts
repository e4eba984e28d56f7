/**
 * SageMaker and Bedrock against AWS's policies. Sources: the archived guide's sagemaker-iam.md
 * (awsdocs/aws-step-functions-developer-guide, June 2023: CreateTrainingJob and CreateTransformJob
 * only, as today's page) and today's "Invoke and customize Amazon Bedrock models with Step Functions"
 * (connect-bedrock.html, which the archived guide predates).
 */
import { REGION } from "../integration-cases";
import { A, ROLE, rule, type Documented, type Statement } from "./shape";

const LIST_TAGS: Statement = [["sagemaker:ListTags"], ["*"]];
const PASS_SAGEMAKER_ROLE: Statement = [["iam:PassRole"], [ROLE("sm")]];
const TITAN = `arn:aws:bedrock:${REGION}::foundation-model/amazon.titan-text-express-v1`;

/**
 * AWS's SageMaker job templates (its CreateTrainingJob ones: .sync adds Describe/Stop and the job
 * type's rule) for the jobs the guide gives no template of their own.
 */
const sagemakerJob = (kind: string, type: string, ruleName: string, parameters: Record<string, unknown>, name: string): Documented[] =>
  (["request-response", "sync"] as const).map((pattern) => ({
    integration: `sagemaker:create${kind}`,
    pattern,
    parameters,
    aws: [
      [
        pattern === "sync"
          ? [`sagemaker:Create${kind}`, `sagemaker:Describe${kind}`, `sagemaker:Stop${kind}`]
          : [`sagemaker:Create${kind}`],
        [`arn:aws:sagemaker:${A}:${type}/${name}*`],
      ],
      LIST_TAGS,
      PASS_SAGEMAKER_ROLE,
      ...(pattern === "sync" ? [rule(ruleName)] : []),
    ],
  }));

/** The same template for a request-response call that creates a named resource (as CDK's SageMaker tasks grant it). */
const sagemakerCall = (action: string, type: string, parameters: Record<string, unknown>, name: string, role = false): Documented => ({
  integration: `sagemaker:${action.charAt(0).toLowerCase()}${action.slice(1)}`,
  pattern: "request-response",
  parameters,
  aws: [[[`sagemaker:${action}`], [`arn:aws:sagemaker:${A}:${type}/${name}*`]], LIST_TAGS, ...(role ? [PASS_SAGEMAKER_ROLE] : [])],
});

const ALSO_ON_CONFIG =
  "also on the endpoint configuration named: IAM's reference requires both the endpoint and the endpoint-config resource";

const CUSTOMIZATION = {
  JobName: "tune-orders",
  CustomModelName: "titan-orders",
  RoleArn: ROLE("bedrock-tuning"),
  BaseModelIdentifier: "amazon.titan-text-express-v1",
  TrainingDataConfig: { S3Uri: "s3://tuning-data/train.jsonl" },
  OutputDataConfig: { S3Uri: "s3://tuning-data/out/" },
  HyperParameters: {},
};

export const ML_DOCUMENTED: readonly Documented[] = [
  {
    integration: "sagemaker:createTrainingJob",
    pattern: "request-response",
    parameters: { TrainingJobName: "churn", RoleArn: ROLE("sm"), AlgorithmSpecification: {} },
    aws: [[["sagemaker:CreateTrainingJob"], [`arn:aws:sagemaker:${A}:training-job/churn*`]], LIST_TAGS, PASS_SAGEMAKER_ROLE],
  },
  {
    integration: "sagemaker:createTransformJob",
    pattern: "request-response",
    parameters: { TransformJobName: "score", ModelName: "churn", TransformInput: {}, TransformOutput: {}, TransformResources: {} },
    aws: [[["sagemaker:CreateTransformJob"], [`arn:aws:sagemaker:${A}:transform-job/score*`]], LIST_TAGS, [["iam:PassRole"], [ROLE("*")]]],
    omitted: {
      "iam:PassRole":
        "AWS's template lists [[roleArn]], the role SageMaker reads model artifacts with; CreateTransformJob has no role parameter: CreateModel passed that role",
    },
  },
  ...sagemakerJob(
    "ProcessingJob",
    "processing-job",
    "StepFunctionsGetEventsForSageMakerProcessingJobsRule",
    { ProcessingJobName: "prepare", RoleArn: ROLE("sm"), AppSpecification: {}, ProcessingResources: {} },
    "prepare",
  ),
  ...sagemakerJob(
    "HyperParameterTuningJob",
    "hyper-parameter-tuning-job",
    "StepFunctionsGetEventsForSageMakerTuningJobsRule",
    { HyperParameterTuningJobName: "churn-hpo", HyperParameterTuningJobConfig: {}, TrainingJobDefinition: { RoleArn: ROLE("sm") } },
    "churn-hpo",
  ),
  // The rule's name is not documented: it follows the other SageMaker jobs' (as the table does).
  ...sagemakerJob(
    "LabelingJob",
    "labeling-job",
    "StepFunctionsGetEventsForSageMakerLabelingJobsRule",
    { LabelingJobName: "tag-images", RoleArn: ROLE("sm"), LabelAttributeName: "label", InputConfig: {}, OutputConfig: {} },
    "tag-images",
  ),
  sagemakerCall("CreateModel", "model", { ModelName: "churn", ExecutionRoleArn: ROLE("sm"), PrimaryContainer: {} }, "churn", true),
  sagemakerCall("CreateEndpointConfig", "endpoint-config", { EndpointConfigName: "churn-config", ProductionVariants: [] }, "churn-config"),
  {
    ...sagemakerCall("CreateEndpoint", "endpoint", { EndpointName: "churn", EndpointConfigName: "churn-config" }, "churn"),
    added: { "sagemaker:CreateEndpoint": ALSO_ON_CONFIG },
  },
  {
    ...sagemakerCall("UpdateEndpoint", "endpoint", { EndpointName: "churn", EndpointConfigName: "churn-config-v2" }, "churn"),
    added: { "sagemaker:UpdateEndpoint": ALSO_ON_CONFIG },
  },
  {
    integration: "bedrock:invokeModel",
    pattern: "request-response",
    parameters: { ModelId: "amazon.titan-text-express-v1", Body: { inputText: "Summarise the order" } },
    aws: [[["bedrock:InvokeModel"], [TITAN]]],
  },
  {
    // AWS's "specific provisioned model" template: the model's ARN as given.
    integration: "bedrock:invokeModel",
    pattern: "request-response",
    parameters: { ModelId: `arn:aws:bedrock:${A}:provisioned-model/c2oi931ulksx`, Body: {} },
    aws: [[["bedrock:InvokeModel"], [`arn:aws:bedrock:${A}:provisioned-model/c2oi931ulksx`]]],
  },
  // AWS also lists model-customization-job/* for CreateModelCustomizationJob; IAM's reference gives the action only
  // the custom-model and foundation-model resource types, and those are what the role gets. AWS's page has no
  // template for .waitForTaskToken: the callback task needs what request-response does (the token is a parameter).
  ...(["request-response", "sync", "callback"] as const).map((pattern): Documented => ({
    integration: "bedrock:createModelCustomizationJob",
    pattern,
    parameters: pattern === "callback" ? { ...CUSTOMIZATION, JobTags: [{ Key: "token", "Value.$": "$$.Task.Token" }] } : CUSTOMIZATION,
    aws: [
      [
        ["bedrock:CreateModelCustomizationJob"],
        [TITAN, `arn:aws:bedrock:${A}:custom-model/*`, `arn:aws:bedrock:${A}:model-customization-job/*`],
      ],
      ...(pattern === "sync"
        ? [
            [
              ["bedrock:GetModelCustomizationJob", "bedrock:StopModelCustomizationJob"],
              [`arn:aws:bedrock:${A}:model-customization-job/*`],
            ] as Statement,
          ]
        : []),
      [["iam:PassRole"], [ROLE("bedrock-tuning")]],
    ],
    ...(pattern === "callback"
      ? {
          added: {
            "bedrock:TagResource": "the token travels in JobTags here, and Bedrock authorises tags on a new job with bedrock:TagResource",
          },
        }
      : {}),
  })),
];
