/** Turns statements from many tasks into a small, deterministic, size-limited policy. */
import type { PolicyDocument, PolicyStatement } from "./types";

const sortedUnique = (items: readonly string[]) => Array.from(new Set(items)).sort();

/**
 * Deduplicates statements and merges those with the same actions and condition. A `*` resource
 * absorbs the others of its statement.
 */
export function mergeStatements(statements: readonly PolicyStatement[]): PolicyStatement[] {
  const byKey = new Map<string, PolicyStatement>();
  for (const statement of statements) {
    const actions = sortedUnique(statement.Action);
    const key = JSON.stringify([statement.Effect, actions, statement.Condition ?? null]);
    const existing = byKey.get(key);
    const resources = sortedUnique([...(existing?.Resource ?? []), ...statement.Resource]);
    byKey.set(key, {
      Effect: statement.Effect,
      Action: actions,
      Resource: resources.includes("*") ? ["*"] : resources,
      ...(statement.Condition ? { Condition: statement.Condition } : {}),
    });
  }
  return Array.from(byKey.values()).sort((a, b) =>
    JSON.stringify([a.Action, a.Resource]).localeCompare(JSON.stringify([b.Action, b.Resource])),
  );
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
