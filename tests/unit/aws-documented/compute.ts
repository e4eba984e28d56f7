/**
 * EKS, EMR, EMR on EKS and EMR Serverless against AWS's policies. Sources: the archived guide
 * (awsdocs/aws-step-functions-developer-guide, doc_source/eks-iam.md, emr-iam.md, emr-eks-iam.md,
 * June 2023) and, for what it predates, today's pages "Create and manage Amazon EKS clusters with
 * Step Functions" (connect-eks.html) and "Create and manage Amazon EMR Serverless applications with
 * Step Functions" (connect-emr-serverless.html, its static-resource templates).
 */
import { A, NO_WAIT, ROLE, rule, RULE_ACTIONS, serviceLinkedRole, type Documented, type Statement } from "./shape";

const K8S = { ClusterName: "orders", CertificateAuthority: "LS0tLS1CRUdJTg==", Endpoint: "https://ABCDEF.gr7.us-east-1.eks.amazonaws.com" };
const CLUSTER = `arn:aws:eks:${A}:cluster/orders`;
const PROFILE = `arn:aws:eks:${A}:fargateprofile/orders/batch/*`;
const EMR_CLUSTER = `arn:aws:elasticmapreduce:${A}:cluster/j-1A2B3C4D5E6F`;
const VIRTUAL_CLUSTER = `arn:aws:emr-containers:${A}:/virtualclusters/abcdefghijklmnopqrstuvwxy`;
const APP = `arn:aws:emr-serverless:${A}:/applications/00fabcdef1234567`;
const APP_RULE = rule("StepFunctionsGetEventsForEMRServerlessApplicationRule");
const JOB_RULE = rule("StepFunctionsGetEventsForEMRServerlessJobRule");
const ANY_CREATE_APPLICATION = {
  "emr-serverless:CreateApplication":
    'on "*", not AWS\'s ".../*": IAM gives CreateApplication no resource type, so only "*" matches it (checked in iamData.test.ts)',
};

const EKS_SERVICE_LINKED_ROLE = {
  "iam:CreateServiceLinkedRole":
    "AWS's page for EKS, not its template: EKS creates its service-linked role on the first cluster, node group or Fargate profile of an account, and the caller then needs iam:CreateServiceLinkedRole (granted for that role only)",
};

/**
 * AWS's pages for EKS and EMR give one template for .sync and request-response: the request-response
 * task gets what starts the job, not `waits`, what waits for it or stops it.
 */
const bothPatterns = (doc: Omit<Documented, "pattern">, waits: string[]): Documented[] => [
  { ...doc, pattern: "sync" },
  { ...doc, pattern: "request-response", omitted: Object.fromEntries(waits.map((action) => [action, NO_WAIT])) },
];

/** A request-response call on the cluster: AWS's template is the same for every pattern it has. */
const onEmrCluster = (action: string, parameters: Record<string, unknown>, actions: string[]): Documented => ({
  integration: `elasticmapreduce:${action}`,
  pattern: "request-response",
  parameters: { ClusterId: "j-1A2B3C4D5E6F", ...parameters },
  aws: [[actions, [EMR_CLUSTER]]],
});

const EKS: readonly Documented[] = [
  // AWS's page documents no IAM statement for the Kubernetes API integrations: the cluster's RBAC authorises the role.
  ...(["request-response", "sync", "callback"] as const).map((pattern): Documented => ({
    integration: "eks:runJob",
    pattern,
    parameters: {
      ...K8S,
      Job: {
        apiVersion: "batch/v1",
        kind: "Job",
        metadata: { name: "report", ...(pattern === "callback" ? { annotations: { "token.$": "$$.Task.Token" } } : {}) },
      },
    },
    aws: [],
  })),
  {
    integration: "eks:call",
    pattern: "request-response",
    parameters: { ...K8S, Method: "GET", Path: "/api/v1/namespaces/default/pods" },
    aws: [],
  },
  ...bothPatterns(
    {
      integration: "eks:createCluster",
      parameters: { Name: "orders", RoleArn: ROLE("eks-service"), ResourcesVpcConfig: {} },
      aws: [
        [["eks:CreateCluster"], ["*"]],
        [["eks:DescribeCluster", "eks:DeleteCluster"], [`arn:aws:eks:${A}:cluster/*`]],
        [["iam:PassRole"], [ROLE("eks-service")]],
      ],
      added: EKS_SERVICE_LINKED_ROLE,
    },
    ["eks:DescribeCluster", "eks:DeleteCluster"],
  ),
  ...bothPatterns(
    { integration: "eks:deleteCluster", parameters: { Name: "orders" }, aws: [[["eks:DeleteCluster", "eks:DescribeCluster"], [CLUSTER]]] },
    ["eks:DescribeCluster"],
  ),
  ...bothPatterns(
    {
      integration: "eks:createNodegroup",
      parameters: { ClusterName: "orders", NodegroupName: "workers", NodeRole: ROLE("eks-nodes"), Subnets: [] },
      aws: [
        [["ec2:DescribeSubnets", "eks:CreateNodegroup"], ["*"]],
        [["eks:DescribeNodegroup", "eks:DeleteNodegroup"], [`arn:aws:eks:${A}:nodegroup/*`]],
        [["iam:GetRole", "iam:ListAttachedRolePolicies"], [ROLE("*")]],
        [["iam:PassRole"], [ROLE("eks-nodes")]],
      ],
      added: EKS_SERVICE_LINKED_ROLE,
    },
    ["eks:DescribeNodegroup", "eks:DeleteNodegroup"],
  ),
  ...bothPatterns(
    {
      integration: "eks:deleteNodegroup",
      parameters: { ClusterName: "orders", NodegroupName: "workers" },
      aws: [[["eks:DeleteNodegroup", "eks:DescribeNodegroup"], [`arn:aws:eks:${A}:nodegroup/orders/workers/*`]]],
    },
    ["eks:DescribeNodegroup"],
  ),
  // AWS's page has no template for Fargate profiles: its text asks for iam:PassRole on the pod execution role and
  // iam:CreateServiceLinkedRole; those are AWS's statements here.
  ...(["request-response", "sync"] as const).map((pattern): Documented => ({
    integration: "eks:createFargateProfile",
    pattern,
    parameters: { ClusterName: "orders", FargateProfileName: "batch", PodExecutionRoleArn: ROLE("eks-pods"), Selectors: [] },
    aws: [[["iam:PassRole"], [ROLE("eks-pods")]], serviceLinkedRole("eks-fargate.amazonaws.com", "AWSServiceRoleForAmazonEKSForFargate")],
    added: {
      "eks:CreateFargateProfile": "the call itself, on the cluster named (IAM's resource type for CreateFargateProfile)",
      ...(pattern === "sync"
        ? {
            "eks:DescribeFargateProfile": ".sync polls the new profile until it is active: on that profile (fargateprofile/CLUSTER/NAME/*)",
          }
        : {}),
    },
  })),
  // AWS's DeleteNodegroup template, for a Fargate profile (its page has none of its own for profiles).
  ...bothPatterns(
    {
      integration: "eks:deleteFargateProfile",
      parameters: { ClusterName: "orders", FargateProfileName: "batch" },
      aws: [[["eks:DeleteFargateProfile", "eks:DescribeFargateProfile"], [PROFILE]]],
    },
    ["eks:DescribeFargateProfile"],
  ),
];

const EMR: readonly Documented[] = [
  ...bothPatterns(
    {
      integration: "elasticmapreduce:addStep",
      parameters: { ClusterId: "j-1A2B3C4D5E6F", Step: {} },
      aws: [
        [["elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:DescribeStep", "elasticmapreduce:CancelSteps"], [EMR_CLUSTER]],
        rule("StepFunctionsGetEventForEMRAddJobFlowStepsRule"),
      ],
    },
    ["elasticmapreduce:DescribeStep", "elasticmapreduce:CancelSteps", ...RULE_ACTIONS],
  ),
  ...bothPatterns(
    {
      integration: "elasticmapreduce:createCluster",
      parameters: {
        Name: "nightly",
        ReleaseLabel: "emr-7.1.0",
        ServiceRole: "EMR_DefaultRole",
        JobFlowRole: "EMR_EC2_DefaultRole",
        Instances: {},
      },
      aws: [
        [["elasticmapreduce:RunJobFlow", "elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"], ["*"]],
        // One entry per role the definition names.
        [["iam:PassRole"], [ROLE("EMR_DefaultRole"), ROLE("EMR_EC2_DefaultRole")]],
        rule("StepFunctionsGetEventForEMRRunJobFlowRule"),
      ],
    },
    RULE_ACTIONS,
  ),
  ...bothPatterns(
    {
      integration: "elasticmapreduce:terminateCluster",
      parameters: { ClusterId: "j-1A2B3C4D5E6F" },
      aws: [
        [["elasticmapreduce:TerminateJobFlows", "elasticmapreduce:DescribeCluster"], [EMR_CLUSTER]],
        rule("StepFunctionsGetEventForEMRTerminateJobFlowsRule"),
      ],
    },
    ["elasticmapreduce:DescribeCluster", ...RULE_ACTIONS],
  ),
  onEmrCluster("cancelStep", { StepId: "s-1A2B3C" }, ["elasticmapreduce:CancelSteps"]),
  onEmrCluster("setClusterTerminationProtection", { TerminationProtected: true }, ["elasticmapreduce:SetTerminationProtection"]),
  onEmrCluster("modifyInstanceFleetByName", { InstanceFleetName: "core", InstanceFleet: {} }, [
    "elasticmapreduce:ModifyInstanceFleet",
    "elasticmapreduce:ListInstanceFleets",
  ]),
  onEmrCluster("modifyInstanceGroupByName", { InstanceGroupName: "core", InstanceGroup: {} }, [
    "elasticmapreduce:ModifyInstanceGroups",
    "elasticmapreduce:ListInstanceGroups",
  ]),
];

/** AWS's page for EMR on EKS and EMR Serverless gives each pattern its own template. */
const EMR_ON_EKS: readonly Documented[] = [
  {
    integration: "emr-containers:createVirtualCluster",
    pattern: "request-response",
    parameters: { Name: "vc", ContainerProvider: {} },
    aws: [
      [["emr-containers:CreateVirtualCluster"], ["*"]],
      serviceLinkedRole("emr-containers.amazonaws.com", "AWSServiceRoleForAmazonEMRContainers"),
    ],
  },
  ...(["request-response", "sync"] as const).flatMap((pattern): Documented[] => [
    {
      integration: "emr-containers:deleteVirtualCluster",
      pattern,
      parameters: { Id: "abcdefghijklmnopqrstuvwxy" },
      aws: [
        [
          pattern === "sync"
            ? ["emr-containers:DeleteVirtualCluster", "emr-containers:DescribeVirtualCluster"]
            : ["emr-containers:DeleteVirtualCluster"],
          [VIRTUAL_CLUSTER],
        ],
      ],
    },
    {
      integration: "emr-containers:startJobRun",
      pattern,
      parameters: {
        VirtualClusterId: "abcdefghijklmnopqrstuvwxy",
        ExecutionRoleArn: ROLE("spark-jobs"),
        ReleaseLabel: "emr-6.15.0-latest",
        JobDriver: {},
      },
      aws: [
        [["emr-containers:StartJobRun"], [VIRTUAL_CLUSTER]],
        ...(pattern === "sync"
          ? [[["emr-containers:DescribeJobRun", "emr-containers:CancelJobRun"], [`${VIRTUAL_CLUSTER}/jobruns/*`]] as Statement]
          : []),
      ],
    },
  ]),
];

const EMR_SERVERLESS: readonly Documented[] = [
  ...(["request-response", "sync"] as const).map((pattern): Documented => ({
    integration: "emr-serverless:createApplication",
    pattern,
    parameters: { Name: "spark", ReleaseLabel: "emr-7.1.0", Type: "SPARK" },
    aws: [
      [["emr-serverless:CreateApplication"], [`arn:aws:emr-serverless:${A}:/*`]],
      ...(pattern === "sync"
        ? [
            [
              ["emr-serverless:GetApplication", "emr-serverless:DeleteApplication"],
              [`arn:aws:emr-serverless:${A}:/applications/*`],
            ] as Statement,
            APP_RULE,
          ]
        : []),
      serviceLinkedRole("ops.emr-serverless.amazonaws.com", "AWSServiceRoleForAmazonEMRServerless"),
    ],
    added: ANY_CREATE_APPLICATION,
  })),
  ...(
    [
      ["startApplication", ["emr-serverless:StartApplication", "emr-serverless:GetApplication", "emr-serverless:StopApplication"]],
      ["stopApplication", ["emr-serverless:StopApplication", "emr-serverless:GetApplication"]],
      ["deleteApplication", ["emr-serverless:DeleteApplication", "emr-serverless:GetApplication"]],
    ] as const
  ).flatMap(([action, syncActions]): Documented[] => [
    {
      integration: `emr-serverless:${action}`,
      pattern: "sync",
      parameters: { ApplicationId: "00fabcdef1234567" },
      aws: [[[...syncActions], [APP]], APP_RULE],
    },
    {
      integration: `emr-serverless:${action}`,
      pattern: "request-response",
      parameters: { ApplicationId: "00fabcdef1234567" },
      aws: [[[syncActions[0]], [APP]]],
    },
  ]),
  ...(["request-response", "sync"] as const).flatMap((pattern): Documented[] => [
    {
      integration: "emr-serverless:startJobRun",
      pattern,
      parameters: { ApplicationId: "00fabcdef1234567", ExecutionRoleArn: ROLE("emr-serverless-jobs"), JobDriver: {} },
      aws: [
        [["emr-serverless:StartJobRun"], [APP]],
        [["iam:PassRole"], [ROLE("emr-serverless-jobs")]],
        ...(pattern === "sync"
          ? [[["emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"], [`${APP}/jobruns/*`]] as Statement, JOB_RULE]
          : []),
      ],
    },
    {
      integration: "emr-serverless:cancelJobRun",
      pattern,
      parameters: { ApplicationId: "00fabcdef1234567", JobRunId: "00fjobrun1234567" },
      aws: [
        [
          pattern === "sync" ? ["emr-serverless:CancelJobRun", "emr-serverless:GetJobRun"] : ["emr-serverless:CancelJobRun"],
          [`${APP}/jobruns/00fjobrun1234567`],
        ],
        ...(pattern === "sync" ? [JOB_RULE] : []),
      ],
    },
  ]),
];

export const COMPUTE_DOCUMENTED: readonly Documented[] = [...EKS, ...EMR, ...EMR_ON_EKS, ...EMR_SERVERLESS];
