/** `sfn-workflows check`: reads the files, runs the analysis and shapes the report. No output here. */
import { analyze, UNKNOWN_ACCOUNT, UNKNOWN_REGION, UNKNOWN_STATE_MACHINE } from "../analysis/analyze";
import { stepFunctionsCode } from "../analysis/codes";
import type { Position } from "../analysis/json";
import { policyDocument } from "../analysis/policy";
import type { AnalysisResult, Diagnostic, Integration, PolicyDocument, WorkflowType } from "../model/types";
import { CliError } from "./errors";
import { diagnosticPositions } from "./positions";
import { readDefinition, readIntegrations, STDIN } from "./read";

export interface CheckOptions {
  type: WorkflowType;
  partition: string;
  region?: string;
  account?: string;
  /** Path of the `--integrations` file. */
  integrations?: string;
}

/** A diagnostic as the CLI prints it: severity is given by the list it is in. */
export interface ReportDiagnostic {
  rule: string;
  /** State path (`Fan out > branch 2 > Ask`), or null for the document itself. */
  state: string | null;
  message: string;
  /** Step Functions' own code for the problem (`SCHEMA_VALIDATION_FAILED`, ...), or null when it has none. */
  code: string | null;
  /** Where in FILE the problem is (1-based); the state's or the document's start when it is not one field. */
  line: number;
  column: number;
}

/** What `check --json` prints: one object, in this key order. */
export interface CheckReport {
  ok: boolean;
  workflowType: WorkflowType;
  errors: ReportDiagnostic[];
  warnings: ReportDiagnostic[];
  integrations: Integration[];
  policy: PolicyDocument;
}

export interface CheckOutcome {
  /** The FILE argument as shown to people ("standard input" for `-`). */
  file: string;
  /** Whether the definition parsed as a JSON object (false: only invalid-json is reported). */
  parsed: boolean;
  /** Placeholders left in the policy's ARNs because no value was given (`${AWS::Region}`, ...). */
  unresolved: string[];
  report: CheckReport;
}

const integration = ({ state, resource, kind, service, action, pattern }: Integration): Integration => ({
  state,
  resource,
  kind,
  service,
  action,
  pattern,
});

export function toReport(result: AnalysisResult, positionOf: (diagnostic: Diagnostic) => Position): CheckReport {
  const diagnostic = (item: Diagnostic): ReportDiagnostic => {
    const { line, column } = positionOf(item);
    return { rule: item.rule, state: item.state, message: item.message, code: stepFunctionsCode(item.rule), line, column };
  };
  return {
    ok: result.ok,
    workflowType: result.workflowType,
    errors: result.errors.map(diagnostic),
    warnings: result.warnings.map(diagnostic),
    integrations: result.integrations.map(integration),
    policy: policyDocument(result.statements),
  };
}

/** Reads FILE (and the integrations file), analyses it. Throws CliError when a file cannot be read. */
export function runCheck(file: string, options: CheckOptions): CheckOutcome {
  if (file === STDIN && options.integrations === STDIN) {
    throw new CliError("FILE and --integrations both ask for standard input", "pass one of them as a file path");
  }
  const customIntegrations = options.integrations !== undefined ? readIntegrations(options.integrations) : undefined;
  const text = readDefinition(file);
  const result = analyze(text, {
    workflowType: options.type,
    partition: options.partition,
    region: options.region,
    account: options.account,
    customIntegrations,
  });
  const report = toReport(result, diagnosticPositions(text, result.definition));
  const policyText = JSON.stringify(report.policy);
  return {
    file: file === STDIN ? "standard input" : file,
    parsed: result.definition !== undefined,
    unresolved: [UNKNOWN_REGION, UNKNOWN_ACCOUNT, UNKNOWN_STATE_MACHINE].filter((placeholder) => policyText.includes(placeholder)),
    report,
  };
}
