/**
 * Statements a task's parameters imply (the integration table's `implies` data): roles passed,
 * tags, S3 locations, KMS keys, guardrails, service-linked roles; and literal AWS SDK identifiers
 * turned into ARNs. Exact statements, literal and computed values, JSONPath and JSONata.
 */
import assert from "node:assert/strict";
import { analyze } from "../../provider/src/analysis/analyze";
import type { PolicyStatement } from "../../provider/src/model/types";
import { ACCOUNT, allow, canonical, REGION, STATE, taskDefinition } from "./integration-cases";

const OPTIONS = { region: REGION, account: ACCOUNT, stateMachineName: "orders-flow" } as const;
const ARN = `${REGION}:${ACCOUNT}`;

function run(resource: string, parameters: Record<string, unknown>) {
  return analyze(taskDefinition(resource, parameters), OPTIONS);
}

/** The statements of a task that carry one of these actions. */
function withAction(statements: readonly PolicyStatement[], ...actions: string[]): PolicyStatement[] {
  return canonical(statements.filter((statement) => statement.Action.some((action) => actions.includes(action))));
}

const rules = (analysis: ReturnType<typeof run>) => analysis.warnings.map((warning) => warning.rule);

describe("statements a task's parameters imply", () => {
  describe("roles handed to the service", () => {
    it("a literal role ARN or name: iam:PassRole on exactly it, for the service that receives it", () => {
      const analysis = run("arn:aws:states:::aws-sdk:emrserverless:startJobRun", {
        ApplicationId: "00f1a2b3c4d5e6f7",
        ExecutionRoleArn: "arn:aws:iam::123456789012:role/spark-job",
        JobDriver: {},
      });
      assert.deepEqual(analysis.errors, []);
      assert.deepEqual(withAction(analysis.statements, "iam:PassRole"), [
        allow(["iam:PassRole"], ["arn:aws:iam::123456789012:role/spark-job"], {
          StringEquals: { "iam:PassedToService": "emr-serverless.amazonaws.com" },
        }),
      ]);
      const crawler = run("arn:aws:states:::aws-sdk:glue:createCrawler", { Name: "daily", Role: "service-role/glue-crawler", Targets: {} });
      assert.deepEqual(withAction(crawler.statements, "iam:PassRole"), [
        allow(["iam:PassRole"], ["arn:aws:iam::123456789012:role/service-role/glue-crawler"], {
          StringEquals: { "iam:PassedToService": "glue.amazonaws.com" },
        }),
      ]);
    });

    it("a scheduler target's role goes to EventBridge Scheduler, and the schedule is scoped by group and name", () => {
      const analysis = run("arn:aws:states:::aws-sdk:scheduler:createSchedule", {
        Name: "nightly-report",
        ScheduleExpression: "cron(0 2 * * ? *)",
        FlexibleTimeWindow: { Mode: "OFF" },
        Target: { Arn: `arn:aws:lambda:${ARN}:function:report`, RoleArn: "arn:aws:iam::123456789012:role/scheduler-invoke" },
      });
      assert.deepEqual(analysis.warnings, []);
      assert.deepEqual(canonical(analysis.statements), [
        allow(["iam:PassRole"], ["arn:aws:iam::123456789012:role/scheduler-invoke"], {
          StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" },
        }),
        allow(["scheduler:CreateSchedule"], [`arn:aws:scheduler:${ARN}:schedule/default/nightly-report`]),
      ]);
    });

    it("a role computed at run time: the account's roles, still only for that service, and a warning", () => {
      const analysis = run("arn:aws:states:::bedrock:createModelCustomizationJob", {
        BaseModelIdentifier: "amazon.titan-text-express-v1",
        CustomModelName: "tuned",
        JobName: "tune-1",
        "RoleArn.$": "$.role",
        TrainingDataConfig: { S3Uri: "s3://training/data.jsonl" },
        OutputDataConfig: { S3Uri: "s3://training/out/" },
      });
      assert.deepEqual(withAction(analysis.statements, "iam:PassRole"), [
        allow(["iam:PassRole"], ["arn:aws:iam::123456789012:role/*"], { StringEquals: { "iam:PassedToService": "bedrock.amazonaws.com" } }),
      ]);
      assert.deepEqual(analysis.warnings, [
        {
          severity: "warning",
          rule: "dynamic-resource",
          state: STATE,
          message:
            'bedrock:createModelCustomizationJob: RoleArn.$ is computed at run time, so its permissions are granted on "arn:aws:iam::123456789012:role/*"; write the value literally (or as a ${placeholder}) to scope them',
        },
      ]);
    });

    it("STS assumes the role it is given: no iam:PassRole", () => {
      const analysis = run("arn:aws:states:::aws-sdk:sts:assumeRole", {
        RoleArn: "arn:aws:iam::123456789012:role/x",
        RoleSessionName: "s",
      });
      assert.deepEqual(withAction(analysis.statements, "iam:PassRole"), []);
    });
  });

  describe("tags on what the call creates", () => {
    it("ECS: ecs:TagResource on new tasks, for RunTask only, limited to the literal tag keys", () => {
      const analysis = run("arn:aws:states:::ecs:runTask", {
        TaskDefinition: "billing:3",
        Tags: [
          { Key: "team", Value: "billing" },
          { Key: "cost-center", Value: "42" },
        ],
      });
      assert.deepEqual(withAction(analysis.statements, "ecs:TagResource"), [
        allow(["ecs:TagResource"], [`arn:aws:ecs:${ARN}:task/*`], {
          StringEquals: { "ecs:CreateAction": "RunTask" },
          "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "cost-center"] },
        }),
      ]);
      assert.deepEqual(withAction(run("arn:aws:states:::ecs:runTask", { TaskDefinition: "billing:3" }).statements, "ecs:TagResource"), []);
    });

    it("SageMaker: AddTags only when the request has tags; computed tags leave the keys open", () => {
      const base = { TrainingJobName: "churn", RoleArn: "arn:aws:iam::123456789012:role/sm", AlgorithmSpecification: {} };
      assert.deepEqual(withAction(run("arn:aws:states:::sagemaker:createTrainingJob", base).statements, "sagemaker:AddTags"), []);
      const computed = run("arn:aws:states:::sagemaker:createTrainingJob", { ...base, "Tags.$": "$.tags" });
      assert.deepEqual(withAction(computed.statements, "sagemaker:AddTags"), [
        allow(["sagemaker:AddTags"], [`arn:aws:sagemaker:${ARN}:training-job/*`], {
          StringEquals: { "sagemaker:TaggingAction": "CreateTrainingJob" },
        }),
      ]);
    });

    it("AWS SDK: the service's tagging action (ec2:CreateTags for the creating action), tag maps and TagSpecifications", () => {
      const queue = run("arn:aws:states:::aws-sdk:sqs:createQueue", { QueueName: "jobs", Tags: { team: "ops" } });
      assert.deepEqual(withAction(queue.statements, "sqs:TagQueue"), [
        allow(["sqs:TagQueue"], ["*"], { "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } }),
      ]);
      const instances = run("arn:aws:states:::aws-sdk:ec2:runInstances", {
        ImageId: "ami-0abc",
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "worker" }] }],
      });
      assert.deepEqual(withAction(instances.statements, "ec2:CreateTags"), [
        allow(["ec2:CreateTags"], ["*"], {
          StringEquals: { "ec2:CreateAction": "RunInstances" },
          "ForAllValues:StringEquals": { "aws:TagKeys": ["Name"] },
        }),
      ]);
    });
  });

  describe("S3 locations the service uses with the caller's credentials", () => {
    it("Bedrock InvokeModel: reads the input object, writes the output object; a guardrail is applied", () => {
      const analysis = run("arn:aws:states:::bedrock:invokeModel", {
        ModelId: "amazon.titan-text-express-v1",
        Input: { S3Uri: "s3://prompts/2024/prompt.json" },
        Output: { S3Uri: "s3://answers/2024/answer.json" },
        GuardrailIdentifier: "gr0abc123",
        GuardrailVersion: "1",
      });
      assert.deepEqual(analysis.warnings, []);
      assert.deepEqual(canonical(analysis.statements), [
        allow(["bedrock:ApplyGuardrail"], [`arn:aws:bedrock:${ARN}:guardrail/gr0abc123`]),
        allow(["bedrock:InvokeModel"], ["arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"]),
        allow(["s3:AbortMultipartUpload", "s3:PutObject"], ["arn:aws:s3:::answers/2024/answer.json"]),
        allow(["s3:GetObject"], ["arn:aws:s3:::prompts/2024/prompt.json"]),
      ]);
    });

    it("a location computed at run time (JSONata): every bucket, and a warning; one that is not s3:// is an error", () => {
      const jsonata = analyze(
        taskDefinition("arn:aws:states:::bedrock:invokeModel", undefined, {
          QueryLanguage: "JSONata",
          Arguments: { ModelId: "amazon.titan-text-express-v1", Input: { S3Uri: "{% $states.input.uri %}" } },
        }),
        OPTIONS,
      );
      assert.deepEqual(withAction(jsonata.statements, "s3:GetObject"), [allow(["s3:GetObject"], ["arn:aws:s3:::*/*"])]);
      assert.deepEqual(rules(jsonata), ["dynamic-resource"]);
      const wrong = run("arn:aws:states:::bedrock:invokeModel", { ModelId: "m", Input: { S3Uri: "https://prompts/p.json" } });
      assert.deepEqual(
        wrong.errors.map((error) => error.message),
        ['bedrock:invokeModel: Input.S3Uri: "https://prompts/p.json" is not an S3 location (s3://bucket/key)'],
      );
    });

    it("Textract reads the document named by bucket and key; a computed key widens to the bucket's objects", () => {
      const analysis = run("arn:aws:states:::aws-sdk:textract:startDocumentAnalysis", {
        DocumentLocation: { S3Object: { Bucket: "scans", "Name.$": "$.key" } },
        FeatureTypes: ["TABLES"],
        OutputConfig: { S3Bucket: "scans-out", S3Prefix: "textract" },
      });
      assert.deepEqual(withAction(analysis.statements, "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation"), [
        allow(["s3:AbortMultipartUpload", "s3:PutObject"], ["arn:aws:s3:::scans-out/textract/*"]),
        allow(["s3:GetBucketLocation"], ["arn:aws:s3:::scans-out"]),
        allow(["s3:GetObject"], ["arn:aws:s3:::scans/*"]),
      ]);
    });
  });

  describe("KMS keys named in the parameters", () => {
    const athena = (key: unknown) =>
      run("arn:aws:states:::athena:startQueryExecution", {
        QueryString: "SELECT 1",
        WorkGroup: "analytics",
        ResultConfiguration: {
          OutputLocation: "s3://results/athena/",
          EncryptionConfiguration: { EncryptionOption: "SSE_KMS", ...(key as object) },
        },
      });

    it("a key ID, a key ARN, an alias (through kms:ResourceAliases) and a computed key", () => {
      assert.deepEqual(withAction(athena({ KmsKey: "1234abcd-12ab-34cd-56ef-1234567890ab" }).statements, "kms:Decrypt"), [
        allow(["kms:Decrypt", "kms:GenerateDataKey"], [`arn:aws:kms:${ARN}:key/1234abcd-12ab-34cd-56ef-1234567890ab`]),
      ]);
      const keyArn = "arn:aws:kms:eu-west-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab";
      assert.deepEqual(withAction(athena({ KmsKey: keyArn }).statements, "kms:Decrypt"), [
        allow(["kms:Decrypt", "kms:GenerateDataKey"], [keyArn]),
      ]);
      assert.deepEqual(withAction(athena({ KmsKey: "alias/athena-results" }).statements, "kms:Decrypt"), [
        allow(["kms:Decrypt", "kms:GenerateDataKey"], [`arn:aws:kms:${ARN}:key/*`], {
          "ForAnyValue:StringEquals": { "kms:ResourceAliases": ["alias/athena-results"] },
        }),
      ]);
      const computed = athena({ "KmsKey.$": "$.key" });
      assert.deepEqual(withAction(computed.statements, "kms:Decrypt"), [
        allow(["kms:Decrypt", "kms:GenerateDataKey"], ["arn:aws:kms:*:123456789012:key/*"]),
      ]);
      assert.deepEqual(rules(computed), ["dynamic-resource"]);
    });
  });

  it("service-linked roles only where AWS documents them: EMR Serverless createApplication", () => {
    const analysis = run("arn:aws:states:::emr-serverless:createApplication", { Name: "spark", ReleaseLabel: "emr-7.1.0", Type: "SPARK" });
    assert.deepEqual(withAction(analysis.statements, "iam:CreateServiceLinkedRole"), [
      allow(
        ["iam:CreateServiceLinkedRole"],
        ["arn:aws:iam::123456789012:role/aws-service-role/ops.emr-serverless.amazonaws.com/AWSServiceRoleForAmazonEMRServerless"],
        { StringLike: { "iam:AWSServiceName": "ops.emr-serverless.amazonaws.com" } },
      ),
    ]);
    assert.deepEqual(
      withAction(
        run("arn:aws:states:::emr-serverless:startApplication", { ApplicationId: "00f1" }).statements,
        "iam:CreateServiceLinkedRole",
      ),
      [],
    );
  });
});

describe("literal resources of AWS SDK calls become ARNs", () => {
  it("Glue crawlers, EMR Serverless applications, StackSets, SSM parameters", () => {
    const cases: Array<[string, Record<string, unknown>, string[], string]> = [
      ["glue:startCrawler", { Name: "daily-sales" }, ["glue:StartCrawler"], `arn:aws:glue:${ARN}:crawler/daily-sales`],
      [
        "emrserverless:startApplication",
        { ApplicationId: "00f1a2b3" },
        ["emr-serverless:StartApplication"],
        `arn:aws:emr-serverless:${ARN}:/applications/00f1a2b3`,
      ],
      [
        "cloudformation:createStackInstances",
        { StackSetName: "baseline", Accounts: [], Regions: [] },
        ["cloudformation:CreateStackInstances"],
        `arn:aws:cloudformation:${ARN}:stackset/baseline:*`,
      ],
      ["ssm:getParameter", { Name: "/app/db/url" }, ["ssm:GetParameter"], `arn:aws:ssm:${ARN}:parameter/app/db/url`],
    ];
    for (const [call, args, actions, resource] of cases) {
      const analysis = run(`arn:aws:states:::aws-sdk:${call}`, args);
      assert.deepEqual([call, analysis.warnings, analysis.statements], [call, [], [allow(actions, [resource])]]);
    }
  });

  it("a name computed at run time widens only its part; without the name the call stays on * with its warning", () => {
    const analysis = run("arn:aws:states:::aws-sdk:scheduler:deleteSchedule", { GroupName: "reports", "Name.$": "$.schedule" });
    assert.deepEqual(analysis.statements, [allow(["scheduler:DeleteSchedule"], [`arn:aws:scheduler:${ARN}:schedule/reports/*`])]);
    assert.deepEqual(rules(analysis), ["dynamic-resource"]);
    assert.deepEqual(rules(run("arn:aws:states:::aws-sdk:glue:startCrawler", {})), ["sdk-resource-wildcard"]);
  });

  it("an SDK call that an optimized integration also makes gets that entry's statements", () => {
    const parameters = { QueryString: "SELECT 1", WorkGroup: "analytics", ResultConfiguration: { OutputLocation: "s3://results/athena/" } };
    assert.deepEqual(
      run("arn:aws:states:::aws-sdk:athena:startQueryExecution", parameters).statements,
      run("arn:aws:states:::athena:startQueryExecution", parameters).statements,
    );
  });

  describe("DynamoDB", () => {
    it("transactWriteItems: each action on the tables of its items", () => {
      const analysis = run("arn:aws:states:::aws-sdk:dynamodb:transactWriteItems", {
        TransactItems: [
          { Put: { TableName: "orders", Item: {} } },
          { Update: { TableName: "stock", Key: {}, UpdateExpression: "SET n = n - :one" } },
          { ConditionCheck: { TableName: "customers", Key: {}, ConditionExpression: "attribute_exists(pk)" } },
          { Put: { TableName: "audit", Item: {} } },
        ],
      });
      assert.deepEqual(analysis.warnings, []);
      assert.deepEqual(canonical(analysis.statements), [
        allow(["dynamodb:ConditionCheckItem"], [`arn:aws:dynamodb:${ARN}:table/customers`]),
        allow(["dynamodb:PutItem"], [`arn:aws:dynamodb:${ARN}:table/audit`, `arn:aws:dynamodb:${ARN}:table/orders`]),
        allow(["dynamodb:UpdateItem"], [`arn:aws:dynamodb:${ARN}:table/stock`]),
      ]);
    });

    it("batchWriteItem: the tables are RequestItems' keys; putItem never reaches an index, query only the one named", () => {
      const batch = run("arn:aws:states:::aws-sdk:dynamodb:batchWriteItem", { RequestItems: { orders: [], audit: [] } });
      assert.deepEqual(batch.statements, [
        allow(["dynamodb:BatchWriteItem"], [`arn:aws:dynamodb:${ARN}:table/audit`, `arn:aws:dynamodb:${ARN}:table/orders`]),
      ]);
      assert.deepEqual(run("arn:aws:states:::aws-sdk:dynamodb:putItem", { TableName: "orders", Item: {} }).statements, [
        allow(["dynamodb:PutItem"], [`arn:aws:dynamodb:${ARN}:table/orders`]),
      ]);
      assert.deepEqual(run("arn:aws:states:::aws-sdk:dynamodb:query", { TableName: "orders", IndexName: "by-customer" }).statements, [
        allow(["dynamodb:Query"], [`arn:aws:dynamodb:${ARN}:table/orders`, `arn:aws:dynamodb:${ARN}:table/orders/index/by-customer`]),
      ]);
    });
  });
});
