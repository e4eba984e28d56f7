/** SageMaker, Bedrock and MediaConvert. */
import { arn } from "./arns";
import { tagsOn, TAGS_UNVERIFIED, type Implied } from "./implied";
import { job } from "./job";
import type { IamContext, IntegrationEntry, IntegrationTable, StatementSpec } from "./spec";

/**
 * Step Functions reads the tags of what it creates in SageMaker, in every pattern (AWS's policies for
 * the SageMaker integration grant it for request-response too). IAM checks ListTags on the resource,
 * but Step Functions calls it before it knows the ARN, so only "*" is sure to match.
 */
const SAGEMAKER_LIST_TAGS: StatementSpec = { actions: ["sagemaker:ListTags"], resources: ["*"] };

/**
 * A SageMaker job: Create on the named job, Describe/Stop for `.sync`, PassRole for its role.
 * `nameArg` is the argument naming the job, `type` the ARN resource type.
 */
function sagemakerJob(kind: string, type: string, nameArg: string, roleArg: string | undefined, rule: string): IntegrationEntry {
  return job(
    ["request-response", "sync"],
    (c) => {
      const resources = c.scope(nameArg, (v) => [arn(c, "sagemaker", `${type}/${v.toLowerCase()}`)]);
      return {
        start: [{ actions: [`sagemaker:Create${kind}`], resources }, SAGEMAKER_LIST_TAGS],
        sync: [{ actions: [`sagemaker:Describe${kind}`, `sagemaker:Stop${kind}`], resources }],
        rule,
      };
    },
    sagemakerImplied(`Create${kind}`, type, roleArg),
  );
}

/**
 * SageMaker authorises tags on what a Create* call makes with AddTags, limited to that call by
 * `sagemaker:TaggingAction` (only Create* calls take Tags: UpdateEndpoint has none); the role it is
 * given goes to sagemaker.amazonaws.com.
 */
const SAGEMAKER_TAGS =
  'AWS: "Grant permission to add tags when creating SageMaker AI resources" (SageMaker AI Developer Guide): a Create* call with tags needs sagemaker:AddTags.';

function sagemakerImplied(action: string, type: string, roleArg: string | undefined): Implied[] {
  return [
    ...(action.startsWith("Create") ? [tagsOn("sagemaker", `${type}/*`, action, SAGEMAKER_TAGS)] : []),
    ...(roleArg ? [{ kind: "pass-role", paths: [roleArg], to: "sagemaker.amazonaws.com" } as const] : []),
  ];
}

/**
 * A single SageMaker call on a named resource. `configArg` names the endpoint configuration that
 * CreateEndpoint and UpdateEndpoint are also authorised on (IAM requires both resource types).
 */
function sagemakerCall(action: string, type: string, nameArg: string, roleArg?: string, configArg?: string): IntegrationEntry {
  return job(
    ["request-response"],
    (c) => {
      const named = c.scope(nameArg, (v) => [arn(c, "sagemaker", `${type}/${v.toLowerCase()}`)]);
      return {
        start: [
          { actions: [`sagemaker:${action}`], resources: named },
          SAGEMAKER_LIST_TAGS,
          ...(configArg
            ? [
                {
                  actions: [`sagemaker:${action}`],
                  resources: c.scope(configArg, (v) => [arn(c, "sagemaker", `endpoint-config/${v.toLowerCase()}`)]),
                },
              ]
            : []),
        ],
      };
    },
    sagemakerImplied(action, type, roleArg),
  );
}

/** Foundation model IDs, cross-region inference profiles (`us.` ...) and model ARNs. */
function bedrockModels(c: IamContext, id: string): string[] {
  if (id.startsWith("arn:")) return [id];
  const profile = /^(us|eu|apac|us-gov|global)\.(.+)$/.exec(id);
  if (profile) return [arn(c, "bedrock", `inference-profile/${id}`), `arn:${c.partition}:bedrock:*::foundation-model/${profile[2]}`];
  return [arn(c, "bedrock", `foundation-model/${id}`, c.region, "")];
}

export const mlIntegrations: IntegrationTable = {
  "sagemaker:createTrainingJob": sagemakerJob(
    "TrainingJob",
    "training-job",
    "TrainingJobName",
    "RoleArn",
    "StepFunctionsGetEventsForSageMakerTrainingJobsRule",
  ),
  "sagemaker:createTransformJob": sagemakerJob(
    "TransformJob",
    "transform-job",
    "TransformJobName",
    undefined,
    "StepFunctionsGetEventsForSageMakerTransformJobsRule",
  ),
  "sagemaker:createProcessingJob": sagemakerJob(
    "ProcessingJob",
    "processing-job",
    "ProcessingJobName",
    "RoleArn",
    "StepFunctionsGetEventsForSageMakerProcessingJobsRule",
  ),
  "sagemaker:createHyperParameterTuningJob": sagemakerJob(
    "HyperParameterTuningJob",
    "hyper-parameter-tuning-job",
    "HyperParameterTuningJobName",
    "TrainingJobDefinition.RoleArn",
    "StepFunctionsGetEventsForSageMakerTuningJobsRule",
  ),
  // Not in the reference: the rule name follows the other SageMaker jobs' convention.
  "sagemaker:createLabelingJob": sagemakerJob(
    "LabelingJob",
    "labeling-job",
    "LabelingJobName",
    "RoleArn",
    "StepFunctionsGetEventsForSageMakerLabelingJobsRule",
  ),
  "sagemaker:createModel": sagemakerCall("CreateModel", "model", "ModelName", "ExecutionRoleArn"),
  "sagemaker:createEndpointConfig": sagemakerCall("CreateEndpointConfig", "endpoint-config", "EndpointConfigName"),
  "sagemaker:createEndpoint": sagemakerCall("CreateEndpoint", "endpoint", "EndpointName", undefined, "EndpointConfigName"),
  "sagemaker:updateEndpoint": sagemakerCall("UpdateEndpoint", "endpoint", "EndpointName", undefined, "EndpointConfigName"),
  "bedrock:invokeModel": job(
    ["request-response"],
    (c) => ({
      start: [{ actions: ["bedrock:InvokeModel"], resources: c.scope("ModelId", (v) => bedrockModels(c, v)) }],
    }),
    [
      // Step Functions reads the input and writes the output with the execution role.
      { kind: "s3", path: "Input.S3Uri", access: "read" },
      { kind: "s3", path: "Output.S3Uri", access: "write" },
      {
        kind: "resource",
        path: "GuardrailIdentifier",
        actions: ["bedrock:ApplyGuardrail"],
        arn: "arn:{partition}:bedrock:{region}:{account}:guardrail/{value}",
      },
    ],
  ),
  "bedrock:createModelCustomizationJob": job(
    ["request-response", "sync", "callback"],
    (c) => ({
      start: [
        // IAM authorises the call on the base model and on the custom model it creates (whose ID is not known yet).
        {
          actions: ["bedrock:CreateModelCustomizationJob"],
          resources: [arn(c, "bedrock", "custom-model/*"), ...c.scope("BaseModelIdentifier", (v) => bedrockModels(c, v))],
        },
      ],
      // Bedrock jobs are polled: no events rule.
      sync: [
        {
          actions: ["bedrock:GetModelCustomizationJob", "bedrock:StopModelCustomizationJob"],
          resources: [arn(c, "bedrock", "model-customization-job/*")],
        },
      ],
    }),
    [
      { kind: "pass-role", paths: ["RoleArn"], to: "bedrock.amazonaws.com" },
      tagsOn("bedrock", "custom-model/*", "CreateModelCustomizationJob", TAGS_UNVERIFIED, { paths: ["CustomModelTags"] }),
      tagsOn("bedrock", "model-customization-job/*", "CreateModelCustomizationJob", TAGS_UNVERIFIED, { paths: ["JobTags"] }),
      // Bedrock encrypts the custom model with the caller's grant on the key.
      {
        kind: "kms",
        paths: ["CustomModelKmsKeyId"],
        actions: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"],
      },
    ],
  ),
  "mediaconvert:createJob": job(
    ["request-response", "sync"],
    (c) => ({
      start: [
        {
          actions: ["mediaconvert:CreateJob"],
          resources: [arn(c, "mediaconvert", "queues/*"), arn(c, "mediaconvert", "presets/*"), arn(c, "mediaconvert", "jobTemplates/*")],
        },
      ],
      // Step Functions tags the jobs it creates ManagedByService=AWSStepFunctions: AWS's policy polls and cancels only those.
      sync: [
        {
          actions: ["mediaconvert:GetJob", "mediaconvert:CancelJob"],
          resources: [arn(c, "mediaconvert", "jobs/*")],
          condition: { StringEquals: { "aws:ResourceTag/ManagedByService": "AWSStepFunctions" } },
        },
      ],
      rule: "StepFunctionsGetEventsForMediaConvertJobRule",
    }),
    [
      { kind: "pass-role", paths: ["Role"], to: "mediaconvert.amazonaws.com" },
      tagsOn("mediaconvert", "jobs/*", "CreateJob", TAGS_UNVERIFIED),
    ],
  ),
};
