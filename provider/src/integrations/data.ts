/** DynamoDB, Athena, Glue and Glue DataBrew. */
import { arn, nameOrArn } from "./arns";
import { job } from "./job";
import type { IamContext, IntegrationEntry, IntegrationTable, StatementSpec } from "./spec";

const table = (c: IamContext) => c.scope("TableName", (v) => [nameOrArn(v, (name) => arn(c, "dynamodb", `table/${name}`))]);

const dynamodb = (action: string): IntegrationEntry => ({
  patterns: ["request-response"],
  iam: (c) => [{ actions: [`dynamodb:${action}`], resources: table(c) }],
});

const workgroup = (c: IamContext) =>
  c.scope("WorkGroup", (v) => [arn(c, "athena", `workgroup/${v}`)], { whenAbsent: [arn(c, "athena", "workgroup/primary")] });
const anyWorkgroup = (c: IamContext) => [arn(c, "athena", "workgroup/*")];

/** S3 access to the query result location `s3://bucket/prefix`. */
function athenaResults(c: IamContext): StatementSpec[] {
  const location = c.args.value("ResultConfiguration.OutputLocation");
  let bucket: string[] = ["*"];
  let objects: string[] = ["*"];
  if (location.kind === "literal") {
    const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(location.value);
    if (!match) {
      c.invalid("ResultConfiguration.OutputLocation", `"${location.value}" is not an S3 location (s3://bucket/prefix)`);
      return [];
    }
    bucket = [`arn:${c.partition}:s3:::${match[1]}`];
    objects = [`arn:${c.partition}:s3:::${match[1]}/${match[2]}*`];
  } else {
    c.warn(
      "dynamic-resource",
      `${c.integration}: the query result location is ${location.kind === "dynamic" ? "computed at run time" : "taken from the workgroup"}, so S3 access is granted on "*"; set ResultConfiguration.OutputLocation literally to scope it`,
    );
  }
  return [
    { actions: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"], resources: bucket },
    { actions: ["s3:GetObject", "s3:PutObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"], resources: objects },
  ];
}

function athenaCatalog(c: IamContext): StatementSpec[] {
  const catalog = c.args.value("QueryExecutionContext.Catalog");
  // No catalog means Glue's; one computed at run time could be any.
  const name = catalog.kind === "literal" ? catalog.value : catalog.kind === "absent" ? "AwsDataCatalog" : "*";
  const databases = [arn(c, "glue", "catalog"), arn(c, "glue", "database/*")];
  // Each Glue action gets only the resource types IAM authorises it on.
  return [
    { actions: ["athena:GetDataCatalog"], resources: [arn(c, "athena", `datacatalog/${name}`)] },
    { actions: ["glue:GetDatabase", "glue:GetDatabases"], resources: databases },
    {
      actions: [
        "glue:GetTable",
        "glue:GetTables",
        "glue:GetPartition",
        "glue:GetPartitions",
        "glue:BatchGetPartition",
        "glue:CreateTable",
        "glue:UpdateTable",
        "glue:BatchCreatePartition",
      ],
      resources: [...databases, arn(c, "glue", "table/*")],
    },
    // Lake Formation's data access check has no resource type.
    { actions: ["lakeformation:GetDataAccess"], resources: ["*"] },
  ];
}

const glueJob = (c: IamContext) => c.scope("JobName", (v) => [arn(c, "glue", `job/${v}`)]);
const brewJob = (c: IamContext) => c.scope("Name", (v) => [arn(c, "databrew", `job/${v}`)]);

export const dataIntegrations: IntegrationTable = {
  "dynamodb:getItem": dynamodb("GetItem"),
  "dynamodb:putItem": dynamodb("PutItem"),
  "dynamodb:updateItem": dynamodb("UpdateItem"),
  "dynamodb:deleteItem": dynamodb("DeleteItem"),
  "athena:startQueryExecution": job(["request-response", "sync"], (c) => ({
    start: [{ actions: ["athena:StartQueryExecution"], resources: workgroup(c) }, ...athenaCatalog(c), ...athenaResults(c)],
    sync: [{ actions: ["athena:GetQueryExecution", "athena:StopQueryExecution"], resources: workgroup(c) }],
  })),
  // The query execution ID does not name its workgroup.
  "athena:stopQueryExecution": job(["request-response"], (c) => ({
    start: [{ actions: ["athena:StopQueryExecution"], resources: anyWorkgroup(c) }],
  })),
  "athena:getQueryExecution": job(["request-response"], (c) => ({
    start: [{ actions: ["athena:GetQueryExecution"], resources: anyWorkgroup(c) }],
  })),
  "athena:getQueryResults": job(["request-response"], (c) => ({
    start: [
      { actions: ["athena:GetQueryResults"], resources: anyWorkgroup(c) },
      { actions: ["s3:GetObject"], resources: [`arn:${c.partition}:s3:::*`] },
    ],
  })),
  "glue:startJobRun": job(["request-response", "sync"], (c) => ({
    start: [{ actions: ["glue:StartJobRun"], resources: glueJob(c) }],
    // Glue is polled: no events rule.
    sync: [{ actions: ["glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"], resources: glueJob(c) }],
  })),
  "databrew:startJobRun": job(["request-response", "sync"], (c) => ({
    start: [{ actions: ["databrew:StartJobRun"], resources: brewJob(c) }],
    sync: [{ actions: ["databrew:ListJobRuns", "databrew:StopJobRun"], resources: brewJob(c) }],
  })),
};
