/**
 * Safe rollout: each definition change publishes a state machine version, and one alias shifts
 * traffic to it with CloudFormation's deployment preference (through aws-native), rolled back when
 * an alarm fires. By default the alarms are the workflow's own.
 */
import type { StateMachineAlias } from "@pulumi/aws-native/stepfunctions/stateMachineAlias";
import type { StateMachineVersion } from "@pulumi/aws-native/stepfunctions/stateMachineVersion";
import * as pulumi from "@pulumi/pulumi";
import type * as schema from "../schema-types";
import type { Problems } from "./errors";
import { presentText, whenPresent } from "./present";

/** AWS::StepFunctions::StateMachineAlias DeploymentPreference limits. */
const LIMITS = { percentage: [1, 99], intervalMinutes: [1, 2100], alarms: 100 } as const;
const DEFAULTS = { percentage: 10, intervalMinutes: 5, aliasName: "live" } as const;
const ALIAS_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/**
 * @pulumi/aws-native is an optional peer dependency (a large package only this option needs), so it
 * is loaded here, on first use, and a program without it fails at validation, creating nothing.
 */
const AWS_NATIVE = "@pulumi/aws-native";

interface AwsNative {
  StateMachineAlias: typeof StateMachineAlias;
  StateMachineVersion: typeof StateMachineVersion;
}
let awsNative: AwsNative | undefined;

/** The two resource classes, or undefined when the package is not installed. */
function loadAwsNative(): AwsNative | undefined {
  try {
    // Leaf modules: the package index loads every aws-native namespace (about 0.2 s at each start).
    /* eslint-disable @typescript-eslint/no-require-imports */
    awsNative ??= {
      StateMachineAlias: (require("@pulumi/aws-native/stepfunctions/stateMachineAlias") as AwsNative).StateMachineAlias,
      StateMachineVersion: (require("@pulumi/aws-native/stepfunctions/stateMachineVersion") as AwsNative).StateMachineVersion,
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
    return awsNative;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && String(error).includes(`'${AWS_NATIVE}/`);
    if (missing) return undefined;
    throw error;
  }
}

export interface PlannedDeployment {
  type: schema.DeploymentType;
  /** CANARY and LINEAR only. */
  percentage?: number;
  intervalMinutes?: number;
  aliasName: string;
  /** Explicit alarm names; undefined means the workflow's own alarms. */
  alarms?: pulumi.Input<string>[];
}

export function planDeployment(problems: Problems, deployment: schema.WorkflowDeploymentArgs | undefined): PlannedDeployment | undefined {
  if (deployment === undefined) return undefined;
  if (!loadAwsNative()) {
    problems.error(
      "missing-package",
      "deployment",
      `needs the ${AWS_NATIVE} package, which is not installed: run "npm install ${AWS_NATIVE}" in the program's directory`,
    );
  }
  const aliasName = deployment.aliasName ?? DEFAULTS.aliasName;
  if (!ALIAS_NAME.test(aliasName))
    problems.error(
      "bad-name",
      "deployment.aliasName",
      `"${aliasName}" is not a valid alias name: use 1 to 80 ASCII letters, digits, "-" or "_"`,
    );
  if (deployment.alarms !== undefined && deployment.alarms.length > LIMITS.alarms) {
    problems.error(
      "invalid-option",
      "deployment.alarms",
      `${deployment.alarms.length} alarms; a deployment watches at most ${LIMITS.alarms}`,
    );
  }
  for (const alarm of deployment.alarms ?? []) {
    if (typeof alarm === "string" && alarm.startsWith("arn:")) {
      problems.error(
        "invalid-option",
        "deployment.alarms",
        `"${alarm}" is an ARN; give alarm names: CloudWatch takes an unknown name as OK, so the deployment would never roll back`,
      );
    }
  }
  if (deployment.type === "ALL_AT_ONCE") {
    for (const key of ["percentage", "intervalMinutes"] as const) {
      if (deployment[key] !== undefined)
        problems.error(
          "invalid-option",
          `deployment.${key}`,
          "applies to CANARY and LINEAR deployments only; ALL_AT_ONCE moves all traffic at once",
        );
    }
    return { type: deployment.type, aliasName, alarms: deployment.alarms };
  }
  problems.range("deployment.percentage", deployment.percentage, ...LIMITS.percentage);
  problems.range("deployment.intervalMinutes", deployment.intervalMinutes, ...LIMITS.intervalMinutes);
  return {
    type: deployment.type,
    percentage: deployment.percentage ?? DEFAULTS.percentage,
    intervalMinutes: deployment.intervalMinutes ?? DEFAULTS.intervalMinutes,
    aliasName,
    alarms: deployment.alarms,
  };
}

export interface RolloutInput {
  name: string;
  plan: PlannedDeployment;
  stateMachineArn: pulumi.Output<string>;
  /** Changes with every definition or configuration change of the machine. */
  revisionId: pulumi.Output<string>;
  /** The workflow's own alarm names, used when the deployment names none. */
  ownAlarmNames: pulumi.Input<string>[];
  parent: pulumi.Resource;
}

export function rollout(input: RolloutInput): {
  version: StateMachineVersion;
  alias: StateMachineAlias;
} {
  const { name, plan, parent } = input;
  // planDeployment reported a missing package before anything was registered.
  const { StateMachineAlias, StateMachineVersion } = loadAwsNative()!;
  // A new revision is a new version: the provider replaces (publishes) it, the alias keeps its name.
  const version = new StateMachineVersion(
    name,
    {
      stateMachineArn: input.stateMachineArn,
      stateMachineRevisionId: input.revisionId,
      description: presentText`Revision ${input.revisionId}`,
    },
    { parent, replaceOnChanges: ["stateMachineRevisionId"] },
  );
  const alias = new StateMachineAlias(
    name,
    {
      name: plan.aliasName,
      description: `Executions start here; ${plan.type} deployments shift it to each new version`,
      deploymentPreference: {
        stateMachineVersionArn: version.arn,
        type: plan.type,
        ...(plan.percentage !== undefined ? { percentage: plan.percentage, interval: plan.intervalMinutes } : {}),
        alarms: whenPresent([plan.alarms ?? input.ownAlarmNames], (names) => names),
      },
    },
    { parent },
  );
  return { version, alias };
}
