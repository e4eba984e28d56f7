/**
 * Writes docs/integrations.md from the integration table: per optimized integration, the patterns
 * it supports, the statements its entry derives for example parameters (the table's test cases),
 * and what its parameters imply; then the rules for AWS SDK calls. `tests/unit/integrationDocs.test.ts`
 * fails when the committed page and the table differ.
 *
 *   tsx tools/integration-docs/generate.ts
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import { analyze } from "../../provider/src/analysis/analyze";
import { CREATING_ACTION_KEYS, fill, s3Actions, type Implied } from "../../provider/src/integrations/implied";
import { PASSED_TO, ROLE_PATHS, SDK_IMPLIED, TAG_PATHS } from "../../provider/src/integrations/sdkImplied";
import { SDK_RESOURCES } from "../../provider/src/integrations/sdkResources";
import { OPTIMIZED_INTEGRATIONS } from "../../provider/src/integrations/table";
import type { IamContext } from "../../provider/src/integrations/spec";
import type { IntegrationPattern, PolicyStatement } from "../../provider/src/model/types";
import { callbackArgs, INTEGRATION_CASES, SUFFIX, taskDefinition } from "../../tests/unit/integration-cases";

export const OUT = path.join(__dirname, "../../docs/integrations.md");

const OPTIONS = { partition: "aws", region: "REGION", account: "ACCOUNT", stateMachineName: "MACHINE" };
const PLACES = { partition: "aws", region: "REGION", account: "ACCOUNT" } as IamContext;

const code = (text: string) => `\`${text.replace(/\|/g, "\\|")}\``;
const label = (pattern: IntegrationPattern) => (pattern === "request-response" ? "request-response" : SUFFIX[pattern]);

function statementRow(statement: PolicyStatement): string {
  const condition = statement.Condition ? code(JSON.stringify(statement.Condition)) : "";
  return `| ${statement.Action.map(code).join(", ")} | ${statement.Resource.map(code).join("<br>")} | ${condition} |`;
}

/** One implied rule in words. */
export function describeImplied(rule: Implied): string {
  switch (rule.kind) {
    case "pass-role":
      return `${rule.paths.map(code).join(", ")} (a role ARN or name): ${code("iam:PassRole")} on that role with ${code(`iam:PassedToService = ${rule.to}`)}; computed at run time: on the account's roles.`;
    case "tags": {
      const named = (rule.named ?? [])
        .map(
          (resource) => ` and on the ${code(resource.path)} it names (computed at run time: ${code(fill(resource.whenDynamic, PLACES))})`,
        )
        .join("");
      const given = rule.paths.length > 0 ? [`${rule.paths.map(code).join(", ")} (tags for what the call creates)`] : [];
      const switches = (rule.switches ?? []).map(
        (s) => `${code(s.path)} set to anything but ${code(JSON.stringify(s.off))} (or at run time)`,
      );
      const keys = `limited to the literal tag keys (${code("aws:TagKeys")})`;
      // The service chooses the keys a setting adds, so they cannot limit the statement.
      const limit = switches.length === 0 ? keys : given.length > 0 ? `${keys} unless such a setting is on` : "not limited to tag keys";
      return `${[...given, ...switches].join(", or ")}: ${rule.actions.map(code).join(", ")} on ${rule.resources.map((r) => code(fill(r, PLACES))).join(", ")}${named}${rule.condition ? ` with ${code(JSON.stringify(rule.condition))}` : ""}, ${limit}.${rule.why ? ` ${rule.why}` : ""}`;
    }
    case "s3": {
      const where = rule.path !== undefined ? code(rule.path) : `${code(rule.bucket)} and ${code(rule.key)}`;
      const { object, bucket } = s3Actions(rule);
      const what = rule.prefix ? "the objects under that prefix" : "that object";
      return `${where} (an S3 location the service ${rule.access.replace("-", "s and ")}s with the caller's credentials): ${object.map(code).join(", ")} on ${what}${bucket.length > 0 ? `, ${bucket.map(code).join(", ")} on its bucket` : ""}; computed at run time: every bucket.`;
    }
    case "kms":
      return `${rule.paths.map(code).join(", ")} (a KMS key ID, ARN or alias): ${rule.actions.map(code).join(", ")} on that key (an alias through ${code("kms:ResourceAliases")}); computed at run time: the account's keys.`;
    case "resource":
      return `${code(rule.path)}: ${rule.actions.map(code).join(", ")} on ${code(fill(rule.arn, PLACES, `{${rule.path}}`))}.`;
    case "service-linked-role":
      return `always: ${code("iam:CreateServiceLinkedRole")} on its service-linked role ${code(rule.role)}, with ${code(`iam:AWSServiceName = ${rule.service}`)} (AWS documents that the first call creates it).`;
    case "unknown-key":
      return `${code(rule.path)}: a warning (${code("kms-key-unknown")}) naming ${rule.actions.map(code).join(", ")} for the ${rule.what}'s customer managed key, which the definition cannot name; none once ${code("policyStatements")} grant them on a KMS key ARN or ${code("*")}.`;
  }
}

function integrationSection(key: string): string[] {
  const entry = OPTIMIZED_INTEGRATIONS[key];
  const testCase = INTEGRATION_CASES.find((c) => c.integration === key);
  const lines = [`### ${code(key)}`, "", `Patterns: ${entry.patterns.map(label).join(", ")}.`, ""];
  if (testCase) {
    lines.push(`Example parameters: ${code(JSON.stringify(testCase.args))}`, "");
    for (const pattern of entry.patterns) {
      const parameters = pattern === "callback" ? callbackArgs(testCase) : testCase.args;
      const analysis = analyze(taskDefinition(`arn:aws:states:::${key}${SUFFIX[pattern]}`, parameters), OPTIONS);
      if (analysis.statements.length === 0) lines.push(`${label(pattern)}: no statement.`, "");
      else
        lines.push(
          `${label(pattern)}:`,
          "",
          "| actions | resources | condition |",
          "| --- | --- | --- |",
          ...analysis.statements.map(statementRow),
          "",
        );
    }
  }
  if (entry.note) lines.push(entry.note, "");
  if (entry.implies?.length)
    lines.push("Parameters that add statements:", "", ...entry.implies.map((rule) => `- ${describeImplied(rule)}`), "");
  return lines;
}

function sdkSection(): string[] {
  const passedTo = Object.entries(PASSED_TO).flatMap(([prefix, paths]) =>
    Object.entries(paths).map(([p, to]) => `${code(`${prefix} ${p}`)} goes to ${code(to)}`),
  );
  return [
    "## AWS SDK integrations",
    "",
    "The IAM action is the service's IAM prefix and the action in PascalCase (with the renamed calls of the SDK mapping table). A call that an optimized integration also makes (same IAM prefix and action) gets that integration's statements above.",
    "",
    "For every service:",
    "",
    `- A role in ${ROLE_PATHS.map(code).join(", ")}: ${code("iam:PassRole")} on it for ${code("PREFIX.amazonaws.com")} (except ${passedTo.join(", ")}); none for STS and IAM calls.`,
    `- Tags in ${TAG_PATHS.map(code).join(", ")}: the service's tagging action (${code("TagResource")} or the service's own name for it, from AWS's IAM data) on ${code("*")} (what the call creates has no ARN yet), limited to the literal tag keys. Where the tagging action has a condition key naming the creating action, it is limited to the call that creates: ${Object.values(CREATING_ACTION_KEYS).map(code).join(", ")}. AWS documents the tag-on-create check and this key for EC2 ("Grant permission to tag Amazon EC2 resources during creation"), ECS ("Grant permission to tag resources on creation"), Elastic Load Balancing ("ELB API permissions to tag resources during creation"), EFS ("Using tags with Amazon EFS") and SageMaker AI ("Grant permission to add tags when creating SageMaker AI resources", with ${code("sagemaker:TaggingAction")}).`,
    "",
    "Calls whose parameters name their resource (`{Param}` is the parameter's value, `{Param=default}` with the API's default):",
    "",
    "| call (IAM prefix:SDK action) | resource |",
    "| --- | --- |",
    ...Object.entries(SDK_RESOURCES)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([call, template]) => `| ${code(call)} | ${code(`arn:aws:${call.split(":")[0]}:REGION:ACCOUNT:${template}`)} |`),
    "",
    "Calls whose parameters add statements:",
    "",
    ...Object.entries(SDK_IMPLIED)
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([call, rules]) => rules.map((rule) => `- ${code(call)}: ${describeImplied(rule)}`)),
    "",
  ];
}

/** The page as prettier writes it (shared with the drift test). */
export async function generatedPage(): Promise<string> {
  const page = [
    "<!-- GENERATED by tools/integration-docs/generate.ts from the integration table: do not edit. -->",
    "",
    "# What the execution role gets, per integration",
    "",
    "Derived from the integration table (`provider/src/integrations`): the statements each optimized integration's entry gives for example parameters (REGION and ACCOUNT stand for the machine's), per pattern, and the statements its parameters add. A value written literally gives a scoped ARN; a value computed at run time (`.$` or JSONata) widens that resource and gives the `dynamic-resource` warning. The warnings and their rule ids are in [rules.md](rules.md): `dynamic-resource`, `kms-key-unknown`, `sdk-resource-wildcard`, `sdk-unknown-service`, `missing-argument`, `invalid-argument`.",
    "",
    "## Optimized integrations",
    "",
    ...Object.keys(OPTIMIZED_INTEGRATIONS).sort().flatMap(integrationSection),
    ...sdkSection(),
  ].join("\n");
  const options = (await prettier.resolveConfig(OUT)) ?? {};
  return prettier.format(page, { ...options, filepath: OUT });
}

async function main(): Promise<void> {
  fs.writeFileSync(OUT, await generatedPage());
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
