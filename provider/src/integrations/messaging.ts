/** Lambda, SQS, SNS, EventBridge, API Gateway, HTTP endpoints and Step Functions itself. */
import { arn, lambdaFunctionArns, managedRule, nameOrArn, queueArnFromUrl, unique } from "./arns";
import { SNS_KEY, SQS_KEY } from "./implied";
import type { IamContext, IntegrationTable } from "./spec";

/** Where an HTTP Task names its EventBridge connection: `InvocationConfig` or, as before it, `Authentication`. */
function connectionPath(c: IamContext): string {
  return c.args.value("InvocationConfig.ConnectionArn").kind === "absent"
    ? "Authentication.ConnectionArn"
    : "InvocationConfig.ConnectionArn";
}

export const messagingIntegrations: IntegrationTable = {
  "lambda:invoke": {
    patterns: ["request-response", "callback"],
    iam: (c) => [{ actions: ["lambda:InvokeFunction"], resources: c.scope("FunctionName", (v) => lambdaFunctionArns(c, v)) }],
  },
  "sqs:sendMessage": {
    patterns: ["request-response", "callback"],
    implies: [SQS_KEY],
    iam: (c) => [{ actions: ["sqs:SendMessage"], resources: c.scope("QueueUrl", (v) => queueArnFromUrl(c, "QueueUrl", v)) }],
  },
  "sns:publish": {
    patterns: ["request-response", "callback"],
    implies: [SNS_KEY],
    iam: (c) => {
      const topics = [...c.scope("TopicArn", (v) => [v], { whenAbsent: [] }), ...c.scope("TargetArn", (v) => [v], { whenAbsent: [] })];
      // SMS to a phone number has no resource ARN: AWS only accepts "*" for it.
      const phone = c.args.value("PhoneNumber").kind !== "absent" ? ["*"] : [];
      const resources = unique([...topics, ...phone]);
      if (resources.length === 0) c.invalid("TopicArn", "sns:publish needs TopicArn, TargetArn or PhoneNumber");
      return [{ actions: ["sns:Publish"], resources }];
    },
  },
  "events:putEvents": {
    patterns: ["request-response", "callback"],
    iam: (c) => {
      const busArn = (v: string) => [nameOrArn(v, (name) => arn(c, "events", `event-bus/${name}`))];
      const buses = c.args
        .values("Entries[].EventBusName")
        .flatMap((value) =>
          value.kind === "absent"
            ? busArn("default")
            : value.kind === "literal"
              ? busArn(value.value)
              : c.scope("Entries[].EventBusName", busArn),
        );
      return [{ actions: ["events:PutEvents"], resources: unique(buses) }];
    },
  },
  "apigateway:invoke": {
    patterns: ["request-response", "callback"],
    iam: (c) => {
      const auth = c.args.value("AuthType");
      // NO_AUTH (the default) calls the API unsigned: the role needs nothing.
      if (auth.kind === "absent" || (auth.kind === "literal" && auth.value === "NO_AUTH")) return [];
      const endpoint = c.args.value("ApiEndpoint");
      // ID.execute-api.REGION.amazonaws.com: the API lives in the endpoint's region, which may not be the machine's.
      const host = endpoint.kind === "literal" ? /^([a-z0-9]+)\.execute-api\.(?:([a-z0-9-]+)\.)?/.exec(endpoint.value) : null;
      const apiId = host?.[1];
      const part = (path: string) => {
        const value = c.args.value(path);
        return value.kind === "literal" ? value.value.replace(/^\//, "") : "*";
      };
      if (endpoint.kind === "literal" && !apiId) {
        c.invalid("ApiEndpoint", `"${endpoint.value}" is not an API Gateway endpoint (ID.execute-api.REGION.amazonaws.com)`);
        return [];
      }
      const resources = c.scope("ApiEndpoint", () => [
        arn(c, "execute-api", `${apiId}/${part("Stage")}/${part("Method")}/${part("Path")}`, host?.[2] ?? c.region),
      ]);
      return [{ actions: ["execute-api:Invoke"], resources }];
    },
  },
  "http:invoke": {
    patterns: ["request-response"],
    iam: (c) => {
      const endpoint = c.args.value("ApiEndpoint");
      // IAM's reference gives InvokeHTTPEndpoint no resource type, so only "*" is sure to match it;
      // the conditions pin the URL and the method when they are literal.
      const method = c.args.value("Method");
      const condition = {
        ...(endpoint.kind === "literal" ? { StringLike: { "states:HTTPEndpoint": `${endpoint.value}*` } } : {}),
        ...(method.kind === "literal" ? { StringEquals: { "states:HTTPMethod": method.value.toUpperCase() } } : {}),
      };
      return [
        { actions: ["states:InvokeHTTPEndpoint"], resources: ["*"], ...(Object.keys(condition).length > 0 ? { condition } : {}) },
        { actions: ["events:RetrieveConnectionCredentials"], resources: c.scope(connectionPath(c), (v) => [v]) },
        {
          actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
          resources: [arn(c, "secretsmanager", "secret:events!connection/*")],
        },
      ];
    },
  },
  "states:startExecution": {
    patterns: ["request-response", "sync", "sync:2", "callback"],
    iam: (c) => {
      const machines = c.scope("StateMachineArn", (v) => [v]);
      const statements = [{ actions: ["states:StartExecution"], resources: machines }];
      if (c.pattern === "sync" || c.pattern === "sync:2") {
        // Executions of a machine (or of its alias/version) live under execution:NAME:*.
        const executions = machines.map((m) => (m === "*" ? "*" : `${m.replace(/:stateMachine:([^:]+).*$/, ":execution:$1")}:*`));
        statements.push({ actions: ["states:DescribeExecution", "states:StopExecution"], resources: unique(executions) });
        statements.push(managedRule(c, "StepFunctionsGetEventsForStepFunctionsExecutionRule"));
      }
      return statements;
    },
  },
};
