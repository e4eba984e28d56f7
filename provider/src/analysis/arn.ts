/**
 * The one ARN check every input that takes an ARN uses: partition, service, region, account and
 * the resource's shape, each problem said with the fix. Pure.
 */
import { closest } from "./suggest";

/**
 * The regions @pulumi/aws knows (its Region enum), in its order. Copied, not imported: the enum's
 * module loads every service's enums; tests/unit/arn.test.ts fails when the two differ.
 */
export const REGIONS: readonly string[] = [
  ...["af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2"],
  ...["ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7"],
  ...["ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2"],
  ...["eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1"],
  ...["us-west-2", "cn-north-1", "cn-northwest-1", "eusc-de-east-1", "us-gov-east-1", "us-gov-west-1", "us-iso-east-1", "us-iso-west-1"],
  ...["us-isob-east-1", "us-isob-west-1", "eu-isoe-west-1", "us-isof-east-1", "us-isof-south-1"],
];

/** Partitions by the prefix of their regions' names, most specific first. */
const PARTITION_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ["us-gov-", "aws-us-gov"],
  ["us-isob-", "aws-iso-b"],
  ["us-isof-", "aws-iso-f"],
  ["us-iso-", "aws-iso"],
  ["eu-isoe-", "aws-iso-e"],
  ["eusc-", "aws-eusc"],
  ["cn-", "aws-cn"],
];
export const PARTITIONS: readonly string[] = ["aws", ...new Set(PARTITION_PREFIXES.map(([, partition]) => partition))];

export function partitionOf(region: string): string {
  return PARTITION_PREFIXES.find(([prefix]) => region.startsWith(prefix))?.[1] ?? "aws";
}

const suggestion = (value: string, known: readonly string[]) => {
  const match = closest(value, known);
  return match === undefined ? "" : `; did you mean "${match}"?`;
};

export function regionProblem(region: string): string | undefined {
  if (REGIONS.includes(region)) return undefined;
  return `"${region}" is not an AWS region${suggestion(region, REGIONS)}`;
}

export function partitionProblem(partition: string): string | undefined {
  if (PARTITIONS.includes(partition)) return undefined;
  return `"${partition}" is not an AWS partition (${PARTITIONS.join(", ")})${suggestion(partition, PARTITIONS)}`;
}

export function accountProblem(account: string): string | undefined {
  return /^\d{12}$/.test(account) ? undefined : `the account "${account}" is not a 12-digit AWS account ID`;
}

export type ArnKind = "iam-role" | "kms-key" | "alarm-action" | "cognito-user-pool" | "state-machine";

interface ServiceShape {
  /** Empty for global services (IAM). */
  region: "required" | "empty";
  /** `ec2` for the EC2 alarm actions of `automate`, which have no account. */
  account: "required" | "ec2";
  resource: RegExp;
  /** Why a resource that fails `resource` is refused, where the plain reason would not say how to fix it. */
  refused?: (resource: string) => string | undefined;
}

interface ArnSpec {
  what: string;
  example: string;
  services: Readonly<Record<string, ServiceShape>>;
}

const regional = (resource: RegExp): ServiceShape => ({ region: "required", account: "required", resource });
const NAME = "[A-Za-z0-9_-]{1,80}";

const SPECS: Readonly<Record<ArnKind, ArnSpec>> = {
  "iam-role": {
    what: "an IAM role ARN",
    example: "arn:aws:iam::123456789012:role/NAME",
    services: { iam: { region: "empty", account: "required", resource: /^role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/ } },
  },
  "kms-key": {
    what: "a KMS key ARN",
    example: "arn:aws:kms:us-east-1:123456789012:key/KEY_ID",
    services: {
      kms: {
        ...regional(/^key\/[A-Za-z0-9-]{1,128}$/),
        refused: (resource) => {
          const alias = /^alias\/(.+)$/.exec(resource)?.[1];
          return alias === undefined
            ? undefined
            : `"${resource}" is an alias, which IAM statements and key policies never match against the key a request uses; give the key's ARN (aws kms describe-key --key-id alias/${alias} --query KeyMetadata.Arn)`;
        },
      },
    },
  },
  "alarm-action": {
    what: "an alarm action ARN (an SNS topic, a Lambda function, an EC2, Auto Scaling or Systems Manager action)",
    example: "arn:aws:sns:us-east-1:123456789012:TOPIC",
    services: {
      sns: regional(/^[A-Za-z0-9_-]{1,256}(?:\.fifo)?$/),
      lambda: regional(/^function:[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9$_-]{1,128})?$/),
      autoscaling: regional(/^scalingPolicy:.+$/),
      ssm: regional(/^opsitem:.+$/),
      "ssm-incidents": { region: "empty", account: "required", resource: /^response-plan\/.+$/ },
      automate: { region: "required", account: "ec2", resource: /^(?:stop|terminate|reboot|recover)$/ },
    },
  },
  "cognito-user-pool": {
    what: "a Cognito user pool ARN",
    example: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123",
    services: { "cognito-idp": regional(/^userpool\/[a-z0-9-]+_[A-Za-z0-9]+$/) },
  },
  "state-machine": {
    what: "a state machine ARN",
    example: "arn:aws:states:us-east-1:123456789012:stateMachine:NAME",
    services: { states: regional(new RegExp(`^stateMachine:${NAME}(?::${NAME})?$`)) },
  },
};

/** Parts still holding a `${...}` placeholder are filled in later, and checked by whoever fills them. */
const pending = (part: string) => part.includes("${");

/** Why `value` is not an ARN of `kind` (every reason, with the fix), or undefined when it is one. */
export function arnProblem(value: unknown, kind: ArnKind): string | undefined {
  const spec = SPECS[kind];
  const expected = `expected ${spec.what} such as ${spec.example}`;
  if (typeof value !== "string") return `${JSON.stringify(value)} is not a string; ${expected}`;
  // A placeholder may hold colons (`${AWS::Region}`): it stands for one part.
  const parts = value.replace(/\$\{[^{}]*\}/g, "${}").split(":");
  if (parts.length < 6 || parts[0] !== "arn") return `"${value}" is not an ARN; ${expected}`;
  const [, partition, service, region, account] = parts;
  const resource = parts.slice(5).join(":");
  const reasons: string[] = [];
  const shape = spec.services[service];
  if (!pending(partition)) {
    const problem = partitionProblem(partition);
    if (problem) reasons.push(`the partition ${problem}`);
  }
  if (!shape && !pending(service)) {
    reasons.push(
      `the service is "${service}", not ${Object.keys(spec.services)
        .map((s) => `"${s}"`)
        .join(" or ")}`,
    );
  }
  if (shape?.region === "empty" && region !== "") reasons.push(`${service} ARNs have no region: leave it empty (${spec.example})`);
  if (shape?.region === "required" && !pending(region)) {
    if (region === "") reasons.push("the region is missing");
    else {
      const problem = regionProblem(region);
      if (problem) reasons.push(`the region ${problem}`);
      else if (!pending(partition) && partitionOf(region) !== partition && PARTITIONS.includes(partition))
        reasons.push(`the region "${region}" is in the partition "${partitionOf(region)}", not "${partition}"`);
    }
  }
  if (shape?.account === "ec2" && account !== "ec2") reasons.push(`EC2 alarm actions read arn:PARTITION:automate:REGION:ec2:ACTION`);
  if (shape?.account === "required" && !pending(account)) {
    const problem = account === "" ? "the account is missing" : accountProblem(account);
    if (problem) reasons.push(problem);
  }
  if (shape && !pending(resource) && !shape.resource.test(resource))
    reasons.push(`the resource ${shape.refused?.(resource) ?? `"${resource}" is not ${spec.what.replace(/ ARN.*/, "")}`}`);
  return reasons.length ? `"${value}" is not ${spec.what}: ${reasons.join("; ")}; ${expected}` : undefined;
}
