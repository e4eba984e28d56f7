/** ECS, Batch, EKS, EMR (on EC2, on EKS, Serverless) and CodeBuild. */
import { allow, managedRule, passRole, serviceLinkedRole, type IntegrationCase } from "./helpers";

const CLUSTER = "arn:aws:eks:us-east-1:123456789012:cluster/analytics";
const EMR_CLUSTER = "arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/j-1A2B3C4D5E6F";
const VIRTUAL_CLUSTER = "arn:aws:emr-containers:us-east-1:123456789012:/virtualclusters/vc0123456789abcdef";
const SERVERLESS_APP = "arn:aws:emr-serverless:us-east-1:123456789012:/applications/00f1a2b3c4d5e6f7";
const K8S = {
  ClusterName: "analytics",
  CertificateAuthority: "LS0tLS1CRUdJTg==",
  Endpoint: "https://ABCDEF.gr7.us-east-1.eks.amazonaws.com",
};
const EMR_RULE = (name: string) => managedRule(`arn:aws:events:us-east-1:123456789012:rule/${name}`);

export const COMPUTE_CASES: readonly IntegrationCase[] = [
  {
    integration: "ecs:runTask",
    args: {
      Cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/main",
      TaskDefinition: "billing:3",
      LaunchType: "FARGATE",
      Overrides: {
        TaskRoleArn: "arn:aws:iam::123456789012:role/billing-task",
        ExecutionRoleArn: "arn:aws:iam::123456789012:role/billing-exec",
      },
    },
    patterns: ["request-response", "sync", "callback"],
    statements: [
      allow(["ecs:RunTask"], ["arn:aws:ecs:us-east-1:123456789012:task-definition/billing:3"]),
      passRole(["arn:aws:iam::123456789012:role/billing-exec", "arn:aws:iam::123456789012:role/billing-task"], "ecs-tasks.amazonaws.com"),
    ],
    syncAdds: [
      allow(["ecs:DescribeTasks", "ecs:StopTask"], ["*"]),
      managedRule("arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule"),
    ],
  },
  {
    integration: "batch:submitJob",
    args: { JobName: "nightly-report", JobDefinition: "report", JobQueue: "default-queue" },
    patterns: ["request-response", "sync"],
    statements: [
      allow(
        ["batch:SubmitJob"],
        [
          "arn:aws:batch:us-east-1:123456789012:job-definition/report",
          "arn:aws:batch:us-east-1:123456789012:job-definition/report:*",
          "arn:aws:batch:us-east-1:123456789012:job-queue/default-queue",
        ],
      ),
    ],
    syncAdds: [
      allow(["batch:DescribeJobs", "batch:TerminateJob"], ["*"]),
      managedRule("arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForBatchJobsRule"),
    ],
  },
  {
    integration: "eks:createCluster",
    args: {
      Name: "analytics",
      RoleArn: "arn:aws:iam::123456789012:role/eks-cluster",
      ResourcesVpcConfig: { SubnetIds: ["subnet-0a1b2c3d"] },
    },
    patterns: ["request-response", "sync"],
    statements: [
      allow(["eks:CreateCluster"], ["*"]),
      passRole(["arn:aws:iam::123456789012:role/eks-cluster"], "eks.amazonaws.com"),
      // AWS's page for EKS: the first cluster, node group or Fargate profile creates EKS's service-linked role.
      serviceLinkedRole("eks.amazonaws.com", "AWSServiceRoleForAmazonEKS"),
    ],
    syncAdds: [allow(["eks:DeleteCluster", "eks:DescribeCluster"], [CLUSTER])],
  },
  {
    integration: "eks:deleteCluster",
    args: { Name: "analytics" },
    patterns: ["request-response", "sync"],
    statements: [allow(["eks:DeleteCluster"], [CLUSTER])],
    syncAdds: [allow(["eks:DescribeCluster"], [CLUSTER])],
  },
  {
    integration: "eks:createNodegroup",
    args: {
      ClusterName: "analytics",
      NodegroupName: "workers",
      NodeRole: "arn:aws:iam::123456789012:role/eks-node",
      Subnets: ["subnet-0a1b2c3d"],
    },
    patterns: ["request-response", "sync"],
    statements: [
      allow(["eks:CreateNodegroup"], [CLUSTER]),
      allow(["ec2:DescribeSubnets"], ["*"]),
      allow(["iam:GetRole", "iam:ListAttachedRolePolicies"], ["arn:aws:iam::123456789012:role/eks-node"]),
      passRole(["arn:aws:iam::123456789012:role/eks-node"], "eks.amazonaws.com"),
      serviceLinkedRole("eks-nodegroup.amazonaws.com", "AWSServiceRoleForAmazonEKSNodegroup"),
    ],
    syncAdds: [
      allow(["eks:DeleteNodegroup", "eks:DescribeNodegroup"], ["arn:aws:eks:us-east-1:123456789012:nodegroup/analytics/workers/*"]),
    ],
  },
  {
    integration: "eks:deleteNodegroup",
    args: { ClusterName: "analytics", NodegroupName: "workers" },
    patterns: ["request-response", "sync"],
    statements: [allow(["eks:DeleteNodegroup"], ["arn:aws:eks:us-east-1:123456789012:nodegroup/analytics/workers/*"])],
    syncAdds: [allow(["eks:DescribeNodegroup"], ["arn:aws:eks:us-east-1:123456789012:nodegroup/analytics/workers/*"])],
  },
  {
    integration: "eks:createFargateProfile",
    args: {
      ClusterName: "analytics",
      FargateProfileName: "batch",
      PodExecutionRoleArn: "arn:aws:iam::123456789012:role/eks-pods",
      Selectors: [{ Namespace: "batch" }],
    },
    patterns: ["request-response", "sync"],
    statements: [
      allow(["eks:CreateFargateProfile"], [CLUSTER]),
      passRole(["arn:aws:iam::123456789012:role/eks-pods"], "eks.amazonaws.com"),
      serviceLinkedRole("eks-fargate.amazonaws.com", "AWSServiceRoleForAmazonEKSForFargate"),
    ],
    syncAdds: [allow(["eks:DescribeFargateProfile"], ["arn:aws:eks:us-east-1:123456789012:fargateprofile/analytics/batch/*"])],
  },
  {
    integration: "eks:deleteFargateProfile",
    args: { ClusterName: "analytics", FargateProfileName: "batch" },
    patterns: ["request-response", "sync"],
    statements: [allow(["eks:DeleteFargateProfile"], ["arn:aws:eks:us-east-1:123456789012:fargateprofile/analytics/batch/*"])],
    syncAdds: [allow(["eks:DescribeFargateProfile"], ["arn:aws:eks:us-east-1:123456789012:fargateprofile/analytics/batch/*"])],
  },
  {
    integration: "eks:runJob",
    args: { ...K8S, Namespace: "jobs", Job: { apiVersion: "batch/v1", kind: "Job", metadata: { name: "report" } } },
    patterns: ["request-response", "sync", "callback"],
    // The cluster's Kubernetes RBAC authorises the role: no IAM statement.
    statements: [],
  },
  {
    integration: "eks:call",
    args: { ...K8S, Method: "GET", Path: "/api/v1/namespaces/default/pods" },
    patterns: ["request-response"],
    statements: [],
  },
  {
    integration: "elasticmapreduce:addStep",
    args: { ClusterId: "j-1A2B3C4D5E6F", Step: { Name: "etl", HadoopJarStep: { Jar: "command-runner.jar", Args: ["spark-submit"] } } },
    patterns: ["request-response", "sync"],
    statements: [allow(["elasticmapreduce:AddJobFlowSteps"], [EMR_CLUSTER])],
    syncAdds: [
      allow(["elasticmapreduce:CancelSteps", "elasticmapreduce:DescribeStep"], [EMR_CLUSTER]),
      EMR_RULE("StepFunctionsGetEventForEMRAddJobFlowStepsRule"),
    ],
  },
  {
    integration: "elasticmapreduce:cancelStep",
    args: { ClusterId: "j-1A2B3C4D5E6F", StepId: "s-1A2B3C4D5E6F" },
    patterns: ["request-response"],
    statements: [allow(["elasticmapreduce:CancelSteps"], [EMR_CLUSTER])],
  },
  {
    integration: "elasticmapreduce:createCluster",
    args: {
      Name: "etl",
      ReleaseLabel: "emr-7.1.0",
      ServiceRole: "EMR_DefaultRole",
      JobFlowRole: "EMR_EC2_DefaultRole",
      AutoScalingRole: "EMR_AutoScaling_DefaultRole",
      Instances: { KeepJobFlowAliveWhenNoSteps: true },
    },
    patterns: ["request-response", "sync"],
    statements: [
      allow(["elasticmapreduce:RunJobFlow"], ["*"]),
      allow(
        ["elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"],
        ["arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/*"],
      ),
      passRole(["arn:aws:iam::123456789012:role/EMR_DefaultRole"], "elasticmapreduce.amazonaws.com"),
      passRole(["arn:aws:iam::123456789012:role/EMR_EC2_DefaultRole"], "ec2.amazonaws.com"),
      passRole(["arn:aws:iam::123456789012:role/EMR_AutoScaling_DefaultRole"], "application-autoscaling.amazonaws.com"),
    ],
    syncAdds: [EMR_RULE("StepFunctionsGetEventForEMRRunJobFlowRule")],
  },
  {
    integration: "elasticmapreduce:terminateCluster",
    args: { ClusterId: "j-1A2B3C4D5E6F" },
    patterns: ["request-response", "sync"],
    statements: [allow(["elasticmapreduce:TerminateJobFlows"], [EMR_CLUSTER])],
    syncAdds: [allow(["elasticmapreduce:DescribeCluster"], [EMR_CLUSTER]), EMR_RULE("StepFunctionsGetEventForEMRTerminateJobFlowsRule")],
  },
  {
    integration: "elasticmapreduce:setClusterTerminationProtection",
    args: { ClusterId: "j-1A2B3C4D5E6F", TerminationProtected: true },
    patterns: ["request-response"],
    statements: [allow(["elasticmapreduce:SetTerminationProtection"], [EMR_CLUSTER])],
  },
  {
    integration: "elasticmapreduce:modifyInstanceFleetByName",
    args: { ClusterId: "j-1A2B3C4D5E6F", InstanceFleetName: "core", InstanceFleet: { TargetOnDemandCapacity: 4 } },
    patterns: ["request-response"],
    statements: [allow(["elasticmapreduce:ListInstanceFleets", "elasticmapreduce:ModifyInstanceFleet"], [EMR_CLUSTER])],
  },
  {
    integration: "elasticmapreduce:modifyInstanceGroupByName",
    args: { ClusterId: "j-1A2B3C4D5E6F", InstanceGroupName: "core", InstanceGroup: { InstanceCount: 4 } },
    patterns: ["request-response"],
    statements: [allow(["elasticmapreduce:ListInstanceGroups", "elasticmapreduce:ModifyInstanceGroups"], [EMR_CLUSTER])],
  },
  {
    integration: "emr-containers:startJobRun",
    args: {
      VirtualClusterId: "vc0123456789abcdef",
      ExecutionRoleArn: "arn:aws:iam::123456789012:role/emr-eks-job",
      ReleaseLabel: "emr-7.1.0-latest",
      JobDriver: { SparkSubmitJobDriver: { EntryPoint: "s3://jobs/etl.py" } },
    },
    patterns: ["request-response", "sync"],
    statements: [
      allow(["emr-containers:StartJobRun"], [VIRTUAL_CLUSTER], {
        StringEquals: { "emr-containers:ExecutionRoleArn": "arn:aws:iam::123456789012:role/emr-eks-job" },
      }),
    ],
    syncAdds: [allow(["emr-containers:CancelJobRun", "emr-containers:DescribeJobRun"], [`${VIRTUAL_CLUSTER}/jobruns/*`])],
  },
  {
    integration: "emr-containers:createVirtualCluster",
    args: { Name: "analytics-vc", ContainerProvider: { Id: "analytics", Type: "EKS", Info: { EksInfo: { Namespace: "spark" } } } },
    patterns: ["request-response"],
    statements: [
      allow(["emr-containers:CreateVirtualCluster"], ["*"]),
      // AWS's policy for createVirtualCluster: EMR on EKS creates its service-linked role on first use.
      serviceLinkedRole("emr-containers.amazonaws.com", "AWSServiceRoleForAmazonEMRContainers"),
    ],
  },
  {
    integration: "emr-containers:deleteVirtualCluster",
    args: { Id: "vc0123456789abcdef" },
    patterns: ["request-response", "sync"],
    statements: [allow(["emr-containers:DeleteVirtualCluster"], [VIRTUAL_CLUSTER])],
    syncAdds: [allow(["emr-containers:DescribeVirtualCluster"], [VIRTUAL_CLUSTER])],
  },
  {
    integration: "emr-serverless:createApplication",
    args: { Name: "spark-app", ReleaseLabel: "emr-7.1.0", Type: "SPARK" },
    patterns: ["request-response", "sync"],
    statements: [
      allow(["emr-serverless:CreateApplication"], ["*"]),
      serviceLinkedRole("ops.emr-serverless.amazonaws.com", "AWSServiceRoleForAmazonEMRServerless"),
    ],
    syncAdds: [
      allow(
        ["emr-serverless:DeleteApplication", "emr-serverless:GetApplication"],
        ["arn:aws:emr-serverless:us-east-1:123456789012:/applications/*"],
      ),
      EMR_RULE("StepFunctionsGetEventsForEMRServerlessApplicationRule"),
    ],
  },
  ...(["Start", "Stop", "Delete"] as const).map((verb): IntegrationCase => ({
    integration: `emr-serverless:${verb.toLowerCase()}Application`,
    args: { ApplicationId: "00f1a2b3c4d5e6f7" },
    patterns: ["request-response", "sync"],
    statements: [allow([`emr-serverless:${verb}Application`], [SERVERLESS_APP])],
    syncAdds: [
      // An execution stopped while the application starts stops it.
      allow(["emr-serverless:GetApplication", ...(verb === "Start" ? ["emr-serverless:StopApplication"] : [])], [SERVERLESS_APP]),
      EMR_RULE("StepFunctionsGetEventsForEMRServerlessApplicationRule"),
    ],
  })),
  {
    integration: "emr-serverless:startJobRun",
    args: {
      ApplicationId: "00f1a2b3c4d5e6f7",
      ExecutionRoleArn: "arn:aws:iam::123456789012:role/emr-serverless-job",
      JobDriver: { SparkSubmit: { EntryPoint: "s3://jobs/etl.py" } },
    },
    patterns: ["request-response", "sync"],
    statements: [
      allow(["emr-serverless:StartJobRun"], [SERVERLESS_APP]),
      passRole(["arn:aws:iam::123456789012:role/emr-serverless-job"], "emr-serverless.amazonaws.com"),
    ],
    syncAdds: [
      allow(["emr-serverless:CancelJobRun", "emr-serverless:GetJobRun"], [`${SERVERLESS_APP}/jobruns/*`]),
      EMR_RULE("StepFunctionsGetEventsForEMRServerlessJobRule"),
    ],
  },
  {
    integration: "emr-serverless:cancelJobRun",
    args: { ApplicationId: "00f1a2b3c4d5e6f7", JobRunId: "00f1jobrun0001" },
    patterns: ["request-response", "sync"],
    statements: [allow(["emr-serverless:CancelJobRun"], [`${SERVERLESS_APP}/jobruns/00f1jobrun0001`])],
    syncAdds: [
      allow(["emr-serverless:GetJobRun"], [`${SERVERLESS_APP}/jobruns/00f1jobrun0001`]),
      EMR_RULE("StepFunctionsGetEventsForEMRServerlessJobRule"),
    ],
  },
  {
    integration: "codebuild:startBuild",
    args: { ProjectName: "site-build" },
    patterns: ["request-response", "sync"],
    statements: [allow(["codebuild:StartBuild"], ["arn:aws:codebuild:us-east-1:123456789012:project/site-build"])],
    syncAdds: [
      allow(["codebuild:BatchGetBuilds", "codebuild:StopBuild"], ["arn:aws:codebuild:us-east-1:123456789012:project/site-build"]),
      allow(["codebuild:BatchGetReports"], ["arn:aws:codebuild:us-east-1:123456789012:report-group/*"]),
      managedRule("arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventForCodeBuildStartBuildRule"),
    ],
  },
  {
    integration: "codebuild:startBuildBatch",
    args: { ProjectName: "site-build" },
    patterns: ["request-response", "sync"],
    statements: [allow(["codebuild:StartBuildBatch"], ["arn:aws:codebuild:us-east-1:123456789012:project/site-build"])],
    syncAdds: [
      allow(
        ["codebuild:BatchGetBuildBatches", "codebuild:StopBuildBatch"],
        ["arn:aws:codebuild:us-east-1:123456789012:project/site-build"],
      ),
      managedRule("arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule"),
    ],
  },
  {
    integration: "codebuild:stopBuild",
    args: { Id: "site-build:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" },
    patterns: ["request-response"],
    statements: [allow(["codebuild:StopBuild"], ["arn:aws:codebuild:us-east-1:123456789012:project/site-build"])],
  },
  {
    integration: "codebuild:batchDeleteBuilds",
    args: { Ids: ["site-build:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"] },
    patterns: ["request-response"],
    statements: [allow(["codebuild:BatchDeleteBuilds"], ["arn:aws:codebuild:us-east-1:123456789012:project/site-build"])],
  },
  {
    integration: "codebuild:batchGetReports",
    args: { ReportArns: ["arn:aws:codebuild:us-east-1:123456789012:report/site-tests:0f1e2d3c"] },
    patterns: ["request-response"],
    statements: [allow(["codebuild:BatchGetReports"], ["arn:aws:codebuild:us-east-1:123456789012:report-group/site-tests"])],
  },
];
