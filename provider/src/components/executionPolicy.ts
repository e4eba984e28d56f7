/**
 * The execution role's statements once every value is known: the definition with its
 * placeholders substituted, analysed again in the real partition, region and account.
 */
import { analyze } from "../analysis/analyze";
import { substitute } from "../analysis/placeholders";
import { INLINE_POLICY_LIMIT, MANAGED_POLICY_LIMIT, mergeStatements, policyDocument, policySize } from "../analysis/policy";
import type { ArnContext, Diagnostic, PolicyDocument, PolicyStatement } from "../analysis/types";
import type { WorkflowArgs } from "./args";
import { InputError } from "./errors";
import { kmsSendStatements, loggingStatements, tracingStatements } from "./policyDocuments";
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
  });
  // Substituted values can still be wrong (a queue URL that is not one, a Resource naming an unknown integration).
  if (analysis.errors.length) throw new InputError(WORKFLOW_TYPE, name, analysis.errors);
  const seen = new Set(plan.warnings.map((w) => `${w.rule} ${w.state}`));
  const statements = mergeStatements([
    ...analysis.statements,
    ...(plan.logging.level !== "OFF" ? loggingStatements() : []),
    ...(args.tracing ? tracingStatements() : []),
    ...kmsSendStatements(values.queueKeyArns),
    ...values.extraStatements,
  ]);
  return { statements, newWarnings: analysis.warnings.filter((w) => !seen.has(`${w.rule} ${w.state}`)) };
}

/** How the statements are attached: one inline policy, or managed policies when that would be too large. */
export type PolicyLayout = { kind: "inline" } | { kind: "managed"; count: number };

/** Room left for placeholders and region/account names to grow when substituted. */
const GROWTH_PER_STATEMENT = 200;
/** A role takes 10 managed policies unless the quota is raised. */
const MAX_MANAGED_POLICIES = 10;

export function planPolicyLayout(name: string, plan: WorkflowPlan, extra: number): PolicyLayout {
  const estimate =
    policySize(policyDocument(plan.analysis.statements)) + (plan.analysis.statements.length + extra) * GROWTH_PER_STATEMENT + 1_000;
  if (estimate <= INLINE_POLICY_LIMIT) return { kind: "inline" };
  const count = Math.ceil(estimate / (MANAGED_POLICY_LIMIT - 500));
  if (count > MAX_MANAGED_POLICIES) {
    throw new InputError(WORKFLOW_TYPE, name, [
      {
        severity: "error",
        rule: "policy-too-large",
        state: null,
        message: `the derived execution policy needs about ${estimate} characters, more than ${MAX_MANAGED_POLICIES} managed policies hold; split the workflow or pass roleArn`,
      },
    ]);
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

/** Spreads statements over `count` documents, largest first into the smallest; each must fit `limit`. */
export function distributeStatements(name: string, statements: PolicyStatement[], count: number, limit: number): PolicyDocument[] {
  const buckets: PolicyStatement[][] = Array.from({ length: count }, () => []);
  const size = statementSize;
  for (const statement of splitLargeStatements(statements, Math.floor(limit / 2)).sort((a, b) => size(b) - size(a))) {
    buckets.sort((a, b) => policySize(policyDocument(a)) - policySize(policyDocument(b)))[0].push(statement);
  }
  const documents = buckets.map((bucket) => policyDocument(bucket));
  const problem = documents.find((document) => document.Statement.length === 0 || policySize(document) > limit);
  if (problem) {
    throw new InputError(WORKFLOW_TYPE, name, [
      {
        severity: "error",
        rule: "policy-too-large",
        state: null,
        message: `the execution policy (${statements.length} statements) does not fit ${count} policies of ${limit} characters once values are substituted; pass roleArn with your own role`,
      },
    ]);
  }
  return documents;
}
