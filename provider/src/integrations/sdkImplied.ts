/**
 * What an AWS SDK call's parameters imply, as data: roles handed to the service and tags on what
 * it creates (for every service), and per call the S3 objects, keys and guardrails the service
 * uses with the caller's credentials.
 */
import { ecsTaskTags } from "./ecsTags";
import { createdBy, SNS_KEY, SQS_KEY, taggingAction, type Implied } from "./implied";

/** Parameters that hand a role to the service (Step Functions writes every SDK parameter in PascalCase). */
export const ROLE_PATHS = [
  "RoleArn",
  "RoleARN",
  "Role",
  "ExecutionRoleArn",
  "ServiceRole",
  "ServiceRoleArn",
  "TaskRoleArn",
  "DataAccessRoleArn",
  "JobRoleArn",
  "AdministrationRoleARN",
  "Target.RoleArn",
  "Targets[].RoleArn",
];

/** The service a role is passed to, where it is not `PREFIX.amazonaws.com`. */
export const PASSED_TO: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ecs: { TaskRoleArn: "ecs-tasks.amazonaws.com", ExecutionRoleArn: "ecs-tasks.amazonaws.com" },
  // EMR's instance profile role goes to EC2, as in AWS's AmazonEMRFullAccessPolicy_v2.
  elasticmapreduce: { JobFlowRole: "ec2.amazonaws.com" },
};

/** Services whose role parameters are not passed: STS assumes them, IAM manages them. */
const NO_PASS = new Set(["sts", "iam"]);

/** Parameters that carry tags for what the call creates. */
export const TAG_PATHS = ["Tags", "TagSpecifications[].Tags", "TagList", "ResourceTags"];

const s3Object = (bucket: string, key: string, access: "read" | "write" = "read"): Implied => ({ kind: "s3", bucket, key, access });
const s3Prefix = (bucket: string, key: string): Implied => ({ kind: "s3", bucket, key, access: "write", prefix: true });
const guardrail = (path: string): Implied => ({
  kind: "resource",
  path,
  actions: ["bedrock:ApplyGuardrail"],
  arn: "arn:{partition}:bedrock:{region}:{account}:guardrail/{value}",
});
const sseKms = (actions: string[]): Implied => ({ kind: "kms", paths: ["SSEKMSKeyId"], actions });

const textract = {
  image: [s3Object("Document.S3Object.Bucket", "Document.S3Object.Name")],
  async: [
    s3Object("DocumentLocation.S3Object.Bucket", "DocumentLocation.S3Object.Name"),
    s3Prefix("OutputConfig.S3Bucket", "OutputConfig.S3Prefix"),
  ],
};
const rekognitionImage = [s3Object("Image.S3Object.Bucket", "Image.S3Object.Name")];
const rekognitionVideo = [s3Object("Video.S3Object.Bucket", "Video.S3Object.Name")];

/**
 * Per call (IAM prefix and SDK action): Textract, Rekognition, Transcribe and Polly read and write
 * S3 with the caller's credentials; Bedrock applies the named guardrail; S3 encrypts with the named key;
 * ECS tags the task it starts.
 */
export const SDK_IMPLIED: Readonly<Record<string, readonly Implied[]>> = {
  "textract:analyzeDocument": textract.image,
  "textract:detectDocumentText": textract.image,
  "textract:analyzeExpense": textract.image,
  "textract:startDocumentAnalysis": textract.async,
  "textract:startDocumentTextDetection": textract.async,
  "textract:startExpenseAnalysis": textract.async,
  "textract:startLendingAnalysis": textract.async,
  "rekognition:detectLabels": rekognitionImage,
  "rekognition:detectText": rekognitionImage,
  "rekognition:detectFaces": rekognitionImage,
  "rekognition:detectModerationLabels": rekognitionImage,
  "rekognition:detectCustomLabels": rekognitionImage,
  "rekognition:detectProtectiveEquipment": rekognitionImage,
  "rekognition:recognizeCelebrities": rekognitionImage,
  "rekognition:indexFaces": rekognitionImage,
  "rekognition:searchFacesByImage": rekognitionImage,
  "rekognition:compareFaces": [
    s3Object("SourceImage.S3Object.Bucket", "SourceImage.S3Object.Name"),
    s3Object("TargetImage.S3Object.Bucket", "TargetImage.S3Object.Name"),
  ],
  "rekognition:startLabelDetection": rekognitionVideo,
  "rekognition:startContentModeration": rekognitionVideo,
  "rekognition:startFaceDetection": rekognitionVideo,
  "rekognition:startTextDetection": rekognitionVideo,
  "rekognition:startCelebrityRecognition": rekognitionVideo,
  "rekognition:startSegmentDetection": rekognitionVideo,
  "transcribe:startTranscriptionJob": [
    { kind: "s3", path: "Media.MediaFileUri", access: "read" },
    s3Prefix("OutputBucketName", "OutputKey"),
    { kind: "kms", paths: ["OutputEncryptionKMSKeyId"], actions: ["kms:GenerateDataKey", "kms:Decrypt"] },
  ],
  "polly:startSpeechSynthesisTask": [s3Prefix("OutputS3BucketName", "OutputS3KeyPrefix")],
  "bedrock:invokeModelWithResponseStream": [guardrail("GuardrailIdentifier")],
  "bedrock:converse": [guardrail("GuardrailConfig.GuardrailIdentifier")],
  "bedrock:converseStream": [guardrail("GuardrailConfig.GuardrailIdentifier")],
  "s3:putObject": [sseKms(["kms:GenerateDataKey"])],
  "s3:createMultipartUpload": [sseKms(["kms:GenerateDataKey", "kms:Decrypt"])],
  "s3:copyObject": [sseKms(["kms:GenerateDataKey", "kms:Decrypt"])],
  // Tags in the request are the generic rule's; these are the ones ECS sets itself (aws-sdk:ecs:runTask uses ecs:runTask's entry).
  "ecs:startTask": [ecsTaskTags("StartTask", [])],
  "sqs:sendMessageBatch": [SQS_KEY],
  "sns:publishBatch": [SNS_KEY],
};

/** Everything an SDK call's parameters may imply, for the IAM prefix and the SDK action. */
export function sdkImplied(prefix: string, action: string): Implied[] {
  return [...genericImplied(prefix, action), ...sdkCallImplied(prefix, action)];
}

/** What this particular call implies beyond the generic rules. */
export function sdkCallImplied(prefix: string, action: string): readonly Implied[] {
  return SDK_IMPLIED[`${prefix}:${action}`] ?? [];
}

/** Roles handed to the service and tags on what the call creates: the same for every service. */
function genericImplied(prefix: string, action: string): Implied[] {
  const roles: Implied[] = NO_PASS.has(prefix)
    ? []
    : ROLE_PATHS.map((path) => ({ kind: "pass-role", paths: [path], to: PASSED_TO[prefix]?.[path] ?? `${prefix}.amazonaws.com` }));
  const condition = createdBy(prefix, `${action.charAt(0).toUpperCase()}${action.slice(1)}`);
  const tags: Implied = {
    kind: "tags",
    paths: TAG_PATHS,
    actions: [taggingAction(prefix)],
    // What the call creates has no ARN yet: the literal tag keys (and, where the service has one, the creating action) scope it.
    resources: ["*"],
    ...(condition ? { condition } : {}),
  };
  return [...roles, tags];
}
