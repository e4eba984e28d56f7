/**
 * A QueryLanguage that does not match the fields a state is written with (`Parameters` under
 * JSONata, `Arguments` under JSONPath), reported once: on the state when it says so itself, on the
 * state machine when the states take it from there. The states are read in the language of their
 * fields (model/walk.ts), so the mismatch does not also surface as unknown fields and missing arguments.
 */
import type { Diagnostic } from "../model/types";
import { fieldsLanguage, queryLanguageOf, type QueryLanguage, type VisitedState } from "../model/walk";

const REWRITE: Record<QueryLanguage, string> = {
  JSONPath: "Parameters, ResultSelector, ResultPath, InputPath and OutputPath",
  JSONata: "Arguments, Output and Assign",
};

/** The first few items of a list that may be long (a generated definition), and how many more. */
function listed(items: readonly string[], shown = 5): string {
  const more = items.length - shown;
  return more > 0 ? `${items.slice(0, shown).join(", ")} and ${more} more` : items.join(", ");
}

export function queryLanguageDiagnostics(definition: Record<string, unknown>, states: readonly VisitedState[]): Diagnostic[] {
  const topLevel = queryLanguageOf(definition.QueryLanguage) ?? "JSONPath";
  const found: Diagnostic[] = [];
  const inheriting: string[] = [];
  let inheritingLanguage: QueryLanguage | undefined;
  for (const { path, state } of states) {
    const written = fieldsLanguage(state);
    const own = queryLanguageOf(state.QueryLanguage);
    if (!written || written.language === (own ?? topLevel)) continue;
    const fields = `${written.language} fields (${written.fields.join(", ")})`;
    if (own === undefined) {
      inheriting.push(`"${path}" (${written.fields.join(", ")})`);
      inheritingLanguage = written.language;
    } else if (own === "JSONata" && topLevel === "JSONata") {
      found.push({
        severity: "error",
        rule: "query-language",
        state: path,
        message: `QueryLanguage is JSONata, like the state machine's, but the state uses ${fields}; write it with ${REWRITE.JSONata}, or move "QueryLanguage": "JSONata" from the state machine to the states written in JSONata`,
      });
    } else {
      found.push({
        severity: "error",
        rule: "query-language",
        state: path,
        message: `QueryLanguage is ${own}, but the state uses ${fields}; set its QueryLanguage to ${written.language}, or write it with ${REWRITE[own]}`,
      });
    }
  }
  if (inheritingLanguage !== undefined) {
    const fix =
      topLevel === "JSONata"
        ? `move "QueryLanguage": "JSONata" from the state machine to the states written in JSONata, or write these states with ${REWRITE.JSONata}`
        : `set "QueryLanguage": "JSONata" on these states (or on the state machine, if every state is written in JSONata)`;
    found.push({
      severity: "error",
      rule: "query-language",
      state: null,
      message: `QueryLanguage: the state machine's is ${topLevel}${definition.QueryLanguage === undefined ? " (the default)" : ""}, but ${inheriting.length === 1 ? "a state uses" : `${inheriting.length} states use`} ${inheritingLanguage} fields: ${listed(inheriting)}; ${fix}`,
    });
  }
  return found;
}
