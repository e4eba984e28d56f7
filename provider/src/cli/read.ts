/** Reads the files the CLI is given: the definition and the optional custom integrations. */
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

function statementFrom(value: unknown, where: string): PolicyStatement {
  if (!isObject(value)) throw new Error(`${where} must be an IAM statement object`);
  const unknownKeys = Object.keys(value).filter((key) => !STATEMENT_KEYS.has(key));
  if (unknownKeys.length) {
    throw new Error(`${where} has ${unknownKeys.join(", ")}; only Sid, Effect, Action, Resource and Condition are supported`);
  }
  if (value.Effect !== "Allow" && value.Effect !== "Deny") throw new Error(`${where}.Effect must be "Allow" or "Deny"`);
  if (!isStringList(value.Action)) throw new Error(`${where}.Action must be an action or a non-empty list of actions`);
  if (!isStringList(value.Resource)) throw new Error(`${where}.Resource must be an ARN or a non-empty list of ARNs`);
  if (value.Condition !== undefined && !isObject(value.Condition)) throw new Error(`${where}.Condition must be an object`);
  if (value.Sid !== undefined && typeof value.Sid !== "string") throw new Error(`${where}.Sid must be a string`);
  return {
    ...(value.Sid !== undefined ? { Sid: value.Sid as string } : {}),
    Effect: value.Effect,
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
    statements: value.statements.map((statement, i) => statementFrom(statement, `"${key}".statements[${i}]`)),
  };
}

/** The `--integrations` file: `{ "service:action": { "patterns": [...], "statements": [...] } }`. */
export function readIntegrations(file: string): Record<string, CustomIntegration> {
  const text = readText("integrations file", file);
  const hint = 'the file must map "service:action" to { "patterns": [...], "statements": [...] }; see docs/cli.md';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`integrations file "${file}" is not valid JSON: ${(error as Error).message}`, hint);
  }
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
