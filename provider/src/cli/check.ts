/** `sfn-workflows check`: reads the files, runs the analysis and shapes the report. No output here. */
import { analyze, UNKNOWN_ACCOUNT, UNKNOWN_REGION, UNKNOWN_STATE_MACHINE } from "../analysis/analyze";
import { stepFunctionsCode } from "../analysis/codes";
import { distributedMapIntegrations, isDistributedMap } from "../analysis/distributedMap";
import type { Position } from "../analysis/json";
import { policyDocument } from "../analysis/policy";
import type {
  AnalysisResult,
  CustomIntegration,
  Diagnostic,
  Integration,
  MapIntegration,
  PolicyDocument,
  PolicyStatement,
  WorkflowType,
} from "../model/types";
import { walkStates } from "../model/walk";
import { CliError, EXIT_DEFINITION_ERRORS, EXIT_OK, EXIT_USAGE } from "./errors";
import { diagnosticPositions } from "./positions";
import { readDefinition, readIntegrations, readPolicyStatements } from "./read";
import { STDIN, standardInputOnce } from "./readText";

export interface CheckOptions {
  type: WorkflowType;
  partition: string;
  region?: string;
  account?: string;
  /** Path of the `--integrations` file. */
  integrations?: string;
  /** Path of the `--policy-statements` file. */
  policyStatements?: string;
}

/** What the option files say: read once, before any FILE, and used for every file. */
export interface OptionFiles {
  customIntegrations?: Record<string, CustomIntegration>;
  /** The user's own statements for the role, as a Workflow's `policyStatements` (they silence kms-key-unknown). */
  extraStatements?: PolicyStatement[];
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

/** A Task's integration, or a Distributed Map's ItemReader or ResultWriter. */
export type ReportIntegration = Integration | MapIntegration;

/** One file's part of `check --json` (after its `file`), in this key order. */
export interface CheckReport {
  ok: boolean;
  workflowType: WorkflowType;
  errors: ReportDiagnostic[];
  warnings: ReportDiagnostic[];
  integrations: ReportIntegration[];
  policy: PolicyDocument;
}

export interface CheckOutcome {
  /** The file as named on the command line (after glob expansion), `-` for standard input. */
  file: string;
  /** Whether the definition parsed as a JSON object (false: only invalid-json is reported). */
  parsed: boolean;
  /** Placeholders left in the policy's ARNs because no value was given (`${AWS::Region}`, ...). */
  unresolved: string[];
  report: CheckReport;
}

/** A file that could not be read (missing, a directory, a named pipe, too large): the others are checked all the same. */
export interface Unreadable {
  file: string;
  error: CliError;
}

export type FileResult = CheckOutcome | Unreadable;

export const isUnreadable = (result: FileResult): result is Unreadable => "error" in result;

const integration = ({ state, resource, kind, service, action, pattern }: ReportIntegration): ReportIntegration => ({
  state,
  resource,
  kind,
  service,
  action,
  pattern,
});

/** Task integrations and Distributed Map readers and writers, in definition order. */
function reportIntegrations(result: AnalysisResult): ReportIntegration[] {
  if (result.definition === undefined) return [];
  const tasks = new Map(result.integrations.map((task) => [task.state, task]));
  return walkStates(result.definition).flatMap((visited): ReportIntegration[] => {
    const task = tasks.get(visited.path);
    if (task) return [task];
    return isDistributedMap(visited) ? distributedMapIntegrations(visited) : [];
  });
}

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
    integrations: reportIntegrations(result).map(integration),
    policy: policyDocument(result.statements),
  };
}

/** The `--integrations` and `--policy-statements` files; throws CliError (a usage error) when one cannot be used. */
export function readOptionFiles(files: readonly string[], options: CheckOptions): OptionFiles {
  standardInputOnce({
    FILE: files.includes(STDIN) ? STDIN : undefined,
    "--integrations": options.integrations,
    "--policy-statements": options.policyStatements,
  });
  return {
    customIntegrations: options.integrations !== undefined ? readIntegrations(options.integrations) : undefined,
    extraStatements: options.policyStatements !== undefined ? readPolicyStatements(options.policyStatements) : undefined,
  };
}

/** Reads FILE and analyses it. Throws CliError when it cannot be read. */
export function runCheck(file: string, options: CheckOptions, optionFiles: OptionFiles = {}): CheckOutcome {
  const text = readDefinition(file);
  const result = analyze(text, {
    workflowType: options.type,
    partition: options.partition,
    region: options.region,
    account: options.account,
    customIntegrations: optionFiles.customIntegrations,
    extraStatements: optionFiles.extraStatements,
  });
  const report = toReport(result, diagnosticPositions(text, result.definition));
  const policyText = JSON.stringify(report.policy);
  return {
    file,
    parsed: result.definition !== undefined,
    unresolved: [UNKNOWN_REGION, UNKNOWN_ACCOUNT, UNKNOWN_STATE_MACHINE].filter((placeholder) => policyText.includes(placeholder)),
    report,
  };
}

/** runCheck, with a file that cannot be read as a result rather than an end: the other files still get checked. */
export function checkFile(file: string, options: CheckOptions, optionFiles: OptionFiles = {}): FileResult {
  try {
    return runCheck(file, options, optionFiles);
  } catch (error) {
    if (error instanceof CliError) return { file, error };
    throw error;
  }
}

/** The worst outcome: 2 when a file could not be read, else 1 when one has errors, else 0. */
export function exitCode(results: readonly FileResult[]): number {
  if (results.some(isUnreadable)) return EXIT_USAGE;
  return results.every((result) => !isUnreadable(result) && result.report.ok) ? EXIT_OK : EXIT_DEFINITION_ERRORS;
}
