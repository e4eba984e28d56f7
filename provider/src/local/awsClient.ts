/**
 * The few AWS calls a local deployment makes, over plain HTTP: the package carries no AWS SDK, and
 * LocalStack checks no signatures, only the service named in the credential scope.
 */
import { LOCALSTACK_CREDENTIALS, LOCALSTACK_REGION } from "./localstack";

export class AwsError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${operation} answered ${status}: ${body}`);
  }
}

function authorization(service: string): string {
  return `AWS4-HMAC-SHA256 Credential=${LOCALSTACK_CREDENTIALS.accessKeyId}/20260101/${LOCALSTACK_REGION}/${service}/aws4_request, SignedHeaders=host, Signature=0`;
}

export class LocalAws {
  constructor(readonly endpoint: string) {}

  private async send(
    operation: string,
    path: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<string> {
    const response = await fetch(`${this.endpoint}${path}`, init);
    const text = await response.text();
    if (!response.ok) throw new AwsError(operation, response.status, text);
    return text;
  }

  /** The JSON protocol (Step Functions, SQS, CloudWatch Logs): `prefix.Action`. */
  async json<T = Record<string, unknown>>(service: string, target: string, body: unknown, version = "1.0"): Promise<T> {
    const text = await this.send(target, "/", {
      method: "POST",
      headers: { "Content-Type": `application/x-amz-json-${version}`, "X-Amz-Target": target, Authorization: authorization(service) },
      body: JSON.stringify(body),
    });
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** The query protocol (IAM); answers the XML body. */
  async query(service: string, action: string, version: string, params: Record<string, string>): Promise<string> {
    return this.send(`${service} ${action}`, "/", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: authorization(service) },
      body: new URLSearchParams({ Action: action, Version: version, ...params }).toString(),
    });
  }

  /** A REST-JSON API (API Gateway). */
  async rest<T = Record<string, unknown>>(service: string, method: string, path: string, body?: unknown): Promise<T> {
    const text = await this.send(`${service} ${method} ${path}`, path, {
      method,
      headers: { "Content-Type": "application/json", Authorization: authorization(service) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (text ? JSON.parse(text) : {}) as T;
  }

  sfn<T = Record<string, unknown>>(action: string, body: unknown): Promise<T> {
    return this.json<T>("states", `AWSStepFunctions.${action}`, body);
  }

  sqs<T = Record<string, unknown>>(action: string, body: unknown): Promise<T> {
    return this.json<T>("sqs", `AmazonSQS.${action}`, body);
  }

  iam(action: string, params: Record<string, string>): Promise<string> {
    return this.query("iam", action, "2010-05-08", params);
  }

  apigateway<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    return this.rest<T>("apigateway", method, path, body);
  }
}
