// The order-approval system: a STANDARD workflow that waits for reviewers through a callback
// queue, and an EXPRESS workflow that prices quotes. Run with `pulumi up`, or see it with `make demo`.
import * as fs from "node:fs";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import { Workflow } from "@sfn-workflows/pulumi";

const definition = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "definitions", file), "utf8"));

const ops = new aws.sns.Topic("ops");
const orders = new aws.dynamodb.Table("orders", {
  hashKey: "orderId",
  attributes: [{ name: "orderId", type: "S" }],
  billingMode: "PAY_PER_REQUEST",
  serverSideEncryption: { enabled: true },
});
const quotes = new aws.dynamodb.Table("quotes", {
  hashKey: "sku",
  attributes: [{ name: "sku", type: "S" }],
  billingMode: "PAY_PER_REQUEST",
  serverSideEncryption: { enabled: true },
});

const approvals = new Workflow("approvals", {
  workflowType: "STANDARD",
  definition: definition("order-approval.asl.json"),
  callbacks: { reviewers: { maxReceiveCount: 5 } },
  definitionSubstitutions: { OrdersTable: orders.name, EscalationTopic: ops.arn },
  alarms: { actions: [ops.arn] },
});

const quote = new Workflow("quote", {
  workflowType: "EXPRESS",
  definition: definition("quote.asl.json"),
  definitionSubstitutions: { QuotesTable: quotes.name, PricingFunction: "pricing" },
  alarms: { actions: [ops.arn] },
  // POST /quotes runs the workflow and answers with its output. The body alone is the input (the
  // definition reads $.sku); the pricing function's errors become statuses. Callers sign with SigV4.
  syncEndpoint: {
    path: "/quotes",
    request: { pathParameters: false, queryString: false },
    errorStatusCodes: { UnknownSku: 404, "Lambda.*": 502 },
    throttle: { rateLimit: 50, burstLimit: 100 },
  },
});

// Stack outputs, for `pulumi stack output` and StackReference consumers.
export const approvalsStateMachineArn = approvals.stateMachineArn;
export const reviewersQueueUrl = approvals.callbackQueues.apply((queues) => queues.reviewers.queueUrl);
export const reviewersQueueArn = approvals.callbackQueues.apply((queues) => queues.reviewers.queueArn);
export const workerPolicyArn = approvals.workerPolicyArn;
export const quoteStateMachineArn = quote.stateMachineArn;
export const quoteEndpointUrl = quote.endpointUrl;
