/** DynamoDB, Athena, Glue and Glue DataBrew. */
import { arn, nameOrArn } from "./arns";
import { s3Actions } from "./implied";
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

/** The query result location: Athena reads and writes it with the caller's credentials. */
const ATHENA_RESULTS = { kind: "s3", path: "ResultConfiguration.OutputLocation", access: "read-write", prefix: true } as const;

/**
 * Athena writes query results with the caller's credentials. Without ResultConfiguration the
 * workgroup's location is used, which the definition cannot tell: S3 access on "*", with a warning.
 */
function athenaDefaultResults(c: IamContext): StatementSpec[] {
  if (c.args.value("ResultConfiguration.OutputLocation").kind !== "absent") return [];
  c.warn(
    "dynamic-resource",
    `${c.integration}: the query result location is taken from the workgroup, so S3 access is granted on "*"; set ResultConfiguration.OutputLocation literally to scope it`,
  );
  const { object, bucket } = s3Actions(ATHENA_RESULTS);
  return [
    { actions: [...bucket], resources: ["*"] },
    { actions: [...object], resources: ["*"] },
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
  "athena:startQueryExecution": job(
    ["request-response", "sync"],
    (c) => ({
      start: [{ actions: ["athena:StartQueryExecution"], resources: workgroup(c) }, ...athenaCatalog(c), ...athenaDefaultResults(c)],
      sync: [{ actions: ["athena:GetQueryExecution", "athena:StopQueryExecution"], resources: workgroup(c) }],
    }),
    [
      ATHENA_RESULTS,
      // SSE_KMS or CSE_KMS results: Athena encrypts and decrypts them with the caller's key access.
      { kind: "kms", paths: ["ResultConfiguration.EncryptionConfiguration.KmsKey"], actions: ["kms:GenerateDataKey", "kms:Decrypt"] },
    ],
  ),
  // The query execution ID does not name its workgroup.
  "athena:stopQueryExecution": job(["request-response"], (c) => ({
    start: [{ actions: ["athena:StopQueryExecution"], resources: anyWorkgroup(c) }],
  })),
  "athena:getQueryExecution": job(["request-response"], (c) => ({
    start: [{ actions: ["athena:GetQueryExecution"], resources: anyWorkgroup(c) }],
  })),
  "athena:getQueryResults": {
    ...job(["request-response"], (c) => ({
      start: [
        { actions: ["athena:GetQueryResults"], resources: anyWorkgroup(c) },
        { actions: ["s3:GetObject"], resources: [`arn:${c.partition}:s3:::*`] },
      ],
    })),
    note: "GetQueryResults reads the result objects with the caller's credentials, but its parameters (QueryExecutionId, NextToken, MaxResults) never name their location, which the query's StartQueryExecution or its workgroup chose: s3:GetObject is granted on every bucket, as in AWS's own policy for this integration. A narrower grant needs your own role (roleArn) with s3:GetObject on the result location.",
  },
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
