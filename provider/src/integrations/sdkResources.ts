/**
 * AWS SDK calls whose resource a parameter names literally, as ARN templates (IAM prefix and SDK
 * action): `{Param}` is the parameter's value, `{Param=default}` its value or the API's default.
 * Each template is one of the action's resource types in AWS's IAM data (tests/unit/iamData.test.ts).
 */
import { arn } from "./arns";
import type { IamContext } from "./spec";

const each = (actions: readonly string[], template: string) => Object.fromEntries(actions.map((action) => [action, template]));

export const SDK_RESOURCES: Readonly<Record<string, string>> = {
  ...each(["glue:startCrawler", "glue:stopCrawler", "glue:getCrawler", "glue:updateCrawler", "glue:deleteCrawler"], "crawler/{Name}"),
  ...each(["glue:startJobRun", "glue:getJobRun", "glue:getJobRuns", "glue:batchStopJobRun", "glue:getJob"], "job/{JobName}"),
  ...each(["glue:startWorkflowRun", "glue:getWorkflowRun", "glue:getWorkflow"], "workflow/{Name}"),
  ...each(["glue:startTrigger", "glue:stopTrigger", "glue:getTrigger"], "trigger/{Name}"),
  ...each(
    ["scheduler:createSchedule", "scheduler:updateSchedule", "scheduler:deleteSchedule", "scheduler:getSchedule"],
    "schedule/{GroupName=default}/{Name}",
  ),
  ...each(
    [
      "emr-serverless:startJobRun",
      "emr-serverless:startApplication",
      "emr-serverless:stopApplication",
      "emr-serverless:getApplication",
      "emr-serverless:updateApplication",
      "emr-serverless:deleteApplication",
      "emr-serverless:listJobRuns",
    ],
    "/applications/{ApplicationId}",
  ),
  ...each(["emr-serverless:getJobRun", "emr-serverless:cancelJobRun"], "/applications/{ApplicationId}/jobruns/{JobRunId}"),
  ...each(["emr-containers:startJobRun", "emr-containers:listJobRuns"], "/virtualclusters/{VirtualClusterId}"),
  ...each(["emr-containers:describeJobRun", "emr-containers:cancelJobRun"], "/virtualclusters/{VirtualClusterId}/jobruns/{Id}"),
  ...each(["emr-containers:describeVirtualCluster", "emr-containers:deleteVirtualCluster"], "/virtualclusters/{Id}"),
  ...each(
    [
      "cloudformation:updateStackSet",
      "cloudformation:deleteStackSet",
      "cloudformation:describeStackSet",
      "cloudformation:createStackInstances",
      "cloudformation:updateStackInstances",
      "cloudformation:deleteStackInstances",
      "cloudformation:listStackInstances",
    ],
    "stackset/{StackSetName}:*",
  ),
  ...each(["cloudformation:createStack", "cloudformation:updateStack", "cloudformation:deleteStack"], "stack/{StackName}/*"),
  ...each(["codebuild:startBuild", "codebuild:startBuildBatch"], "project/{ProjectName}"),
  ...each(["ssm:getParameter", "ssm:putParameter", "ssm:deleteParameter", "ssm:getParameterHistory"], "parameter/{Name}"),
  ...each(["kinesis:putRecord", "kinesis:putRecords", "kinesis:describeStream"], "stream/{StreamName}"),
  ...each(["firehose:putRecord", "firehose:putRecordBatch"], "deliverystream/{DeliveryStreamName}"),
  ...each(["logs:putLogEvents", "logs:createLogStream"], "log-group:{LogGroupName}:log-stream:{LogStreamName}"),
  ...each(["athena:getQueryExecution", "athena:getQueryResults", "athena:stopQueryExecution"], "workgroup/*"),
  ...each(["databrew:startJobRun", "databrew:stopJobRun", "databrew:describeJobRun"], "job/{Name}"),
};

const VARIABLE = /\{([A-Za-z]+)(?:=([^}]*))?\}/g;

/**
 * The resources a call's template gives: literal parameters fill it, one computed at run time
 * widens its part to `*` (with a warning), a parameter given as an ARN is the resource. Undefined
 * when the call has no template or a required parameter is absent.
 */
export function sdkTemplateResources(c: IamContext, prefix: string, action: string): string[] | undefined {
  const template = SDK_RESOURCES[`${prefix}:${action}`];
  if (template === undefined) return undefined;
  const names = Array.from(template.matchAll(VARIABLE), (m) => ({ name: m[1], fallback: m[2] }));
  if (names.some(({ name, fallback }) => fallback === undefined && c.args.value(name).kind === "absent")) return undefined;
  const single = names.length === 1 ? c.args.value(names[0].name) : undefined;
  if (single?.kind === "literal" && single.value.startsWith("arn:")) return [single.value];
  const values = new Map(
    names.map(({ name, fallback }) => {
      const found = c.scope(name, (v) => [v.replace(/^\//, "")], { whenAbsent: fallback === undefined ? [] : [fallback] });
      return [name, found[0] ?? "*"];
    }),
  );
  return [
    arn(
      c,
      prefix,
      template.replace(VARIABLE, (_, name: string) => values.get(name) ?? "*"),
    ),
  ];
}
