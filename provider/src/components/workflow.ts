/**
 * Workflow: one ASL definition in; a state machine with its least-privilege role, callback
 * queues, logs, alarms and worker policy out. Everything is checked before the first resource.
 */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import type * as schema from "../schema-types";
import { callbackPlaceholders } from "../model/placeholders";
import type { CallbackQueueOutputs, WorkflowArgs } from "./args";
import { callbackQueueAlarmArgs } from "./alarmPlan";
import { CallbackQueue } from "./callbackQueue";
import { graphResources } from "./graphResources";
import { buildGraph } from "../graph/build";
import { renderMermaid } from "../graph/mermaid";
import { formatDiagnostic } from "./errors";
import { attachExecutionPolicy, executionRole } from "./executionRole";
import { deployedDefinition, executionPolicy, planPolicyLayout, previewStatements, roleArnWarning } from "./executionPolicy";
import { checkWhenKnown, childPath, markChecked } from "./inputChecks";
import { warnOtherAccountKey } from "./kmsKeys";
import { planWorkflow, WORKFLOW_TYPE, type WorkflowPlan } from "./plan";
import { absent, presentText, whenPresent } from "./present";
import { suspendStackTraces } from "./stackTraces";
import { userStatements, workerPolicy } from "./policyDocuments";
import { MANAGED_POLICY_LIMIT } from "../analysis/policy";
import { SyncEndpoint } from "./syncEndpoint/component";
import { workflowAlarms } from "./workflowAlarms";
import { rollout } from "./deployment";

export class Workflow extends pulumi.ComponentResource implements schema.WorkflowOutputs {
  readonly stateMachineArn: pulumi.Output<string>;
  readonly stateMachineName: pulumi.Output<string>;
  readonly roleArn: pulumi.Output<string>;
  /** Undefined when logging is OFF. */
  readonly logGroupName: pulumi.Output<string | undefined>;
  readonly callbackQueues: pulumi.Output<Record<string, CallbackQueueOutputs>>;
  /** Managed policy for callback workers; undefined when the workflow has no callback or activity task. */
  readonly workerPolicyArn: pulumi.Output<string | undefined>;
  /** Alarm ARNs by name: executionsFailed, executionsTimedOut, heartbeatTimeouts, NAME.oldestMessageAge, NAME.deadLetters. */
  readonly alarmArns: pulumi.Output<Record<string, string>>;
  /** The alias executions start through; undefined without `deployment`. */
  readonly aliasArn: pulumi.Output<string | undefined>;
  /** The sync endpoint's invoke URL; undefined without `syncEndpoint`. */
  readonly endpointUrl: pulumi.Output<string | undefined>;
  /** The workflow as a Mermaid flowchart, known before anything is created. */
  readonly diagram: pulumi.Output<string>;
  /** What the analysis decided, for tooling. */
  readonly plan: WorkflowPlan;

  constructor(name: string, args: WorkflowArgs, opts?: pulumi.ComponentResourceOptions) {
    // All checks run before anything is registered, the component included.
    const plan = planWorkflow(name, args);
    const statementsAtPreview = previewStatements(plan, args);
    const layout = planPolicyLayout(name, statementsAtPreview);
    const warnings = args.roleArn === undefined ? plan.warnings : [...plan.warnings, roleArnWarning(statementsAtPreview)];
    const resumeStackTraces = suspendStackTraces();
    try {
      super(WORKFLOW_TYPE, name, {}, opts);
      this.plan = plan;
      for (const warning of warnings) pulumi.log.warn(formatDiagnostic(warning), this);
      // ARN inputs given as Outputs are checked once known; a bad one fails naming the input.
      const known = <T>(input: string, value: pulumi.Input<T> | undefined) =>
        value === undefined ? undefined : checkWhenKnown(WORKFLOW_TYPE, name, plan.inputs, input, value);

      const tags = args.tags;
      const partition = aws.getPartitionOutput({}, { parent: this }).partition;
      const region = aws.getRegionOutput({}, { parent: this }).region;
      const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

      const roleName = `${name}-role`;
      const role =
        args.roleArn === undefined
          ? executionRole({ name: roleName, partition, region, account, namePattern: plan.namePattern, tags, parent: this })
          : undefined;
      const roleArn: pulumi.Output<string> = role ? role.arn : known("roleArn", args.roleArn as pulumi.Input<string>)!;
      const queueKeys = plan.callbacks.map((callback) =>
        known(childPath(childPath("callbacks", callback.name), "kmsKeyArn"), callback.args.kmsKeyArn),
      );
      const queueAlarmDefaults = args.alarms ?? {};
      const queueArgs = plan.callbacks.map((callback) => ({
        name: callback.name,
        args: { ...callback.args, alarms: callbackQueueAlarmArgs(queueAlarmDefaults, callback.args.alarms) },
      }));
      const queues = queueArgs.map((callback, i) => {
        const queue = new CallbackQueue(
          `${name}-${callback.name}`,
          markChecked({ ...callback.args, kmsKeyArn: queueKeys[i], senderRoleArns: [roleArn], tags }),
          { parent: this },
        );
        return [callback.name, queue] as const;
      });

      const substitutions = pulumi.output({
        ...(args.definitionSubstitutions ?? {}),
        ...Object.fromEntries(
          queues.flatMap(([callback, queue]) => {
            const names = callbackPlaceholders(callback);
            return [
              [names.queueUrl, queue.queueUrl],
              [names.queueArn, queue.queueArn],
            ];
          }),
        ),
      }) as pulumi.Output<Record<string, string>>;
      // A resource a mock left out stays absent, so the policy is left out instead of granting on "undefined".
      const extraStatements = pulumi
        .output(args.policyStatements ?? [])
        .apply((statements) => userStatements(statements, (resource) => (absent(resource) ? (resource as string) : String(resource))));
      const queueKeyArns = pulumi.output(queueKeys.filter((k) => k !== undefined));
      const policy = whenPresent(
        [partition, region, account, substitutions, queueKeyArns, extraStatements],
        (p, r, a, subs, keys, extra) => {
          const result = executionPolicy(name, args, plan, {
            partition: p,
            region: r,
            account: a,
            substitutions: subs,
            queueKeyArns: keys,
            extraStatements: extra,
          });
          for (const warning of result.newWarnings) pulumi.log.warn(formatDiagnostic(warning), this);
          return result.statements;
        },
      );

      let dependencies: pulumi.Resource[] = [];
      if (role) {
        dependencies = attachExecutionPolicy({ name: roleName, role, statements: policy, layout, tags, parent: this });
      }

      let logGroup: aws.cloudwatch.LogGroup | undefined;
      if (plan.logging.level !== "OFF") {
        const logPrefix = "name" in plan.naming ? plan.naming.name : plan.naming.prefix.replace(/-$/, "");
        const logKey = known("logging.kmsKeyArn", args.logging?.kmsKeyArn);
        if (logKey) warnOtherAccountKey(this, "logging.kmsKeyArn", logKey, account, "logs");
        logGroup = new aws.cloudwatch.LogGroup(
          name,
          {
            namePrefix: `/aws/vendedlogs/states/${logPrefix}-`,
            retentionInDays: plan.logging.retentionInDays,
            kmsKeyId: logKey,
            tags,
          },
          { parent: this },
        );
      }

      const machine = new aws.sfn.StateMachine(
        name,
        {
          ...("name" in plan.naming ? { name: plan.naming.name } : { namePrefix: plan.naming.prefix }),
          type: plan.workflowType,
          roleArn,
          definition: whenPresent([substitutions], (values) => deployedDefinition(args.definition, values)),
          loggingConfiguration: logGroup
            ? {
                level: plan.logging.level,
                includeExecutionData: plan.logging.includeExecutionData,
                logDestination: presentText`${logGroup.arn}:*`,
              }
            : { level: "OFF" },
          tracingConfiguration: { enabled: args.tracing ?? false },
          // With a deployment, versions are published by the rollout (one per revision), not here.
          publish: false,
          tags,
        },
        { parent: this, dependsOn: dependencies },
      );

      let workerPolicyArn: pulumi.Output<string | undefined> = pulumi.output(undefined);
      if (plan.workerTasks) {
        const queueArns = queues.map(([, queue]) => queue.queueArn);
        const document = whenPresent([queueArns, queueKeyArns, partition, region, account], (arns, keys, p, r, a) => {
          const exact = workerPolicy({ queueArns: arns, activityArns: plan.activityArns, kmsKeyArns: keys });
          if (JSON.stringify(exact).length <= MANAGED_POLICY_LIMIT) return JSON.stringify(exact);
          // Too many queues to list in one managed policy: all of them share the component's name prefix.
          const prefix = `arn:${p}:sqs:${r}:${a}:${name}-*`;
          pulumi.log.warn(
            `the worker policy cannot list ${arns.length} queues within IAM's ${MANAGED_POLICY_LIMIT} characters: it grants the queue actions on ${prefix}`,
            this,
          );
          return JSON.stringify(workerPolicy({ queueArns: [prefix], activityArns: plan.activityArns, kmsKeyArns: keys }));
        });
        workerPolicyArn = new aws.iam.Policy(
          `${name}-worker`,
          { description: presentText`Callback workers of ${machine.name}`, policy: document, tags },
          { parent: this },
        ).arn;
      }

      const alarms = workflowAlarms({
        name,
        plan,
        args: args.alarms ?? {},
        stateMachineArn: machine.arn,
        stateMachineName: machine.name,
        logGroupName: logGroup?.name,
        tags,
        parent: this,
      });
      const alias = plan.deployment
        ? rollout({
            name,
            plan: plan.deployment,
            stateMachineArn: machine.arn,
            revisionId: machine.revisionId,
            ownAlarmNames: Object.values(alarms).map((alarm) => alarm.name),
            parent: this,
          }).alias
        : undefined;
      // Everything that starts executions goes through the alias when there is one.
      const entryArn = alias ? alias.arn : machine.arn;
      const queueAlarms = queues.map(([callback, queue]) =>
        queue.alarmArns.apply((arns) => Object.fromEntries(Object.entries(arns).map(([key, arn]) => [`${callback}.${key}`, arn]))),
      );

      const endpoint = args.syncEndpoint
        ? new SyncEndpoint(
            `${name}-endpoint`,
            markChecked({ ...args.syncEndpoint, stateMachineArn: entryArn, tags: args.syncEndpoint.tags ?? tags }),
            { parent: this },
          )
        : undefined;

      this.stateMachineArn = machine.arn;
      this.stateMachineName = machine.name;
      this.roleArn = roleArn;
      this.logGroupName = logGroup ? logGroup.name : pulumi.output(undefined);
      this.callbackQueues = pulumi.output(
        Object.fromEntries(
          queues.map(([callback, queue]) => [
            callback,
            {
              queueUrl: queue.queueUrl,
              queueArn: queue.queueArn,
              deadLetterQueueUrl: queue.deadLetterQueueUrl,
              deadLetterQueueArn: queue.deadLetterQueueArn,
            },
          ]),
        ),
      ) as pulumi.Output<Record<string, CallbackQueueOutputs>>;
      this.workerPolicyArn = workerPolicyArn;
      this.alarmArns = pulumi
        .all([pulumi.output(Object.fromEntries(Object.entries(alarms).map(([key, alarm]) => [key, alarm.arn]))), ...queueAlarms])
        .apply(([own, ...perQueue]): Record<string, string> => Object.assign({}, own, ...perQueue));
      this.endpointUrl = endpoint ? endpoint.url : pulumi.output(undefined);
      this.aliasArn = alias ? alias.arn : pulumi.output(undefined);
      this.diagram = pulumi.output(renderMermaid(buildGraph(plan.analysis, graphResources(plan.alarms, queueArgs))));
      this.registerOutputs({
        stateMachineArn: this.stateMachineArn,
        stateMachineName: this.stateMachineName,
        roleArn: this.roleArn,
        logGroupName: this.logGroupName,
        callbackQueues: this.callbackQueues,
        workerPolicyArn: this.workerPolicyArn,
        alarmArns: this.alarmArns,
        endpointUrl: this.endpointUrl,
        aliasArn: this.aliasArn,
        diagram: this.diagram,
      });
    } finally {
      resumeStackTraces();
    }
  }
}
