/** One CloudWatch alarm with the package's defaults; every alarm the components create goes through here. */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import type { AlarmActions } from "./args";

export interface AlarmSpec {
  description: pulumi.Input<string>;
  namespace: string;
  metricName: pulumi.Input<string>;
  dimensions?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  statistic: "Sum" | "Maximum";
  threshold: number;
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  treatMissingData: string;
}

export function metricAlarm(
  name: string,
  spec: AlarmSpec,
  actions: AlarmActions,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
): aws.cloudwatch.MetricAlarm {
  return new aws.cloudwatch.MetricAlarm(
    name,
    {
      alarmDescription: spec.description,
      namespace: spec.namespace,
      metricName: spec.metricName,
      dimensions: spec.dimensions,
      statistic: spec.statistic,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      threshold: spec.threshold,
      period: spec.period,
      evaluationPeriods: spec.evaluationPeriods,
      datapointsToAlarm: spec.datapointsToAlarm,
      treatMissingData: spec.treatMissingData,
      alarmActions: actions.actions ?? [],
      okActions: actions.okActions ?? [],
      insufficientDataActions: actions.insufficientDataActions ?? [],
      tags,
    },
    { parent },
  );
}
