/** Choice rules as short readable text: `$.decision.approved == true`, `not ($.size > 10)`. */
import { isObject } from "../model/walk";

const COMPARISON = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/;
const OPERATOR: Record<string, string> = {
  Equals: "==",
  LessThan: "<",
  GreaterThan: ">",
  LessThanEquals: "<=",
  GreaterThanEquals: ">=",
};
const TYPE_TEST = /^Is(Present|Null|String|Numeric|Boolean|Timestamp)$/;
/** Long conditions are cut here: the label is a reminder, the definition has the whole rule. */
const MAX_LENGTH = 80;

function operand(value: unknown, isPath: boolean): string {
  return isPath && typeof value === "string" ? value : JSON.stringify(value);
}

function ruleText(rule: Record<string, unknown>): string {
  if (typeof rule.Condition === "string") return rule.Condition.replace(/^\s*\{%\s*|\s*%\}\s*$/g, "");
  const nested = (value: unknown) => (isObject(value) ? ruleText(value) : "?");
  if (Array.isArray(rule.And)) return rule.And.map((r) => `(${nested(r)})`).join(" and ");
  if (Array.isArray(rule.Or)) return rule.Or.map((r) => `(${nested(r)})`).join(" or ");
  if (rule.Not !== undefined) return `not (${nested(rule.Not)})`;
  const variable = typeof rule.Variable === "string" ? rule.Variable : "?";
  for (const [key, value] of Object.entries(rule)) {
    const comparison = COMPARISON.exec(key);
    if (comparison) return `${variable} ${OPERATOR[comparison[2]]} ${operand(value, comparison[3] !== undefined)}`;
    if (key === "StringMatches") return `${variable} matches ${JSON.stringify(value)}`;
    const test = TYPE_TEST.exec(key);
    if (test) return `${variable} is ${value === false ? "not " : ""}${test[1].toLowerCase()}`;
  }
  return "?";
}

export function conditionText(rule: Record<string, unknown>): string {
  const text = ruleText(rule);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
