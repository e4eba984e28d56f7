/**
 * Tag-on-create, service by service: where AWS checks the service's tagging action when a call
 * creates something with tags, the role gets that action (scoped to the creating action where the
 * service has a condition key for it); without tags it gets nothing. Each case names the AWS page
 * (or the reported AccessDenied) that says what the service checks.
 */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import type { PolicyStatement } from "../../provider/src/model/types";
import { ACCOUNT, allow, canonical, REGION, taskDefinition } from "./integration-cases";

const OPTIONS = { region: REGION, account: ACCOUNT, stateMachineName: "orders-flow" } as const;
const ARN = `${REGION}:${ACCOUNT}`;
const TAGS = [{ Key: "team", Value: "data" }];
const TEAM = { "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } };

/** The statements granting `action` for a task with these parameters (no errors expected). */
function tagging(resource: string, parameters: Record<string, unknown>, action: string): PolicyStatement[] {
  return granting(taskDefinition(resource, parameters), action);
}

/** The same for a JSONata task with these arguments. */
function taggingJsonata(resource: string, args: Record<string, unknown>, action: string): PolicyStatement[] {
  return granting(taskDefinition(resource, undefined, { QueryLanguage: "JSONata", Arguments: args }), action);
}

function granting(definition: Record<string, unknown>, action: string): PolicyStatement[] {
  const analysis = analyze(definition, OPTIONS);
  assert.deepEqual(analysis.errors, []);
  return canonical(analysis.statements.filter((statement) => statement.Action.includes(action)));
}

describe("tag-on-create: the tagging action where AWS checks it", () => {
  // "Grant permission to tag resources on creation", Amazon ECS Developer Guide:
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html
  // (RunTask and StartTask need ecs:TagResource when tags are given, scoped by ecs:CreateAction.)
  it("ECS: ecs:TagResource for RunTask and StartTask, limited by ecs:CreateAction", () => {
    const base = { TaskDefinition: "billing:3" };
    assert.deepEqual(tagging("arn:aws:states:::ecs:runTask", { ...base, Tags: TAGS }, "ecs:TagResource"), [
      allow(["ecs:TagResource"], [`arn:aws:ecs:${ARN}:task/*`], { StringEquals: { "ecs:CreateAction": "RunTask" }, ...TEAM }),
    ]);
    assert.deepEqual(
      tagging("arn:aws:states:::aws-sdk:ecs:startTask", { ...base, ContainerInstances: ["i"], Tags: TAGS }, "ecs:TagResource"),
      [allow(["ecs:TagResource"], ["*"], { StringEquals: { "ecs:CreateAction": "StartTask" }, ...TEAM })],
    );
    assert.deepEqual(tagging("arn:aws:states:::ecs:runTask", base, "ecs:TagResource"), []);
  });

  // ECS also tags the task itself when asked to propagate the task definition's or service's tags
  // (PropagateTags) or to add its managed tags (EnableECSManagedTags), and authorises those with
  // ecs:TagResource too: "Grant permission to tag resources on creation", Amazon ECS Developer Guide,
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html
  // and AWS's managed policy AmazonEC2ContainerServiceEventsRole ("Amazon ECS events IAM role"), which
  // grants ecs:TagResource with ecs:CreateAction RunTask for that reason:
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html
  // The keys come from the task definition or service, so no aws:TagKeys limit.
  it("ECS: ecs:TagResource when the task propagates tags or gets managed tags, without a tag-key limit", () => {
    const base = { TaskDefinition: "billing:3" };
    const runTask = (creating: string) => [
      allow(["ecs:TagResource"], [`arn:aws:ecs:${ARN}:task/*`], { StringEquals: { "ecs:CreateAction": creating } }),
    ];
    const token = { Overrides: { ContainerOverrides: [{ Name: "app", Environment: [{ Name: "TOKEN", "Value.$": "$$.Task.Token" }] }] } };
    const on: Record<string, unknown>[] = [
      { PropagateTags: "TASK_DEFINITION" },
      { PropagateTags: "SERVICE" },
      { "PropagateTags.$": "$.propagate" },
      { EnableECSManagedTags: true },
      { "EnableECSManagedTags.$": "$.managed" },
      { PropagateTags: "NONE", EnableECSManagedTags: true },
      // Tags ECS chooses join the request's: the literal keys no longer bound what is tagged.
      { PropagateTags: "TASK_DEFINITION", Tags: TAGS },
    ];
    for (const settings of on) {
      const label = JSON.stringify(settings);
      for (const suffix of ["", ".sync"]) {
        assert.deepEqual(
          tagging(`arn:aws:states:::ecs:runTask${suffix}`, { ...base, ...settings }, "ecs:TagResource"),
          runTask("RunTask"),
          label,
        );
      }
      assert.deepEqual(
        tagging("arn:aws:states:::ecs:runTask.waitForTaskToken", { ...base, ...token, ...settings }, "ecs:TagResource"),
        runTask("RunTask"),
        label,
      );
      assert.deepEqual(
        tagging("arn:aws:states:::aws-sdk:ecs:runTask", { ...base, ...settings }, "ecs:TagResource"),
        runTask("RunTask"),
        label,
      );
    }
    const startTask = { ...base, ContainerInstances: ["i"] };
    for (const settings of on.slice(0, -1)) {
      assert.deepEqual(
        tagging("arn:aws:states:::aws-sdk:ecs:startTask", { ...startTask, ...settings }, "ecs:TagResource"),
        runTask("StartTask"),
        JSON.stringify(settings),
      );
    }
    // StartTask's own tags keep the generic rule (on "*", limited to their keys); ECS's tags add the task.
    assert.deepEqual(
      tagging("arn:aws:states:::aws-sdk:ecs:startTask", { ...startTask, PropagateTags: "TASK_DEFINITION", Tags: TAGS }, "ecs:TagResource"),
      canonical([
        allow(["ecs:TagResource"], ["*"], { StringEquals: { "ecs:CreateAction": "StartTask" }, ...TEAM }),
        ...runTask("StartTask"),
      ]),
    );
    const off: Record<string, unknown>[] = [
      { PropagateTags: "NONE" },
      { EnableECSManagedTags: false },
      { PropagateTags: "NONE", EnableECSManagedTags: false },
    ];
    for (const settings of off) {
      const label = JSON.stringify(settings);
      assert.deepEqual(tagging("arn:aws:states:::ecs:runTask", { ...base, ...settings }, "ecs:TagResource"), [], label);
      assert.deepEqual(tagging("arn:aws:states:::aws-sdk:ecs:runTask", { ...base, ...settings }, "ecs:TagResource"), [], label);
      assert.deepEqual(tagging("arn:aws:states:::aws-sdk:ecs:startTask", { ...startTask, ...settings }, "ecs:TagResource"), [], label);
    }
    // A request that sets its own tags and turns ECS's off keeps the tag-key limit.
    assert.deepEqual(
      tagging(
        "arn:aws:states:::ecs:runTask",
        { ...base, PropagateTags: "NONE", EnableECSManagedTags: false, Tags: TAGS },
        "ecs:TagResource",
      ),
      [allow(["ecs:TagResource"], [`arn:aws:ecs:${ARN}:task/*`], { StringEquals: { "ecs:CreateAction": "RunTask" }, ...TEAM })],
    );
  });

  it("ECS (JSONata): the same from Arguments, literal or computed", () => {
    const base = { TaskDefinition: "billing:3" };
    const granted = [allow(["ecs:TagResource"], [`arn:aws:ecs:${ARN}:task/*`], { StringEquals: { "ecs:CreateAction": "RunTask" } })];
    for (const settings of [
      { PropagateTags: "SERVICE" },
      { PropagateTags: "{% $states.input.propagate %}" },
      { EnableECSManagedTags: true },
      { EnableECSManagedTags: "{% $states.input.managed %}" },
    ]) {
      assert.deepEqual(
        taggingJsonata("arn:aws:states:::ecs:runTask", { ...base, ...settings }, "ecs:TagResource"),
        granted,
        JSON.stringify(settings),
      );
    }
    assert.deepEqual(
      taggingJsonata(
        "arn:aws:states:::aws-sdk:ecs:startTask",
        { ...base, ContainerInstances: ["i"], EnableECSManagedTags: true },
        "ecs:TagResource",
      ),
      [allow(["ecs:TagResource"], [`arn:aws:ecs:${ARN}:task/*`], { StringEquals: { "ecs:CreateAction": "StartTask" } })],
    );
    assert.deepEqual(
      taggingJsonata("arn:aws:states:::ecs:runTask", { ...base, PropagateTags: "NONE", EnableECSManagedTags: false }, "ecs:TagResource"),
      [],
    );
  });

  // "Amazon SageMaker AI identity-based policy examples", section "Grant permission to add tags
  // when creating SageMaker AI resources":
  // https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html#grant-tagging-permissions
  // (a Create* call with tags needs sagemaker:AddTags; sagemaker:TaggingAction names the Create* call.)
  it("SageMaker: sagemaker:AddTags on what a Create* call makes, limited by sagemaker:TaggingAction", () => {
    const role = "arn:aws:iam::123456789012:role/sm";
    const cases: [string, Record<string, unknown>, string, string][] = [
      ["createTrainingJob", { TrainingJobName: "churn", RoleArn: role }, "training-job", "CreateTrainingJob"],
      ["createTransformJob", { TransformJobName: "score", ModelName: "churn" }, "transform-job", "CreateTransformJob"],
      ["createProcessingJob", { ProcessingJobName: "prep", RoleArn: role }, "processing-job", "CreateProcessingJob"],
      ["createModel", { ModelName: "churn", ExecutionRoleArn: role }, "model", "CreateModel"],
      ["createEndpointConfig", { EndpointConfigName: "churn-v1" }, "endpoint-config", "CreateEndpointConfig"],
      ["createEndpoint", { EndpointName: "churn", EndpointConfigName: "churn-v1" }, "endpoint", "CreateEndpoint"],
    ];
    for (const [call, parameters, type, creating] of cases) {
      assert.deepEqual(tagging(`arn:aws:states:::sagemaker:${call}`, { ...parameters, Tags: TAGS }, "sagemaker:AddTags"), [
        allow(["sagemaker:AddTags"], [`arn:aws:sagemaker:${ARN}:${type}/*`], {
          StringEquals: { "sagemaker:TaggingAction": creating },
          ...TEAM,
        }),
      ]);
      assert.deepEqual(tagging(`arn:aws:states:::sagemaker:${call}`, parameters, "sagemaker:AddTags"), [], call);
    }
    // UpdateEndpoint takes no tags and creates nothing.
    assert.deepEqual(
      tagging(
        "arn:aws:states:::sagemaker:updateEndpoint",
        { EndpointName: "churn", EndpointConfigName: "churn-v2", Tags: TAGS },
        "sagemaker:AddTags",
      ),
      [],
    );
    assert.deepEqual(
      tagging("arn:aws:states:::aws-sdk:sagemaker:createPipeline", { PipelineName: "p", RoleArn: role, Tags: TAGS }, "sagemaker:AddTags"),
      [allow(["sagemaker:AddTags"], ["*"], { StringEquals: { "sagemaker:TaggingAction": "CreatePipeline" }, ...TEAM })],
    );
  });

  // AWS Batch User Guide, "Tag your resources" (jobs are tagged on creation by SubmitJob's tags):
  // https://docs.aws.amazon.com/batch/latest/userguide/tag-resources.html
  // The resource Batch checks batch:TagResource on is the job definition the call names, as the
  // AccessDenied reported in wri/gfw-data-api pull request 175 shows ("not authorized to perform:
  // batch:TagResource on resource: arn:aws:batch:us-east-1:…:job-definition/gfw-data-api-aurora:4")
  // and TerraConstructs/base pull request 137 caught live against AWS.
  // That fix grants it on the job queue as well, the request's other resource: so does the table.
  it("Batch: batch:TagResource on the job definition's revisions the job runs, its queue and the job", () => {
    const base = { JobName: "nightly", JobQueue: "reports", Tags: { team: "data" } };
    assert.deepEqual(tagging("arn:aws:states:::batch:submitJob", { ...base, JobDefinition: "report:4" }, "batch:TagResource"), [
      allow(
        ["batch:TagResource"],
        [`arn:aws:batch:${ARN}:job-definition/report:4`, `arn:aws:batch:${ARN}:job-queue/reports`, `arn:aws:batch:${ARN}:job/*`],
        TEAM,
      ),
    ]);
    // Without a revision the job runs the latest one: any revision of that definition.
    assert.deepEqual(tagging("arn:aws:states:::batch:submitJob", { ...base, JobDefinition: "report" }, "batch:TagResource"), [
      allow(
        ["batch:TagResource"],
        [`arn:aws:batch:${ARN}:job-definition/report:*`, `arn:aws:batch:${ARN}:job-queue/reports`, `arn:aws:batch:${ARN}:job/*`],
        TEAM,
      ),
    ]);
    assert.deepEqual(tagging("arn:aws:states:::batch:submitJob", { ...base, "JobDefinition.$": "$.definition" }, "batch:TagResource"), [
      allow(
        ["batch:TagResource"],
        [`arn:aws:batch:${ARN}:job-definition/*:*`, `arn:aws:batch:${ARN}:job-queue/reports`, `arn:aws:batch:${ARN}:job/*`],
        TEAM,
      ),
    ]);
    assert.deepEqual(
      tagging(
        "arn:aws:states:::batch:submitJob",
        { JobName: "nightly", JobQueue: "reports", JobDefinition: "report" },
        "batch:TagResource",
      ),
      [],
    );
  });

  // Amazon EMR Management Guide, "Using cluster and notebook tags with IAM policies for access
  // control": "To create a cluster with a tag, you must also have permission for the
  // elasticmapreduce:AddTags action."
  // https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-fine-grained-cluster-access.html
  it("EMR: elasticmapreduce:AddTags on the new cluster for a tagged RunJobFlow", () => {
    const base = { Name: "etl", ServiceRole: "EMR_DefaultRole", JobFlowRole: "EMR_EC2_DefaultRole", Instances: {} };
    assert.deepEqual(tagging("arn:aws:states:::elasticmapreduce:createCluster", { ...base, Tags: TAGS }, "elasticmapreduce:AddTags"), [
      allow(["elasticmapreduce:AddTags"], [`arn:aws:elasticmapreduce:${ARN}:cluster/*`], TEAM),
    ]);
    assert.deepEqual(tagging("arn:aws:states:::elasticmapreduce:createCluster", base, "elasticmapreduce:AddTags"), []);
  });

  // aws/aws-cdk issue 7163 ("missing IAM permissions when creating EKS cluster resource": a tagged
  // Fargate profile fails without eks:TagResource) and its fix, aws/aws-cdk pull request 7302.
  it("EKS: eks:TagResource on the new cluster, node group or Fargate profile", () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ["createCluster", { Name: "prod", RoleArn: "arn:aws:iam::123456789012:role/eks", ResourcesVpcConfig: {} }, "cluster/*"],
      [
        "createNodegroup",
        { ClusterName: "prod", NodegroupName: "workers", NodeRole: "arn:aws:iam::123456789012:role/node", Subnets: ["s"] },
        "nodegroup/*",
      ],
      [
        "createFargateProfile",
        { ClusterName: "prod", FargateProfileName: "jobs", PodExecutionRoleArn: "arn:aws:iam::123456789012:role/pod" },
        "fargateprofile/*",
      ],
    ];
    for (const [call, parameters, resource] of cases) {
      assert.deepEqual(tagging(`arn:aws:states:::eks:${call}`, { ...parameters, Tags: { team: "data" } }, "eks:TagResource"), [
        allow(["eks:TagResource"], [`arn:aws:eks:${ARN}:${resource}`], TEAM),
      ]);
      assert.deepEqual(tagging(`arn:aws:states:::eks:${call}`, parameters, "eks:TagResource"), [], call);
    }
  });

  // "Grant permission to tag Amazon EC2 resources during creation", Amazon EC2 User Guide:
  // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html
  it("EC2 (AWS SDK): ec2:CreateTags for TagSpecifications, limited by ec2:CreateAction", () => {
    const base = { ImageId: "ami-0abc", MinCount: 1, MaxCount: 1 };
    const tagSpecifications = [{ ResourceType: "instance", Tags: TAGS }];
    assert.deepEqual(
      tagging("arn:aws:states:::aws-sdk:ec2:runInstances", { ...base, TagSpecifications: tagSpecifications }, "ec2:CreateTags"),
      [allow(["ec2:CreateTags"], ["*"], { StringEquals: { "ec2:CreateAction": "RunInstances" }, ...TEAM })],
    );
    assert.deepEqual(tagging("arn:aws:states:::aws-sdk:ec2:runInstances", base, "ec2:CreateTags"), []);
  });

  // "ELB API permissions to tag resources during creation", Elastic Load Balancing User Guide:
  // https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/tagging-resources-during-creation.html
  it("Elastic Load Balancing (AWS SDK): elasticloadbalancing:AddTags, limited by elasticloadbalancing:CreateAction", () => {
    assert.deepEqual(
      tagging(
        "arn:aws:states:::aws-sdk:elasticloadbalancingv2:createTargetGroup",
        { Name: "web", Tags: TAGS },
        "elasticloadbalancing:AddTags",
      ),
      [
        allow(["elasticloadbalancing:AddTags"], ["*"], {
          StringEquals: { "elasticloadbalancing:CreateAction": "CreateTargetGroup" },
          ...TEAM,
        }),
      ],
    );
  });

  // "Using tags with Amazon EFS", section "Granting permissions to tag resources during creation":
  // https://docs.aws.amazon.com/efs/latest/ug/using-tags-efs.html
  it("EFS (AWS SDK): elasticfilesystem:TagResource, limited by elasticfilesystem:CreateAction", () => {
    assert.deepEqual(
      tagging("arn:aws:states:::aws-sdk:efs:createFileSystem", { CreationToken: "t", Tags: TAGS }, "elasticfilesystem:TagResource"),
      [
        allow(["elasticfilesystem:TagResource"], ["*"], {
          StringEquals: { "elasticfilesystem:CreateAction": "CreateFileSystem" },
          ...TEAM,
        }),
      ],
    );
  });

  // "AWS tags in AWS Glue", AWS Glue Developer Guide: "to allow tagging of these AWS Glue resources,
  // always include the glue:TagResource action in your policies."
  // https://docs.aws.amazon.com/glue/latest/dg/monitor-tags.html
  it("Glue (AWS SDK): glue:TagResource for a job created with a tag map, limited to its keys", () => {
    const job = { Name: "nightly", Role: "arn:aws:iam::123456789012:role/glue", Command: { Name: "glueetl" } };
    assert.deepEqual(tagging("arn:aws:states:::aws-sdk:glue:createJob", { ...job, Tags: { team: "data" } }, "glue:TagResource"), [
      allow(["glue:TagResource"], ["*"], TEAM),
    ]);
    assert.deepEqual(tagging("arn:aws:states:::aws-sdk:glue:createJob", job, "glue:TagResource"), []);
  });

  // "AWS managed policies for Amazon SageMaker Canvas", AmazonSageMakerCanvasFullAccess: AWS grants
  // emr-serverless:TagResource (on arn:aws:emr-serverless:*:*:/*, with the request's tag) beside
  // CreateApplication for the applications Canvas creates tagged. Supporting, not a stated requirement.
  // https://docs.aws.amazon.com/sagemaker/latest/dg/security-iam-awsmanpol-canvas.html
  it("EMR Serverless: emr-serverless:TagResource on a tagged new application or job run", () => {
    const app = { Name: "spark", ReleaseLabel: "emr-7.1.0", Type: "SPARK" };
    assert.deepEqual(
      tagging("arn:aws:states:::emr-serverless:createApplication", { ...app, Tags: { team: "data" } }, "emr-serverless:TagResource"),
      [allow(["emr-serverless:TagResource"], [`arn:aws:emr-serverless:${ARN}:/applications/*`], TEAM)],
    );
    const run = { ApplicationId: "00f1", ExecutionRoleArn: "arn:aws:iam::123456789012:role/spark", JobDriver: {} };
    assert.deepEqual(
      tagging("arn:aws:states:::emr-serverless:startJobRun", { ...run, Tags: { team: "data" } }, "emr-serverless:TagResource"),
      [allow(["emr-serverless:TagResource"], [`arn:aws:emr-serverless:${ARN}:/applications/*/jobruns/*`], TEAM)],
    );
    assert.deepEqual(tagging("arn:aws:states:::emr-serverless:startJobRun", run, "emr-serverless:TagResource"), []);
  });
});
