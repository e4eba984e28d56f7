/** The integration's credentials role: API Gateway may start synchronous executions of one machine, nothing else. */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyDocument } from "../policyDocuments";
import { whenPresent } from "../present";

/**
 * Trusted by API Gateway for this API only. `IfExists`: API Gateway has been seen assuming
 * integration credentials without the source context keys (an `aws:SourceAccount` condition then
 * fails every request with 500), so the condition binds whenever the key is present and cannot
 * break the endpoint when it is not. Across accounts, API Gateway also requires iam:PassRole on the
 * role from whoever sets the integration up.
 */
export function endpointTrustPolicy(apiExecutionArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "apigateway.amazonaws.com" },
        Action: ["sts:AssumeRole"],
        Condition: { ArnLikeIfExists: { "aws:SourceArn": `${apiExecutionArn}/*` } },
      },
    ],
  };
}

export function startSyncExecutionPolicy(stateMachineArn: string): PolicyDocument {
  return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["states:StartSyncExecution"], Resource: [stateMachineArn] }] };
}

export interface CredentialsRoleInput {
  name: string;
  apiExecutionArn: pulumi.Output<string>;
  stateMachineArn: pulumi.Input<string>;
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  parent: pulumi.Resource;
}

/** The role and its policy; integrations must wait for the policy, or the first calls are denied. */
export function credentialsRole(input: CredentialsRoleInput): { role: aws.iam.Role; policy: aws.iam.RolePolicy } {
  const role = new aws.iam.Role(
    input.name,
    {
      assumeRolePolicy: whenPresent([input.apiExecutionArn], (arn) => JSON.stringify(endpointTrustPolicy(arn))),
      description: `API Gateway credentials of ${input.name}: StartSyncExecution on one state machine`,
      tags: input.tags,
    },
    { parent: input.parent },
  );
  const policy = new aws.iam.RolePolicy(
    input.name,
    { role: role.id, policy: whenPresent([input.stateMachineArn], (arn) => JSON.stringify(startSyncExecutionPolicy(arn))) },
    { parent: input.parent },
  );
  return { role, policy };
}
