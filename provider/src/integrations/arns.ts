/** ARN builders shared by the integration table. Values may carry `${...}` placeholders. */
import type { ArnContext } from "../model/types";
import { callbackNameOf, hasPlaceholder, placeholdersIn } from "../model/placeholders";
import type { IamContext, StatementSpec } from "./spec";

export function arn(context: ArnContext, service: string, resource: string, region = context.region, account = context.account): string {
  return `arn:${context.partition}:${service}:${region}:${account}:${resource}`;
}

const isArn = (value: string) => value.startsWith("arn:");

/** A resource named literally or by ARN: the ARN as given, or one built from the name. */
export function nameOrArn(value: string, build: (name: string) => string): string {
  return isArn(value) ? value : build(value);
}

const SQS_URL =
  /^https?:\/\/(?:sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|([a-z0-9-]+)\.queue\.amazonaws\.com(?:\.cn)?|queue\.amazonaws\.com)\/(\d{12})\/([A-Za-z0-9_-]{1,80}(?:\.fifo)?)\/?$/;

/**
 * The queue ARN for a queue URL, in the URL's own region and account. A built-in callback
 * placeholder maps to its ARN placeholder; any other placeholder is kept to be resolved later.
 */
export function queueArnFromUrl(context: IamContext, path: string, url: string): string[] {
  const placeholders = placeholdersIn(url);
  if (placeholders.length === 1 && url === `\${${placeholders[0]}}`) {
    const callback = callbackNameOf(placeholders[0]);
    if (callback) return [`\${callbacks.${callback}.queueArn}`];
  }
  if (hasPlaceholder(url)) return [url];
  const match = SQS_URL.exec(url);
  if (!match) {
    context.invalid(path, `"${url}" is not an SQS queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME)`);
    return [];
  }
  const [, region1, region2, account, name] = match;
  return [arn(context, "sqs", name, region1 ?? region2 ?? "us-east-1", account)];
}

/** Function ARNs for a name, partial ARN or ARN; an unqualified function also covers its versions and aliases. */
export function lambdaFunctionArns(context: ArnContext, value: string): string[] {
  const full = /^arn:[^:]+:lambda:[^:]+:[^:]+:function:[^:]+(:[^:]+)?$/.exec(value);
  const partial = /^(\d{12}):function:([^:]+)(:[^:]+)?$/.exec(value);
  const plain = /^([^:]+)(:[^:]+)?$/.exec(value);
  let base: string;
  let qualified: boolean;
  if (full) {
    qualified = Boolean(full[1]);
    base = value;
  } else if (partial) {
    qualified = Boolean(partial[3]);
    base = arn(context, "lambda", `function:${partial[2]}${partial[3] ?? ""}`, context.region, partial[1]);
  } else if (plain) {
    qualified = Boolean(plain[2]);
    base = arn(context, "lambda", `function:${value}`);
  } else {
    return [arn(context, "lambda", `function:${value}`)];
  }
  return qualified ? [base] : [base, `${base}:*`];
}

/** The three events actions `.sync` needs on the managed rule Step Functions creates for it. */
export function managedRule(context: IamContext, ruleName: string): StatementSpec {
  return {
    actions: ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
    resources: [arn(context, "events", `rule/${ruleName}`)],
  };
}

/** iam:PassRole on the roles named by arguments, limited to the service that receives them. */
export function passRole(context: IamContext, paths: string[], service: string, fallbackRoles?: string[]): StatementSpec {
  const roleArn = (value: string) => [nameOrArn(value, (name) => `arn:${context.partition}:iam::${context.account}:role/${name}`)];
  const accountRoles = [`arn:${context.partition}:iam::${context.account}:role/*`];
  const resources = paths.flatMap((path) => context.scope(path, roleArn, { whenAbsent: [], whenDynamic: accountRoles }));
  return {
    actions: ["iam:PassRole"],
    resources: resources.length > 0 ? unique(resources) : (fallbackRoles ?? accountRoles),
    condition: { StringEquals: { "iam:PassedToService": service } },
  };
}

export function unique<T>(items: readonly T[]): T[] {
  return Array.from(new Set(items));
}
