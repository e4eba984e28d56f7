/** Evaluates requests with a policy simulator we did not write (@cloud-copilot/iam-simulate, test-only). */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import type { PolicyStatement } from "../../provider/src/model/types";

export const ACCOUNT = "123456789012";
export const ROLE = "arn:aws:iam::123456789012:role/orders-flow-role";

export type Check = [action: string, resource: string, context?: Record<string, string | string[]>];

/**
 * Evaluates one request against the role's identity policy. A request into another account also
 * gets a resource policy there that allows the role everything, so the identity policy alone decides.
 */
export async function decide(statements: PolicyStatement[], [action, resource, context = {}]: Check): Promise<string> {
  const account = resource.split(":")[4] || ACCOUNT;
  const crossAccount = account !== ACCOUNT;
  const result = await runSimulation(
    {
      request: { principal: ROLE, action, resource: { resource, accountId: account }, contextVariables: context },
      identityPolicies: [{ name: "derived", policy: { Version: "2012-10-17", Statement: statements } }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(crossAccount
        ? {
            resourcePolicy: {
              Version: "2012-10-17",
              Statement: [{ Effect: "Allow", Principal: { AWS: ROLE }, Action: "*", Resource: "*" }],
            },
          }
        : {}),
    },
    {},
  );
  if (result.resultType === "error") return `error: ${result.errors.message}`;
  return result.overallResult;
}
