/** The report a person reads: verdict, diagnostics by state, integrations table, policy. */
import { styleText } from "node:util";
import { UNKNOWN_ACCOUNT, UNKNOWN_REGION, UNKNOWN_STATE_MACHINE } from "../analysis/analyze";
import { append } from "../model/append";
import { isUnreadable, type CheckOutcome, type FileResult, type ReportDiagnostic, type ReportIntegration } from "./check";
import { STDIN } from "./readText";

type Format = Parameters<typeof styleText>[0];

export interface HumanOptions {
  /** ANSI colours: only for a terminal, and not when NO_COLOR is set (the caller decides). */
  color: boolean;
}

/** Whether to colour: stdout is a terminal and NO_COLOR is unset or empty (https://no-color.org). */
export function shouldColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return Boolean(isTTY) && !env.NO_COLOR;
}

/** The analysis speaks the component's language (`workflowType`, `customIntegrations`, `policyStatements`); these say it for the CLI. */
const CLI_HINTS: Record<string, string> = {
  "express-pattern": "on the command line: --type STANDARD",
  "express-activity": "on the command line: --type STANDARD",
  "express-distributed-map": "on the command line: --type STANDARD",
  "unknown-integration": "on the command line: declare it in a JSON file passed with --integrations (see sfn-workflows check --help)",
  "kms-key-unknown":
    "on the command line: put the statement in a JSON file passed with --policy-statements (see sfn-workflows check --help)",
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** Why the policy still has placeholders in it, and how to fill them in. */
function placeholderNotes(unresolved: readonly string[]): string[] {
  const notes: string[] = [];
  const flags = [
    ...(unresolved.includes(UNKNOWN_REGION) ? [{ placeholder: UNKNOWN_REGION, flag: "--region" }] : []),
    ...(unresolved.includes(UNKNOWN_ACCOUNT) ? [{ placeholder: UNKNOWN_ACCOUNT, flag: "--account" }] : []),
  ];
  if (flags.length) {
    const one = flags.length === 1;
    const and = (items: string[]) => items.join(" and ");
    notes.push(
      `Note: ${and(flags.map((f) => f.flag))} ${one ? "was" : "were"} not given, so ARNs contain ${and(flags.map((f) => f.placeholder))}; pass ${one ? "it" : "them"} to get complete ARNs.`,
    );
  }
  if (unresolved.includes(UNKNOWN_STATE_MACHINE)) {
    notes.push(`Note: ARNs contain ${UNKNOWN_STATE_MACHINE}, the state machine's name, which is known once it is deployed.`);
  }
  return notes;
}

function table(rows: string[][], header: (text: string) => string): string[] {
  const widths = rows[0].map((_, column) => rows.reduce((widest, row) => Math.max(widest, row[column].length), 0));
  return rows.map((row, i) => {
    const line = row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
      .join("  ")
      .trimEnd();
    return `  ${i === 0 ? header(line) : line}`;
  });
}

/** The integration as a person names it: `sqs:sendMessage`, or the ARN for Lambda function and activity ARNs. */
function integrationName(integration: ReportIntegration): string {
  if (integration.kind === "lambda-arn" || integration.kind === "activity") return integration.resource;
  return `${integration.kind === "aws-sdk" ? "aws-sdk:" : ""}${integration.service}:${integration.action}`;
}

export function formatHuman(outcome: CheckOutcome, options: HumanOptions): string {
  const style = (format: Format, text: string) => (options.color ? styleText(format, text, { validateStream: false }) : text);
  const { report } = outcome;
  const file = outcome.file === STDIN ? "standard input" : outcome.file;
  const lines: string[] = [];

  const counts = [
    ...(report.errors.length ? [plural(report.errors.length, "error")] : []),
    ...(report.warnings.length ? [plural(report.warnings.length, "warning")] : []),
  ];
  const verdict = report.ok ? style(["bold", "green"], "PASS") : style(["bold", "red"], "FAIL");
  lines.push(`${verdict}  ${file}: ${counts.length ? counts.join(", ") : "no problems found"} (${report.workflowType} workflow)`);

  const diagnostics = (title: string, items: ReportDiagnostic[], color: "red" | "yellow") => {
    if (!items.length) return;
    lines.push("", style(["bold", color], `${title} (${items.length})`));
    for (const item of items) {
      lines.push(`  ${style("bold", item.state ?? "(definition)")}  ${style(color, `[${item.rule}]`)}`, `    ${item.message}`);
      lines.push(style("dim", `    at ${file}:${item.line}:${item.column}${item.code ? ` (Step Functions: ${item.code})` : ""}`));
      if (Object.hasOwn(CLI_HINTS, item.rule)) lines.push(style("dim", `    (${CLI_HINTS[item.rule]})`));
    }
  };
  diagnostics("Errors", report.errors, "red");
  diagnostics("Warnings", report.warnings, "yellow");

  // A definition that did not parse has no integrations or policy to show.
  if (!outcome.parsed) return `${lines.join("\n")}\n`;

  lines.push("", style("bold", `Integrations (${report.integrations.length})`));
  if (report.integrations.length) {
    const rows = [
      ["STATE", "INTEGRATION", "PATTERN", "KIND"],
      ...report.integrations.map((integration) => [integration.state, integrationName(integration), integration.pattern, integration.kind]),
    ];
    append(
      lines,
      table(rows, (text) => style("dim", text)),
    );
  } else {
    lines.push("  none: no Task state or Distributed Map calls a service");
  }

  const statements = report.policy.Statement.length;
  const partial = report.ok ? "" : "; incomplete until the errors are fixed";
  lines.push("", style("bold", `Execution role policy (${plural(statements, "statement")}${partial})`));
  append(
    lines,
    JSON.stringify(report.policy, null, 2)
      .split("\n")
      .map((line) => `  ${line}`),
  );
  const notes = placeholderNotes(outcome.unresolved);
  if (notes.length) lines.push("", ...notes.map((note) => style("dim", note)));
  return `${lines.join("\n")}\n`;
}

/** The last line when several files were checked: how many passed, failed or could not be read, and the totals. */
export function formatSummary(results: readonly FileResult[]): string {
  const reports = results.filter((result): result is CheckOutcome => !isUnreadable(result)).map((outcome) => outcome.report);
  const passed = reports.filter((report) => report.ok).length;
  const unreadable = results.length - reports.length;
  const count = (list: "errors" | "warnings") => reports.reduce((sum, report) => sum + report[list].length, 0);
  const parts = [`${passed} passed`, `${reports.length - passed} failed`, ...(unreadable ? [`${unreadable} could not be read`] : [])];
  return `Summary: ${plural(results.length, "file")}: ${parts.join(", ")} (${plural(count("errors"), "error")}, ${plural(count("warnings"), "warning")})\n`;
}
