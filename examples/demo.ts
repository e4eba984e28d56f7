// `make demo`: what the examples would deploy, without an AWS account. Pulumi's mocks stand in for
// AWS (ids and ARNs shaped like the real ones); the components, the analysis and the policies are real.
import * as fs from "node:fs";
import * as path from "node:path";
import { styleText } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { registered, valueOf, type Registered } from "../tests/support/mocks";
import { analyze } from "@sfn-workflows/pulumi";
import type { Diagnostic, WorkflowType } from "@sfn-workflows/pulumi";

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text) : text);
const heading = (text: string) => console.log(`\n${paint("bold", `== ${text} ==`)}`);

const DEFINITIONS = path.join(__dirname, "definitions");
const TYPES: Record<string, WorkflowType> = { "quote.asl.json": "EXPRESS", "invalid-express-callback.asl.json": "EXPRESS" };

function printDiagnostic(diagnostic: Diagnostic): void {
  const mark = diagnostic.severity === "error" ? paint("red", "error  ") : paint("yellow", "warning");
  console.log(`    ${mark} ${diagnostic.state ?? "(definition)"} [${diagnostic.rule}]\n            ${diagnostic.message}`);
}

function checkDefinitions(): void {
  heading("sfn-workflows check: every example definition");
  for (const file of fs
    .readdirSync(DEFINITIONS)
    .filter((f) => f.endsWith(".asl.json"))
    .sort()) {
    const workflowType = TYPES[file] ?? "STANDARD";
    const result = analyze(fs.readFileSync(path.join(DEFINITIONS, file), "utf8"), {
      workflowType,
      region: "us-east-1",
      account: "123456789012",
    });
    const verdict = result.ok ? paint("green", "ok") : paint("red", `${result.errors.length} error(s)`);
    console.log(`\n  ${file} (${workflowType}): ${verdict}, ${result.warnings.length} warning(s)`);
    for (const diagnostic of [...result.errors, ...result.warnings]) printDiagnostic(diagnostic);
    for (const integration of result.integrations)
      console.log(`    task   ${integration.state}: ${integration.service}:${integration.action} (${integration.pattern})`);
  }
}

function describeAlarm(inputs: Record<string, unknown>): string {
  const dimensions = Object.entries((inputs.dimensions as Record<string, string>) ?? {}).map(([k, v]) => `${k}=${v}`);
  return `${inputs.namespace} ${inputs.metricName} ${inputs.statistic} >= ${inputs.threshold} over ${inputs.period} s${dimensions.length ? ` [${dimensions.join(", ")}]` : ""} -> ${(inputs.alarmActions as string[]).join(", ") || "no action"}`;
}

async function deployPlan(): Promise<void> {
  heading("pulumi up of examples/typescript (Pulumi mocks stand in for AWS)");
  const warnings: string[] = [];
  (pulumi.log as { warn: typeof pulumi.log.warn }).warn = async (message: string) => void warnings.push(message);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const program = require("./typescript/index") as Record<string, pulumi.Output<unknown>>;
  const outputs = Object.fromEntries(
    await Promise.all(Object.entries(program).map(async ([key, output]) => [key, await valueOf(output)] as const)),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));

  for (const workflow of registered.filter((r) => r.type === "sfn-workflows:index:Workflow")) {
    const own = registered.filter((r) => r !== workflow && (r.name === workflow.name || r.name.startsWith(`${workflow.name}-`)));
    console.log(`\n  ${paint("bold", `Workflow ${workflow.name}`)}: ${own.length} child resources`);
    for (const resource of own) console.log(`    ${resource.type.padEnd(46)} ${resource.name}`);
    const endpoint = own.find((r) => r.type === "sfn-workflows:index:SyncEndpoint");
    const policies = own.filter(
      (r) =>
        (r.type === "aws:iam/rolePolicy:RolePolicy" || (r.type === "aws:iam/policy:Policy" && r.name.endsWith("-role"))) &&
        r.name !== `${endpoint?.name}-role`,
    );
    for (const policy of policies)
      console.log(`\n    execution role policy (${policy.name}):\n${statements(policy.inputs.policy as string)}`);
    const worker = own.find((r) => r.type === "aws:iam/policy:Policy" && r.name.endsWith("-worker"));
    if (worker) console.log(`\n    worker policy (${worker.name}):\n${statements(worker.inputs.policy as string)}`);
    if (endpoint) describeEndpoint(endpoint.name, own);
    console.log("\n    alarms:");
    for (const alarm of own.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm"))
      console.log(`      ${alarm.name}: ${describeAlarm(alarm.inputs)}`);
  }
  console.log("\n  warnings shown by `pulumi preview`:");
  for (const warning of warnings) console.log(`    ${paint("yellow", "warning")} ${warning}`);
  if (warnings.length === 0) console.log("    (none)");
  console.log("\n  stack outputs:");
  for (const [key, value] of Object.entries(outputs)) console.log(`    ${key.padEnd(26)} ${value}`);
}

/** The route, who may call it, the statuses it answers and what its credentials role may do. */
function describeEndpoint(name: string, resources: Registered[]): void {
  const find = (type: string, resourceName = name) => resources.find((r) => r.type === type && r.name === resourceName)?.inputs;
  const rest = find("aws:apigateway/method:Method");
  const deployment = find("aws:apigateway/deployment:Deployment") ?? find("aws:apigatewayv2/deployment:Deployment");
  const authorization = rest ? rest.authorization : find("aws:apigatewayv2/route:Route")?.authorizationType;
  console.log(`\n    sync endpoint ${name}: ${rest ? "REST" : "HTTP"} API, ${deployment?.description}, authorization ${authorization}`);
  const statuses = resources.filter((r) => r.type === "aws:apigateway/methodResponse:MethodResponse").map((r) => r.inputs.statusCode);
  if (statuses.length) console.log(`      answers ${statuses.join(", ")} (status from the execution: SUCCEEDED, mapped errors, TIMED_OUT)`);
  const policy = find("aws:iam/rolePolicy:RolePolicy", `${name}-role`);
  if (policy) console.log(`      credentials role policy:\n${statements(policy.policy as string)}`);
}

/** One line per statement: effect, actions, then each resource. */
function statements(policy: string): string {
  const document = JSON.parse(policy) as {
    Statement: Array<{ Effect: string; Action: string[]; Resource: string[]; Condition?: unknown }>;
  };
  return document.Statement.map(
    (s) =>
      `      ${s.Effect} ${s.Action.join(", ")}\n${s.Resource.map((r) => `        on ${r}`).join("\n")}${s.Condition ? `\n        when ${JSON.stringify(s.Condition)}` : ""}`,
  ).join("\n");
}

checkDefinitions();
deployPlan().catch((error) => {
  console.error(error);
  process.exit(1);
});
