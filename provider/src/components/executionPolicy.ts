/**
 * The execution role's statements once every value is known: the definition with its
 * placeholders substituted, analysed again in the real partition, region and account.
 */
import { analyze } from "../analysis/analyze";
import { callbackNameOf, substitute } from "../model/placeholders";
import { INLINE_POLICY_LIMIT, MANAGED_POLICY_LIMIT, mergeStatements, policyDocument, policySize } from "../analysis/policy";
import type { ArnContext, Diagnostic, PolicyDocument, PolicyStatement } from "../model/types";
import type { WorkflowArgs } from "./args";
import { InputError, type Problem } from "./errors";
import { knownOrPlaceholder, kmsSendStatements, loggingStatements, tracingStatements, userStatements } from "./policyDocuments";
import type { WorkflowPlan } from "./plan";
import { WORKFLOW_TYPE } from "./plan";

export interface ResolvedValues extends ArnContext {
  /** definitionSubstitutions and the callbacks' built-in placeholders, resolved. */
  substitutions: Record<string, string>;
  /** Customer managed keys of the callback queues. */
  queueKeyArns: string[];
  extraStatements: PolicyStatement[];
}

/** The definition as deployed: placeholders replaced, as a JSON string. */
export function deployedDefinition(definition: WorkflowArgs["definition"], substitutions: Record<string, string>): string {
  const parsed = typeof definition === "string" ? JSON.parse(definition) : definition;
  return JSON.stringify(substitute(parsed, substitutions));
}

/** What the role needs besides the definition's integrations: log delivery, X-Ray, queue keys, the user's statements. */
export function additionalStatements(
  plan: WorkflowPlan,
  args: WorkflowArgs,
  queueKeyArns: readonly string[],
  extraStatements: readonly PolicyStatement[],
): PolicyStatement[] {
  return [
    ...(plan.logging.level !== "OFF" ? loggingStatements() : []),
    ...(args.tracing ? tracingStatements() : []),
    ...kmsSendStatements(queueKeyArns),
    ...extraStatements,
  ];
}

/** The statements as far as they are known at preview, for sizing: unknown values as placeholders. */
export function previewStatements(plan: WorkflowPlan, args: WorkflowArgs): PolicyStatement[] {
  const keys = plan.callbacks.filter((c) => c.args.kmsKeyArn !== undefined).map((c) => knownOrPlaceholder(c.args.kmsKeyArn));
  return mergeStatements([
    ...plan.analysis.statements,
    ...additionalStatements(plan, args, keys, userStatements(args.policyStatements ?? [], knownOrPlaceholder)),
  ]);
}

/** With `roleArn` nothing derives the role: at preview, say what it must allow. */
export function roleArnWarning(statements: readonly PolicyStatement[]): Problem {
  const lines = statements.map((statement) => `    ${JSON.stringify(statement)}`);
  return {
    severity: "warning",
    rule: "role-arn-permissions",
    state: null,
    input: "roleArn",
    message: `no execution role is derived, so the role you pass must allow what the definition needs; give it these statements (\${AWS::Region}, \${AWS::AccountId} and other \${...} stand for values known at deployment):\n${lines.join("\n")}`,
  };
}

export interface ExecutionPolicy {
  statements: PolicyStatement[];
  /** Warnings that only showed once the values were substituted. */
  newWarnings: Diagnostic[];
}

export function executionPolicy(name: string, args: WorkflowArgs, plan: WorkflowPlan, values: ResolvedValues): ExecutionPolicy {
  const analysis = analyze(deployedDefinition(args.definition, values.substitutions), {
    workflowType: plan.workflowType,
    partition: values.partition,
    region: values.region,
    account: values.account,
    stateMachineName: plan.namePattern,
    customIntegrations: args.customIntegrations,
    extraStatements: values.extraStatements,
    // The callback queues' keys are granted below (additionalStatements).
    keysGranted: Object.entries(values.substitutions)
      .filter(([name]) => callbackNameOf(name) !== undefined)
      .map(([, value]) => value),
  });
  // Substituted values can still be wrong (a queue URL that is not one, a Resource naming an unknown integration).
  if (analysis.errors.length) throw new InputError(WORKFLOW_TYPE, name, analysis.errors, false);
  const seen = new Set(plan.warnings.map((w) => `${w.rule} ${w.state}`));
  const statements = mergeStatements([
    ...analysis.statements,
    ...additionalStatements(plan, args, values.queueKeyArns, values.extraStatements),
  ]);
  return { statements, newWarnings: analysis.warnings.filter((w) => !seen.has(`${w.rule} ${w.state}`)) };
}

/** How the statements are attached: one inline policy, or managed policies when that would be too large. */
export type PolicyLayout = { kind: "inline" } | { kind: "managed"; count: number };

/** The execution policy cannot be attached within IAM's limits. */
export function policyTooLarge(name: string, message: string, nothingCreated = true): InputError {
  return new InputError(WORKFLOW_TYPE, name, [{ severity: "error", rule: "policy-too-large", state: null, message }], nothingCreated);
}

/** A role takes 10 managed policies unless the quota is raised. */
const MAX_MANAGED_POLICIES = 10;
/** Room kept free in each managed policy for estimates that fall short. */
const MANAGED_POLICY_TARGET = MANAGED_POLICY_LIMIT - 600;
/** Assumed length of a substituted value whose length cannot be known at preview. */
const UNKNOWN_VALUE_LENGTH = 128;

/**
 * The policy's size once placeholders are substituted, from the preview-time statements: region and
 * account at their longest, callback queue ARNs as the provider will name them, other values at
 * UNKNOWN_VALUE_LENGTH.
 */
export function estimatePolicySize(name: string, statements: readonly PolicyStatement[]): number {
  const text = JSON.stringify(policyDocument(statements));
  const longestQueueArn = (callback: string) => `arn:aws-us-gov:sqs:us-gov-west-1:123456789012:${name}-${callback}-1234567`.length;
  return text.replace(/\$\{([^{}]+)\}/g, (_, key: string) => {
    if (key === "AWS::Region") return "x".repeat(14);
    if (key === "AWS::AccountId") return "x".repeat(12);
    const callback = /^callbacks\.([^.]+)\.queue(?:Arn|Url)$/.exec(key)?.[1];
    return "x".repeat(callback !== undefined ? longestQueueArn(callback) : UNKNOWN_VALUE_LENGTH);
  }).length;
}

/**
 * Decides at preview how the statements will be attached, since the number of policy resources
 * cannot depend on values known only later. `extra` are the statements added besides the
 * definition's (logging, tracing, keys, policyStatements), with unknown values as placeholders.
 */
export function planPolicyLayout(name: string, statements: readonly PolicyStatement[]): PolicyLayout {
  const estimate = estimatePolicySize(name, statements);
  if (estimate <= INLINE_POLICY_LIMIT) return { kind: "inline" };
  const count = Math.ceil(estimate / MANAGED_POLICY_TARGET);
  if (count > MAX_MANAGED_POLICIES) {
    throw policyTooLarge(
      name,
      `the derived execution policy needs about ${estimate} characters, more than ${MAX_MANAGED_POLICIES} managed policies hold; split the workflow or pass roleArn`,
    );
  }
  return { kind: "managed", count };
}

const statementSize = (statement: PolicyStatement) => JSON.stringify(statement).length;

/** Cuts statements with many resources into pieces of at most `limit` characters (same actions and condition). */
function splitLargeStatements(statements: PolicyStatement[], limit: number): PolicyStatement[] {
  return statements.flatMap((statement) => {
    if (statementSize(statement) <= limit) return [statement];
    const pieces: PolicyStatement[] = [];
    let current: PolicyStatement = { ...statement, Resource: [] };
    for (const resource of statement.Resource) {
      const next = { ...current, Resource: [...current.Resource, resource] };
      if (current.Resource.length > 0 && statementSize(next) > limit) {
        pieces.push(current);
        current = { ...statement, Resource: [resource] };
      } else {
        current = next;
      }
    }
    return [...pieces, current];
  });
}

/** Splits the statement with the most resources in two until there are at least `count` pieces. */
function atLeast(count: number, statements: PolicyStatement[]): PolicyStatement[] {
  const pieces = [...statements];
  while (pieces.length < count) {
    const widest = pieces.reduce((best, piece, i) => (piece.Resource.length > pieces[best].Resource.length ? i : best), 0);
    const statement = pieces[widest];
    if (!statement || statement.Resource.length < 2) break;
    const half = Math.ceil(statement.Resource.length / 2);
    pieces.splice(
      widest,
      1,
      { ...statement, Resource: statement.Resource.slice(0, half) },
      { ...statement, Resource: statement.Resource.slice(half) },
    );
  }
  return pieces;
}

/** Spreads statements over `count` documents, largest first into the smallest; each must fit `limit`. */
export function distributeStatements(name: string, statements: PolicyStatement[], count: number, limit: number): PolicyDocument[] {
  const buckets: PolicyStatement[][] = Array.from({ length: count }, () => []);
  const pieces = atLeast(count, splitLargeStatements(statements, Math.floor(limit / 2)));
  for (const statement of pieces.sort((a, b) => statementSize(b) - statementSize(a))) {
    buckets.sort((a, b) => policySize(policyDocument(a)) - policySize(policyDocument(b)))[0].push(statement);
  }
  const documents = buckets.map((bucket) => policyDocument(bucket));
  const problem = documents.find((document) => document.Statement.length === 0 || policySize(document) > limit);
  if (problem) {
    throw policyTooLarge(
      name,
      `the execution policy (${statements.length} statements) does not fit ${count} policies of ${limit} characters once values are substituted; pass roleArn with your own role`,
      false,
    );
  }
  return documents;
}
