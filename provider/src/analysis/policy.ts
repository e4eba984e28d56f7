/** Turns statements from many tasks into a small, deterministic, size-limited policy. */
import type { PolicyDocument, PolicyStatement } from "../model/types";

const sortedUnique = (items: readonly string[]) => Array.from(new Set(items)).sort();

/** JSON with object keys sorted (and condition values as sets), so equal conditions compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(sortedUnique(value.map(String)));
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Deduplicates statements and merges those with the same actions and condition. A `*` resource
 * absorbs the others of its statement.
 */
export function mergeStatements(statements: readonly PolicyStatement[]): PolicyStatement[] {
  const byKey = new Map<string, { statement: PolicyStatement; resources: Set<string> }>();
  for (const statement of statements) {
    const actions = sortedUnique(statement.Action);
    const key = JSON.stringify([statement.Effect, actions, canonical(statement.Condition)]);
    let entry = byKey.get(key);
    if (!entry) {
      const merged: PolicyStatement = { Effect: statement.Effect, Action: actions, Resource: [] };
      if (statement.Condition) merged.Condition = statement.Condition;
      entry = { statement: merged, resources: new Set() };
      byKey.set(key, entry);
    }
    for (const resource of statement.Resource) entry.resources.add(resource);
  }
  const merged = Array.from(byKey.values(), ({ statement, resources }) => ({
    ...statement,
    Resource: resources.has("*") ? ["*"] : sortedUnique([...resources]),
  }));
  // Ordered by actions, then resources, effect and condition: the same statements in any order give the same policy.
  // Each key is written once, not in every comparison: a statement can list a thousand resources.
  return merged
    .map((statement) => ({
      statement,
      key: JSON.stringify([statement.Action, statement.Resource, statement.Effect, canonical(statement.Condition)]),
    }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ statement }) => statement);
}

export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: [...statements] };
}

/** IAM counts policy size without white space. */
export function policySize(document: PolicyDocument): number {
  return JSON.stringify(document).length;
}

/** Aggregate limit of a role's inline policies, and the size limit of one managed policy. */
export const INLINE_POLICY_LIMIT = 10_240;
export const MANAGED_POLICY_LIMIT = 6_144;

/**
 * Splits statements into documents of at most `limit` characters each (first fit, in order).
 * A single statement over the limit is returned alone; the caller reports it.
 */
export function splitStatements(statements: readonly PolicyStatement[], limit: number): PolicyDocument[] {
  const documents: PolicyDocument[] = [];
  for (const statement of statements) {
    const fits = documents.find((document) => policySize(policyDocument([...document.Statement, statement])) <= limit);
    if (fits) fits.Statement.push(statement);
    else documents.push(policyDocument([statement]));
  }
  return documents;
}
