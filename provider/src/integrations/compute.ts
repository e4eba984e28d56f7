/** ECS/Fargate, Batch, EKS, EMR (on EC2, on EKS, Serverless) and CodeBuild. */
import { arn, nameOrArn, passRole, unique } from "./arns";
import { ecsTaskTags } from "./ecsTags";
import { job } from "./job";
import { tagsOn, TAGS_UNVERIFIED, type Implied } from "./implied";
import type { ArnContext } from "../model/types";
import type { IamContext, IntegrationEntry, IntegrationTable } from "./spec";

function taskDefinitionArns(c: IamContext, value: string): string[] {
  if (value.startsWith("arn:")) return /:\d+$/.test(value) ? [value] : [value, `${value}:*`];
  return [arn(c, "ecs", `task-definition/${value}${value.includes(":") ? "" : ":*"}`)];
}

const batchArn = (c: ArnContext, type: string) => (value: string) => [nameOrArn(value, (name) => arn(c, "batch", `${type}/${name}`))];

/** The job definition's revisions (`job-definition/NAME:REVISION`): the one named, or any when none is. */
const jobDefinitionRevisions = (c: ArnContext, value: string): string[] => {
  const [definition] = batchArn(c, "job-definition")(value);
  return [/:\d+$/.test(definition) ? definition : `${definition}:*`];
};

/**
 * A job definition given without a revision runs its latest revision: IAM knows both the
 * `job-definition/NAME` and the `job-definition/NAME:REVISION` forms, so grant both.
 */
const jobDefinitionArns = (c: IamContext, value: string): string[] => {
  const [definition] = batchArn(c, "job-definition")(value);
  return /:\d+$/.test(definition) ? [definition] : [definition, ...jobDefinitionRevisions(c, value)];
};

/**
 * A tagged SubmitJob's AccessDenied names the job definition (`job-definition/NAME:REVISION`); the
 * queue, the request's other resource, is granted too, as the fix tested live against AWS does.
 */
const BATCH_TAGS =
  "AWS Batch tags the job on creation; a tagged SubmitJob is refused with an AccessDenied for batch:TagResource on the job definition it names (reported by users, not in AWS's guide), so the definition's revisions and the job queue (the request's other resource) are granted as well as the new job.";
const EMR_SERVERLESS_TAGS =
  "AWS's own managed policy AmazonSageMakerCanvasFullAccess grants emr-serverless:TagResource, with the request's tag, next to CreateApplication (AWS managed policies for Amazon SageMaker Canvas); AWS's guide states no requirement.";
const EKS_TAGS =
  "EKS checks eks:TagResource for the tags of what it creates (a tagged Fargate profile fails without it: AWS CDK issue 7163, fixed by granting it).";

const emrCluster = (c: IamContext) => c.scope("ClusterId", (id) => [arn(c, "elasticmapreduce", `cluster/${id}`)]);
const eksCluster = (c: IamContext) => c.scope("Name", (name) => [arn(c, "eks", `cluster/${name}`)]);
const eksClusterOf = (c: IamContext, path: string) => c.scope(path, (name) => [arn(c, "eks", `cluster/${name}`)]);
const executionRoleCondition = (c: IamContext) => {
  const role = c.args.value("ExecutionRoleArn");
  return role.kind === "literal" ? { condition: { StringEquals: { "emr-containers:ExecutionRoleArn": role.value } } } : {};
};
const virtualCluster = (c: IamContext) => c.scope("VirtualClusterId", (id) => [arn(c, "emr-containers", `/virtualclusters/${id}`)]);
const serverlessApp = (c: IamContext) => c.scope("ApplicationId", (id) => [arn(c, "emr-serverless", `/applications/${id}`)]);
/** The job run named by JobRunId, in its application; any run of the application when the ID is not literal. */
const serverlessJobRun = (c: IamContext) => {
  const run = c.args.value("JobRunId");
  return serverlessApp(c).map((a) => (a === "*" ? a : `${a}/jobruns/${run.kind === "literal" ? run.value : "*"}`));
};
const codebuildProject = (c: IamContext, path = "ProjectName") =>
  c.scope(path, (name) => [nameOrArn(name, (n) => arn(c, "codebuild", `project/${n}`))]);
/** A build ID is `PROJECT:UUID`: its project (any project of the account for an ID of another shape). */
const buildProjects = (c: IamContext, path: string) =>
  c.scope(path, (id) => [arn(c, "codebuild", `project/${/^(.+):[^:]+$/.exec(id)?.[1] ?? "*"}`)], {
    whenDynamic: [arn(c, "codebuild", "project/*")],
  });
/** A report ARN is `arn:PARTITION:codebuild:REGION:ACCOUNT:report/GROUP:UUID`: its report group. */
const reportGroups = (c: IamContext, path: string) =>
  c.scope(
    path,
    (report) => {
      const parts = /^arn:[^:]+:codebuild:([^:]+):(\d{12}):report\/([^:]+):[^:]+$/.exec(report);
      return [parts ? arn(c, "codebuild", `report-group/${parts[3]}`, parts[1], parts[2]) : arn(c, "codebuild", "report-group/*")];
    },
    { whenDynamic: [arn(c, "codebuild", "report-group/*")] },
  );

/**
 * Node groups and Fargate profiles: `TYPE/CLUSTER/NAME/UUID`. The UUID is assigned at creation,
 * so the ARN ends in `/*`; a name that is not literal widens it to every child of the cluster.
 */
const eksChild = (c: IamContext, type: "nodegroup" | "fargateprofile", nameArg: string) => {
  const name = c.args.value(nameArg);
  const child = name.kind === "literal" ? `${name.value}/*` : "*";
  return c.scope("ClusterName", (cluster) => [arn(c, "eks", `${type}/${cluster}/${child}`)]);
};

/**
 * EKS creates a service-linked role on the first cluster, node group and Fargate profile of an
 * account, with the caller's iam:CreateServiceLinkedRole (AWS's page for the EKS integration).
 */
const eksServiceLinkedRole = (service: string, role: string): Implied => ({ kind: "service-linked-role", service, role });
const EKS_NODEGROUP_ROLE = eksServiceLinkedRole("eks-nodegroup.amazonaws.com", "AWSServiceRoleForAmazonEKSNodegroup");
const EKS_FARGATE_ROLE = eksServiceLinkedRole("eks-fargate.amazonaws.com", "AWSServiceRoleForAmazonEKSForFargate");

/**
 * Create is authorised on the cluster (IAM's resource type for CreateNodegroup and
 * CreateFargateProfile); describe, and delete, on the node group or profile itself. EKS checks the
 * subnets and the node role with the caller's credentials, hence DescribeSubnets, GetRole and
 * ListAttachedRolePolicies (as in AWS's Step Functions policy for createNodegroup).
 */
const eksNodegroupOrProfile = (type: "Nodegroup" | "FargateProfile", verb: "Create" | "Delete"): IntegrationEntry =>
  job(
    ["request-response", "sync"],
    (c) => {
      const nodegroup = type === "Nodegroup";
      const children = eksChild(c, nodegroup ? "nodegroup" : "fargateprofile", nodegroup ? "NodegroupName" : "FargateProfileName");
      if (verb === "Delete") {
        return {
          start: [{ actions: [`eks:Delete${type}`], resources: children }],
          sync: [{ actions: [`eks:Describe${type}`], resources: children }],
        };
      }
      const start = [{ actions: [`eks:Create${type}`], resources: eksClusterOf(c, "ClusterName") }];
      if (!nodegroup) {
        return {
          // The role is passed to the EKS API, as the node role is (AWS documents eks.amazonaws.com for that one).
          start: [...start, passRole(c, ["PodExecutionRoleArn"], "eks.amazonaws.com")],
          sync: [{ actions: ["eks:DescribeFargateProfile"], resources: children }],
        };
      }
      const nodeRole = passRole(c, ["NodeRole"], "eks.amazonaws.com");
      return {
        start: [
          ...start,
          { actions: ["ec2:DescribeSubnets"], resources: ["*"] },
          { actions: ["iam:GetRole", "iam:ListAttachedRolePolicies"], resources: nodeRole.resources },
          nodeRole,
        ],
        // A node group that fails to become active is deleted when the execution gives up on it.
        sync: [{ actions: ["eks:DescribeNodegroup", "eks:DeleteNodegroup"], resources: children }],
      };
    },
    verb === "Create"
      ? [tagsOn("eks", `${type.toLowerCase()}/*`, `Create${type}`, EKS_TAGS), type === "Nodegroup" ? EKS_NODEGROUP_ROLE : EKS_FARGATE_ROLE]
      : [],
  );

/** Why the Kubernetes API integrations get no IAM statement (shown in docs/integrations.md). */
const KUBERNETES_API =
  "No IAM statement: the task calls the cluster's Kubernetes API at the Endpoint, with the CertificateAuthority, it names, and the cluster's RBAC authorises the role (AWS's page for EKS documents no IAM policy for eks:runJob and eks:call). Map the execution role in the cluster (an access entry, or aws-auth) with the Kubernetes permissions the job needs.";

export const computeIntegrations: IntegrationTable = {
  "ecs:runTask": job(
    ["request-response", "sync", "callback"],
    (c) => ({
      start: [
        { actions: ["ecs:RunTask"], resources: c.scope("TaskDefinition", (v) => taskDefinitionArns(c, v)) },
        passRole(c, ["Overrides.TaskRoleArn", "Overrides.ExecutionRoleArn"], "ecs-tasks.amazonaws.com"),
      ],
      sync: [{ actions: ["ecs:StopTask", "ecs:DescribeTasks"], resources: ["*"] }],
      rule: "StepFunctionsGetEventsForECSTaskRule",
    }),
    [ecsTaskTags("RunTask")],
  ),
  "batch:submitJob": job(
    ["request-response", "sync"],
    (c) => ({
      start: [
        {
          actions: ["batch:SubmitJob"],
          resources: [...c.scope("JobDefinition", (v) => jobDefinitionArns(c, v)), ...c.scope("JobQueue", batchArn(c, "job-queue"))],
        },
      ],
      // DescribeJobs takes no resource; TerminateJob's job ARN is not known until the job runs.
      sync: [{ actions: ["batch:DescribeJobs", "batch:TerminateJob"], resources: ["*"] }],
      rule: "StepFunctionsGetEventsForBatchJobsRule",
    }),
    // Batch checks batch:TagResource on the job definition a tagged SubmitJob names (the
    // AccessDenied names `job-definition/NAME:REVISION`), and the job it creates.
    [
      tagsOn("batch", "job/*", "SubmitJob", BATCH_TAGS, {
        named: [
          {
            path: "JobDefinition",
            arns: jobDefinitionRevisions,
            whenDynamic: "arn:{partition}:batch:{region}:{account}:job-definition/*:*",
          },
          {
            path: "JobQueue",
            arns: (c, v) => batchArn(c, "job-queue")(v),
            whenDynamic: "arn:{partition}:batch:{region}:{account}:job-queue/*",
          },
        ],
      }),
    ],
  ),
  "eks:createCluster": job(
    ["request-response", "sync"],
    (c) => ({
      start: [{ actions: ["eks:CreateCluster"], resources: ["*"] }, passRole(c, ["RoleArn"], "eks.amazonaws.com")],
      sync: [{ actions: ["eks:DescribeCluster", "eks:DeleteCluster"], resources: eksCluster(c) }],
    }),
    [tagsOn("eks", "cluster/*", "CreateCluster", EKS_TAGS), eksServiceLinkedRole("eks.amazonaws.com", "AWSServiceRoleForAmazonEKS")],
  ),
  "eks:deleteCluster": job(["request-response", "sync"], (c) => ({
    start: [{ actions: ["eks:DeleteCluster"], resources: eksCluster(c) }],
    sync: [{ actions: ["eks:DescribeCluster"], resources: eksCluster(c) }],
  })),
  "eks:createNodegroup": eksNodegroupOrProfile("Nodegroup", "Create"),
  "eks:deleteNodegroup": eksNodegroupOrProfile("Nodegroup", "Delete"),
  "eks:createFargateProfile": eksNodegroupOrProfile("FargateProfile", "Create"),
  "eks:deleteFargateProfile": eksNodegroupOrProfile("FargateProfile", "Delete"),
  "eks:runJob": { ...job(["request-response", "sync", "callback"], () => ({ start: [] })), note: KUBERNETES_API },
  "eks:call": { ...job(["request-response"], () => ({ start: [] })), note: KUBERNETES_API },
  "elasticmapreduce:addStep": job(["request-response", "sync"], (c) => ({
    start: [{ actions: ["elasticmapreduce:AddJobFlowSteps"], resources: emrCluster(c) }],
    sync: [{ actions: ["elasticmapreduce:DescribeStep", "elasticmapreduce:CancelSteps"], resources: emrCluster(c) }],
    rule: "StepFunctionsGetEventForEMRAddJobFlowStepsRule",
  })),
  "elasticmapreduce:cancelStep": job(["request-response"], (c) => ({
    start: [{ actions: ["elasticmapreduce:CancelSteps"], resources: emrCluster(c) }],
  })),
  "elasticmapreduce:createCluster": job(
    ["request-response", "sync"],
    (c) => ({
      start: [
        // RunJobFlow has no resource type in IAM: only "*" matches it. The new cluster's ID is unknown.
        { actions: ["elasticmapreduce:RunJobFlow"], resources: ["*"] },
        {
          actions: ["elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"],
          resources: [arn(c, "elasticmapreduce", "cluster/*")],
        },
        // Each role goes to a different service (as in AWS's AmazonEMRFullAccessPolicy_v2): the
        // service role to EMR, the instance profile's role to EC2, the scaling role to Application Auto Scaling.
        passRole(c, ["ServiceRole"], "elasticmapreduce.amazonaws.com"),
        passRole(c, ["JobFlowRole"], "ec2.amazonaws.com", [`arn:${c.partition}:iam::${c.account}:role/EMR_EC2_DefaultRole`]),
        ...(c.args.value("AutoScalingRole").kind === "absent"
          ? []
          : [passRole(c, ["AutoScalingRole"], "application-autoscaling.amazonaws.com")]),
      ],
      rule: "StepFunctionsGetEventForEMRRunJobFlowRule",
    }),
    [
      tagsOn(
        "elasticmapreduce",
        "cluster/*",
        "RunJobFlow",
        'AWS: "To create a cluster with a tag, you must also have permission for the elasticmapreduce:AddTags action" (Amazon EMR Management Guide, cluster tags and IAM).',
      ),
    ],
  ),
  "elasticmapreduce:terminateCluster": job(["request-response", "sync"], (c) => ({
    start: [{ actions: ["elasticmapreduce:TerminateJobFlows"], resources: emrCluster(c) }],
    sync: [{ actions: ["elasticmapreduce:DescribeCluster"], resources: emrCluster(c) }],
    rule: "StepFunctionsGetEventForEMRTerminateJobFlowsRule",
  })),
  "elasticmapreduce:setClusterTerminationProtection": job(["request-response"], (c) => ({
    start: [{ actions: ["elasticmapreduce:SetTerminationProtection"], resources: emrCluster(c) }],
  })),
  "elasticmapreduce:modifyInstanceFleetByName": job(["request-response"], (c) => ({
    start: [{ actions: ["elasticmapreduce:ModifyInstanceFleet", "elasticmapreduce:ListInstanceFleets"], resources: emrCluster(c) }],
  })),
  "elasticmapreduce:modifyInstanceGroupByName": job(["request-response"], (c) => ({
    start: [{ actions: ["elasticmapreduce:ModifyInstanceGroups", "elasticmapreduce:ListInstanceGroups"], resources: emrCluster(c) }],
  })),
  "emr-containers:startJobRun": job(
    ["request-response", "sync"],
    (c) => ({
      // EMR on EKS passes no role: the job's pods assume the execution role through its trust
      // policy. What limits the roles a task may run jobs as is this condition (AWS's policy).
      start: [{ actions: ["emr-containers:StartJobRun"], resources: virtualCluster(c), ...executionRoleCondition(c) }],
      sync: [
        {
          actions: ["emr-containers:DescribeJobRun", "emr-containers:CancelJobRun"],
          resources: virtualCluster(c).map((v) => (v === "*" ? v : `${v}/jobruns/*`)),
        },
      ],
    }),
    [tagsOn("emr-containers", "/virtualclusters/*/jobruns/*", "StartJobRun", TAGS_UNVERIFIED)],
  ),
  "emr-containers:createVirtualCluster": job(
    ["request-response"],
    () => ({
      // The virtual cluster's ID does not exist before the call.
      start: [{ actions: ["emr-containers:CreateVirtualCluster"], resources: ["*"] }],
    }),
    [
      tagsOn("emr-containers", "/virtualclusters/*", "CreateVirtualCluster", TAGS_UNVERIFIED),
      // AWS's policy for createVirtualCluster: EMR on EKS creates its service-linked role on first use.
      { kind: "service-linked-role", service: "emr-containers.amazonaws.com", role: "AWSServiceRoleForAmazonEMRContainers" },
    ],
  ),
  "emr-containers:deleteVirtualCluster": job(["request-response", "sync"], (c) => ({
    start: [
      {
        actions: ["emr-containers:DeleteVirtualCluster"],
        resources: c.scope("Id", (id) => [arn(c, "emr-containers", `/virtualclusters/${id}`)]),
      },
    ],
    sync: [
      {
        actions: ["emr-containers:DescribeVirtualCluster"],
        resources: c.scope("Id", (id) => [arn(c, "emr-containers", `/virtualclusters/${id}`)]),
      },
    ],
  })),
  "emr-serverless:createApplication": job(
    ["request-response", "sync"],
    (c) => ({
      // CreateApplication has no resource type in IAM: only "*" matches it.
      start: [{ actions: ["emr-serverless:CreateApplication"], resources: ["*"] }],
      sync: [
        {
          actions: ["emr-serverless:GetApplication", "emr-serverless:DeleteApplication"],
          resources: [arn(c, "emr-serverless", "/applications/*")],
        },
      ],
      rule: "StepFunctionsGetEventsForEMRServerlessApplicationRule",
    }),
    [
      tagsOn("emr-serverless", "/applications/*", "CreateApplication", EMR_SERVERLESS_TAGS),
      // AWS's policy for createApplication: the first application creates the service-linked role.
      { kind: "service-linked-role", service: "ops.emr-serverless.amazonaws.com", role: "AWSServiceRoleForAmazonEMRServerless" },
    ],
  ),
  ...Object.fromEntries(
    (["Start", "Stop", "Delete"] as const).map((verb) => [
      `emr-serverless:${verb.toLowerCase()}Application`,
      job(["request-response", "sync"], (c) => ({
        start: [{ actions: [`emr-serverless:${verb}Application`], resources: serverlessApp(c) }],
        // An execution stopped while the application starts stops the application (AWS's policy for startApplication.sync).
        sync: [
          {
            actions: ["emr-serverless:GetApplication", ...(verb === "Start" ? ["emr-serverless:StopApplication"] : [])],
            resources: serverlessApp(c),
          },
        ],
        rule: "StepFunctionsGetEventsForEMRServerlessApplicationRule",
      })),
    ]),
  ),
  "emr-serverless:startJobRun": job(
    ["request-response", "sync"],
    (c) => ({
      start: [
        { actions: ["emr-serverless:StartJobRun"], resources: serverlessApp(c) },
        passRole(c, ["ExecutionRoleArn"], "emr-serverless.amazonaws.com"),
      ],
      sync: [
        {
          actions: ["emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"],
          resources: serverlessApp(c).map((a) => (a === "*" ? a : `${a}/jobruns/*`)),
        },
      ],
      rule: "StepFunctionsGetEventsForEMRServerlessJobRule",
    }),
    [tagsOn("emr-serverless", "/applications/*/jobruns/*", "StartJobRun", EMR_SERVERLESS_TAGS)],
  ),
  "emr-serverless:cancelJobRun": job(["request-response", "sync"], (c) => ({
    start: [{ actions: ["emr-serverless:CancelJobRun"], resources: serverlessJobRun(c) }],
    sync: [{ actions: ["emr-serverless:GetJobRun"], resources: serverlessJobRun(c) }],
    rule: "StepFunctionsGetEventsForEMRServerlessJobRule",
  })),
  "codebuild:startBuild": job(["request-response", "sync"], (c) => ({
    start: [{ actions: ["codebuild:StartBuild"], resources: codebuildProject(c) }],
    sync: [
      { actions: ["codebuild:StopBuild", "codebuild:BatchGetBuilds"], resources: codebuildProject(c) },
      // Reports belong to report groups, not to the project (IAM's resource type for BatchGetReports).
      { actions: ["codebuild:BatchGetReports"], resources: [arn(c, "codebuild", "report-group/*")] },
    ],
    rule: "StepFunctionsGetEventForCodeBuildStartBuildRule",
  })),
  "codebuild:startBuildBatch": job(["request-response", "sync"], (c) => ({
    start: [{ actions: ["codebuild:StartBuildBatch"], resources: codebuildProject(c) }],
    sync: [{ actions: ["codebuild:StopBuildBatch", "codebuild:BatchGetBuildBatches"], resources: codebuildProject(c) }],
    rule: "StepFunctionsGetEventForCodeBuildStartBuildBatchRule",
  })),
  "codebuild:stopBuild": job(["request-response"], (c) => ({
    start: [{ actions: ["codebuild:StopBuild"], resources: buildProjects(c, "Id") }],
  })),
  "codebuild:batchDeleteBuilds": job(["request-response"], (c) => ({
    start: [{ actions: ["codebuild:BatchDeleteBuilds"], resources: unique(buildProjects(c, "Ids[]")) }],
  })),
  "codebuild:batchGetReports": job(["request-response"], (c) => ({
    start: [{ actions: ["codebuild:BatchGetReports"], resources: unique(reportGroups(c, "ReportArns[]")) }],
  })),
};
