/** The derived execution role: trusted by Step Functions for this machine only, with its least-privilege policy. */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import { INLINE_POLICY_LIMIT, MANAGED_POLICY_LIMIT, policyDocument, policySize } from "../analysis/policy";
import type { PolicyStatement } from "../model/types";
import { distributeStatements, policyTooLarge, type PolicyLayout } from "./executionPolicy";
import { executionTrustPolicy } from "./policyDocuments";
import { whenPresent } from "./present";

export interface ExecutionRoleInput {
  name: string;
  partition: pulumi.Input<string>;
  region: pulumi.Input<string>;
  account: pulumi.Input<string>;
  namePattern: string;
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  parent: pulumi.Resource;
}

/** The role alone: its policy comes later, once the callback queues it sends to exist. */
export function executionRole(input: ExecutionRoleInput): aws.iam.Role {
  const trust = whenPresent([input.partition, input.region, input.account], (partition, region, account) =>
    JSON.stringify(executionTrustPolicy(partition, region, account, input.namePattern)),
  );
  return new aws.iam.Role(
    input.name,
    { assumeRolePolicy: trust, tags: input.tags, description: `Step Functions execution role of ${input.name}` },
    { parent: input.parent },
  );
}

export interface ExecutionPolicyInput {
  name: string;
  role: aws.iam.Role;
  statements: pulumi.Output<PolicyStatement[]>;
  layout: PolicyLayout;
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  parent: pulumi.Resource;
}

/** The policy resources the state machine must wait for (logging permissions are checked when it is created). */
export function attachExecutionPolicy(input: ExecutionPolicyInput): pulumi.Resource[] {
  const { name, parent, role } = input;
  if (input.layout.kind === "inline") {
    const policy = whenPresent([input.statements], (statements) => {
      const document = policyDocument(statements);
      if (policySize(document) > INLINE_POLICY_LIMIT) {
        throw policyTooLarge(
          name,
          `the execution policy grew to ${policySize(document)} characters once values were substituted, over IAM's ${INLINE_POLICY_LIMIT}; pass roleArn`,
          false,
        );
      }
      return JSON.stringify(document);
    });
    return [new aws.iam.RolePolicy(name, { role: role.id, policy }, { parent })];
  }
  const { count } = input.layout;
  const documents = whenPresent([input.statements], (statements) => distributeStatements(name, statements, count, MANAGED_POLICY_LIMIT));
  const policies = Array.from({ length: count }, (_, i) => {
    const policy = new aws.iam.Policy(
      `${name}-${i + 1}`,
      { policy: whenPresent([documents], (docs) => JSON.stringify(docs[i])), tags: input.tags },
      { parent },
    );
    return new aws.iam.RolePolicyAttachment(`${name}-${i + 1}`, { role: role.name, policyArn: policy.arn }, { parent });
  });
  return policies;
}
