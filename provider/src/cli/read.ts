/** Reads the files the CLI is given: the definition, and the optional custom integrations and policy statements. */
import { knownOrPlaceholder, userStatements } from "../components/policyDocuments";
import type { CustomIntegration, IntegrationPattern, PolicyStatement } from "../model/types";
import { CliError } from "./errors";
import { readText } from "./readText";

const PATTERNS: readonly IntegrationPattern[] = ["request-response", "sync", "sync:2", "callback"];
const INTEGRATION_KEY = /^(aws-sdk:)?[a-z0-9-]+:[A-Za-z0-9]+$/;
const STATEMENT_KEYS = new Set(["Sid", "Effect", "Action", "Resource", "Condition"]);

/**
 * The definition's text, unparsed: JSON that does not parse is a definition error (rule
 * invalid-json) that the analysis reports, not a failure to read.
 */
export function readDefinition(file: string): string {
  return readText("definition file", file);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const isStringList = (value: unknown): value is string | string[] =>
  (typeof value === "string" && value !== "") ||
  (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string" && item !== ""));

const isEffect = (value: unknown): value is PolicyStatement["Effect"] => value === "Allow" || value === "Deny";

/** A statement as a file may write it: Effect may be left out where the component defaults it to Allow. */
type FileStatement = Omit<PolicyStatement, "Effect"> & { Effect?: PolicyStatement["Effect"] };

/** A statement of a file, validated; Action and Resource may be a string or a list, as in IAM's own policies. */
function fileStatement(value: unknown, where: string, effect: "required"): PolicyStatement;
function fileStatement(value: unknown, where: string, effect: "optional"): FileStatement;
function fileStatement(value: unknown, where: string, effect: "required" | "optional"): FileStatement {
  if (!isObject(value)) throw new Error(`${where} must be an IAM statement object`);
  const unknownKeys = Object.keys(value).filter((key) => !STATEMENT_KEYS.has(key));
  if (unknownKeys.length) {
    throw new Error(`${where} has ${unknownKeys.join(", ")}; only Sid, Effect, Action, Resource and Condition are supported`);
  }
  if (value.Effect === undefined ? effect === "required" : !isEffect(value.Effect)) {
    throw new Error(`${where}.Effect must be "Allow" or "Deny"${effect === "optional" ? " (left out, it is Allow)" : ""}`);
  }
  if (!isStringList(value.Action)) throw new Error(`${where}.Action must be an action or a non-empty list of actions`);
  if (!isStringList(value.Resource)) throw new Error(`${where}.Resource must be an ARN or a non-empty list of ARNs`);
  if (value.Condition !== undefined && !isObject(value.Condition)) throw new Error(`${where}.Condition must be an object`);
  if (value.Sid !== undefined && typeof value.Sid !== "string") throw new Error(`${where}.Sid must be a string`);
  return {
    ...(value.Sid !== undefined ? { Sid: value.Sid as string } : {}),
    ...(isEffect(value.Effect) ? { Effect: value.Effect } : {}),
    Action: typeof value.Action === "string" ? [value.Action] : value.Action,
    Resource: typeof value.Resource === "string" ? [value.Resource] : value.Resource,
    ...(value.Condition !== undefined ? { Condition: value.Condition as PolicyStatement["Condition"] } : {}),
  };
}

function integrationFrom(key: string, value: unknown): CustomIntegration {
  if (!INTEGRATION_KEY.test(key)) {
    throw new Error(`"${key}" is not a "service:action" key (for example "example:doThing", or "aws-sdk:service:action")`);
  }
  if (!isObject(value)) throw new Error(`"${key}" must be an object with "statements" (and optionally "patterns")`);
  const patterns = value.patterns;
  if (patterns !== undefined) {
    if (!Array.isArray(patterns) || patterns.length === 0 || !patterns.every((p) => PATTERNS.includes(p))) {
      throw new Error(`"${key}".patterns must be a non-empty list of ${PATTERNS.map((p) => `"${p}"`).join(", ")}`);
    }
  }
  if (!Array.isArray(value.statements)) throw new Error(`"${key}".statements must be a list of IAM statements (it may be empty)`);
  return {
    ...(patterns !== undefined ? { patterns: patterns as IntegrationPattern[] } : {}),
    statements: value.statements.map((statement, i) => fileStatement(statement, `"${key}".statements[${i}]`, "required")),
  };
}

/** The JSON value of an option's file; a usage error naming the file when it is not JSON. */
function readJson(what: string, file: string, hint: string): unknown {
  const text = readText(what, file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${what} "${file}" is not valid JSON: ${(error as Error).message}`, hint);
  }
}

/** The `--integrations` file: `{ "service:action": { "patterns": [...], "statements": [...] } }`. */
export function readIntegrations(file: string): Record<string, CustomIntegration> {
  const hint = 'the file must map "service:action" to { "patterns": [...], "statements": [...] }; see docs/cli.md';
  const value = readJson("integrations file", file, hint);
  if (!isObject(value)) throw new CliError(`integrations file "${file}" must contain a JSON object`, hint);
  const integrations: Record<string, CustomIntegration> = {};
  for (const [key, entry] of Object.entries(value)) {
    try {
      integrations[key] = integrationFrom(key, entry);
    } catch (error) {
      throw new CliError(`integrations file "${file}": ${(error as Error).message}`, hint);
    }
  }
  return integrations;
}

/** Keys of an IAM policy document besides its statements. */
const DOCUMENT_KEYS = new Set(["Version", "Id", "Statement"]);

/**
 * The statements of a `--policy-statements` value with the path of each in messages: a list of
 * statements, or a policy document whose Statement is a list or, as IAM allows, one statement.
 */
function statementEntries(value: unknown): Array<{ statement: unknown; where: string }> {
  if (Array.isArray(value)) return value.map((statement, i) => ({ statement, where: `[${i}]` }));
  if (!isObject(value)) throw new Error("the file must contain a list of statements or a policy document object");
  if (!("Statement" in value)) {
    const keys = Object.keys(value);
    throw new Error(
      keys.some((key) => STATEMENT_KEYS.has(key))
        ? "the file holds one statement, not a list: put it in [ ] or in a policy document's Statement"
        : `the file is an object without "Statement" (its keys: ${keys.join(", ") || "none"})`,
    );
  }
  const unknownKeys = Object.keys(value).filter((key) => !DOCUMENT_KEYS.has(key));
  if (unknownKeys.length)
    throw new Error(`the policy document has ${unknownKeys.join(", ")}; only Version, Id and Statement are supported`);
  const statements = value.Statement;
  if (isObject(statements)) return [{ statement: statements, where: "Statement" }];
  if (!Array.isArray(statements)) throw new Error("Statement must be a list of statements or one statement object");
  return statements.map((statement, i) => ({ statement, where: `Statement[${i}]` }));
}

/**
 * The `--policy-statements` file: the user's own statements for the execution role, as a
 * Workflow's `policyStatements`, and turned into IAM statements by the component's own function.
 */
export function readPolicyStatements(file: string): PolicyStatement[] {
  const hint =
    'the file must hold a list of IAM statements, [{ "Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": ["arn:aws:kms:REGION:ACCOUNT:key/ID"] }], or a policy document { "Version": "2012-10-17", "Statement": [...] }; see docs/cli.md';
  const value = readJson("policy statements file", file, hint);
  try {
    const statements = statementEntries(value).map(({ statement, where }) => fileStatement(statement, where, "optional"));
    return userStatements(statements, knownOrPlaceholder);
  } catch (error) {
    throw new CliError(`policy statements file "${file}": ${(error as Error).message}`, hint);
  }
}
