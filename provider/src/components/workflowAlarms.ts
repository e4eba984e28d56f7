/** The workflow's alarms: failed and timed-out executions, and task heartbeat timeouts derived from its logs. */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import type { WorkflowAlarmsArgs } from "./args";
import { HEARTBEAT_TIMEOUT_PATTERN, METRIC_NAMESPACE } from "./defaults";
import { metricAlarm } from "./metricAlarm";
import { presentText } from "./present";
import type { PlannedAlarm } from "./alarmPlan";
import type { WorkflowPlan } from "./plan";

export interface WorkflowAlarmsInput {
  name: string;
  plan: WorkflowPlan;
  args: WorkflowAlarmsArgs;
  stateMachineArn: pulumi.Output<string>;
  stateMachineName: pulumi.Output<string>;
  logGroupName?: pulumi.Output<string>;
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  parent: pulumi.Resource;
}

/** The alarms created, by key (executionsFailed, executionsTimedOut, heartbeatTimeouts). */
export function workflowAlarms(input: WorkflowAlarmsInput): Record<string, aws.cloudwatch.MetricAlarm> {
  const { name, plan, args, parent, tags } = input;
  const alarms: Record<string, aws.cloudwatch.MetricAlarm> = {};
  const executionAlarm = (key: string, metricName: string, planned: PlannedAlarm, what: string) => {
    alarms[key] = metricAlarm(
      `${name}-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      {
        ...planned,
        description: presentText`${what} of ${input.stateMachineName}`,
        namespace: "AWS/States",
        metricName,
        dimensions: { StateMachineArn: input.stateMachineArn },
        statistic: "Sum",
      },
      args,
      tags,
      parent,
    );
  };
  if (plan.alarms.executionsFailed)
    executionAlarm("executionsFailed", "ExecutionsFailed", plan.alarms.executionsFailed, "Failed executions");
  if (plan.alarms.executionsTimedOut)
    executionAlarm("executionsTimedOut", "ExecutionsTimedOut", plan.alarms.executionsTimedOut, "Timed-out executions");
  if (plan.alarms.heartbeatTimeouts && input.logGroupName) {
    // No AWS metric counts SQS callback heartbeat timeouts per machine: count TaskTimedOut log events instead.
    const metricName = presentText`HeartbeatTimeouts-${input.stateMachineName}`;
    new aws.cloudwatch.LogMetricFilter(
      `${name}-heartbeat-timeouts`,
      {
        logGroupName: input.logGroupName,
        pattern: HEARTBEAT_TIMEOUT_PATTERN,
        metricTransformation: { namespace: METRIC_NAMESPACE, name: metricName, value: "1", unit: "Count" },
      },
      { parent },
    );
    alarms.heartbeatTimeouts = metricAlarm(
      `${name}-heartbeat-timeouts`,
      {
        ...plan.alarms.heartbeatTimeouts,
        description: presentText`Callback or activity tasks of ${input.stateMachineName} timed out (no heartbeat or result in time)`,
        namespace: METRIC_NAMESPACE,
        metricName,
        statistic: "Sum",
      },
      args,
      tags,
      parent,
    );
  }
  return alarms;
}
