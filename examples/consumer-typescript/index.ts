// The worker service of the order-approval system, in its own stack: it reads what the approval
// stack (examples/typescript) exports through a StackReference and gives its role the worker
// policy that Workflow derived. Run the worker itself with @sfn-workflows/worker, configured from
// `workerEnvironment`.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

// `approvalStack` (e.g. acme/sfn-workflows-order-approval/prod) defaults to the approval stack of
// the same organization and stack name.
const config = new pulumi.Config();
const approvalStack = config.get("approvalStack") ?? `${pulumi.getOrganization()}/sfn-workflows-order-approval/${pulumi.getStack()}`;
const approvals = new pulumi.StackReference(approvalStack);
const output = (name: string) => approvals.requireOutput(name) as pulumi.Output<string>;

const queueUrl = output("reviewersQueueUrl");
const queueArn = output("reviewersQueueArn");
const workerPolicyArn = output("workerPolicyArn");
const stateMachineArn = output("approvalsStateMachineArn");
// The quote workflow's synchronous endpoint, for workers that price orders while reviewing them.
const quoteEndpointUrl = approvals.getOutput("quoteEndpointUrl") as pulumi.Output<string | undefined>;

// The worker runs as an ECS task; its role carries the worker policy and nothing else.
const role = new aws.iam.Role("worker", {
  description: "Order-approval reviewers' worker",
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
  }),
  tags: { workflow: stateMachineArn.apply((arn) => arn.split(":").pop() ?? arn) },
});
new aws.iam.RolePolicyAttachment("worker", { role: role.name, policyArn: workerPolicyArn });

export const workerRoleArn = role.arn;
export const workerRoleName = role.name;
export const reviewersQueueArn = queueArn;
export const workerEnvironment = {
  QUEUE_URL: queueUrl,
  STATE_MACHINE_ARN: stateMachineArn,
  QUOTE_ENDPOINT_URL: quoteEndpointUrl,
};
