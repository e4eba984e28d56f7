/** The shape of one comparison with a policy AWS documents, and the values its templates are filled with. */
import type { IntegrationPattern } from "../../../provider/src/model/types";
import { ACCOUNT, REGION } from "../integration-cases";

export const A = `${REGION}:${ACCOUNT}`;
export const ROLE = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

export type Statement = [actions: string[], resources: string[]];

/** What `.sync` needs on the events rule Step Functions manages. */
export const RULE_ACTIONS = ["events:PutTargets", "events:PutRule", "events:DescribeRule"];

export const rule = (name: string): Statement => [RULE_ACTIONS, [`arn:aws:events:${A}:rule/${name}`]];

export const serviceLinkedRole = (service: string, role: string): Statement => [
  ["iam:CreateServiceLinkedRole"],
  [`arn:aws:iam::${ACCOUNT}:role/aws-service-role/${service}/${role}*`],
];

export interface Documented {
  integration: string;
  pattern: IntegrationPattern;
  parameters: Record<string, unknown>;
  /** AWS's template, placeholders filled. */
  aws: Statement[];
  /** Actions AWS lists that the role does not get, and why. */
  omitted?: Record<string, string>;
  /** Actions granted beyond AWS's template (on resources it does not cover), and why. */
  added?: Record<string, string>;
}

/** AWS's page gives one template for every pattern; request-response returns once the call is made. */
export const NO_WAIT = "request-response neither waits for the job nor stops it: AWS's page gives one template for both patterns";
