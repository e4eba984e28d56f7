/**
 * Talking to moto: SDK v3 clients for SQS and Step Functions (what the worker uses), and the few
 * DynamoDB and SNS calls the example definitions need, made over HTTP by hand because the repo
 * carries no SDK client for those two (moto checks no signatures, only the service in the scope).
 */
import { SFNClient } from "@aws-sdk/client-sfn";
import { SQSClient } from "@aws-sdk/client-sqs";
import { motoClientConfig } from "../../support/moto";

const REGION = "us-east-1";

function authorization(service: string): string {
  return `AWS4-HMAC-SHA256 Credential=testing/20250101/${REGION}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
}

export class MotoAws {
  readonly sqs: SQSClient;
  readonly sfn: SFNClient;

  constructor(readonly endpoint: string) {
    this.sqs = new SQSClient(motoClientConfig(endpoint, REGION));
    this.sfn = new SFNClient(motoClientConfig(endpoint, REGION));
  }

  /** A fresh client pair, for a worker whose calls a test wants to observe on their own. */
  clients(): { sqs: SQSClient; sfn: SFNClient } {
    return { sqs: new SQSClient(motoClientConfig(this.endpoint, REGION)), sfn: new SFNClient(motoClientConfig(this.endpoint, REGION)) };
  }

  destroy(): void {
    this.sqs.destroy();
    this.sfn.destroy();
  }

  async dynamodb(action: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-amz-json-1.0",
        "X-Amz-Target": `DynamoDB_20120810.${action}`,
        Authorization: authorization("dynamodb"),
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`DynamoDB ${action} answered ${response.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  }

  /** The SNS query API; answers the XML body. */
  async sns(action: string, params: Record<string, string>): Promise<string> {
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: authorization("sns") },
      body: new URLSearchParams({ Action: action, Version: "2010-03-31", ...params }).toString(),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`SNS ${action} answered ${response.status}: ${text}`);
    return text;
  }

  /** The IAM query API; answers the XML body. */
  async iam(action: string, params: Record<string, string>): Promise<string> {
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: authorization("iam") },
      body: new URLSearchParams({ Action: action, Version: "2010-05-08", ...params }).toString(),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`IAM ${action} answered ${response.status}: ${text}`);
    return text;
  }

  /**
   * A Lambda function for moto to "run": with its Docker use off, moto answers every invoke with the
   * payload it was given. The code is an empty zip, since nothing executes it; moto wants the role to exist.
   */
  async createEchoFunction(name: string): Promise<void> {
    const trust = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    };
    await this.iam("CreateRole", { RoleName: `${name}-function`, AssumeRolePolicyDocument: JSON.stringify(trust) });
    const emptyZip = Buffer.concat([Buffer.from("PK\x05\x06", "latin1"), Buffer.alloc(18)]).toString("base64");
    const response = await fetch(`${this.endpoint}/2015-03-31/functions`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: authorization("lambda") },
      body: JSON.stringify({
        FunctionName: name,
        Runtime: "nodejs22.x",
        Role: `arn:aws:iam::123456789012:role/${name}-function`,
        Handler: "index.handler",
        Code: { ZipFile: emptyZip },
      }),
    });
    if (!response.ok) throw new Error(`Lambda CreateFunction answered ${response.status}: ${await response.text()}`);
  }

  async createTable(name: string, hashKey: string): Promise<void> {
    await this.dynamodb("CreateTable", {
      TableName: name,
      KeySchema: [{ AttributeName: hashKey, KeyType: "HASH" }],
      AttributeDefinitions: [{ AttributeName: hashKey, AttributeType: "S" }],
      BillingMode: "PAY_PER_REQUEST",
    });
  }

  async getItem(table: string, key: Record<string, unknown>): Promise<unknown> {
    return (await this.dynamodb("GetItem", { TableName: table, Key: key })).Item;
  }

  async createTopic(name: string): Promise<string> {
    const xml = await this.sns("CreateTopic", { Name: name });
    const arn = /<TopicArn>([^<]+)<\/TopicArn>/.exec(xml)?.[1];
    if (!arn) throw new Error(`CreateTopic answered no TopicArn: ${xml}`);
    return arn;
  }

  /** Delivers the topic's messages to a queue without the SNS envelope. */
  async subscribeQueue(topicArn: string, queueArn: string): Promise<void> {
    await this.sns("Subscribe", {
      TopicArn: topicArn,
      Protocol: "sqs",
      Endpoint: queueArn,
      "Attributes.entry.1.key": "RawMessageDelivery",
      "Attributes.entry.1.value": "true",
    });
  }
}
