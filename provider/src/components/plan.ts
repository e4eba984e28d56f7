/**
 * Everything a Workflow decides before it registers a resource: the analysis, option checks,
 * derived queue sizing, logging and alarm choices. Throws one InputError listing every problem.
 */
import { analyze, UNKNOWN_STATE_MACHINE } from "../analysis/analyze";
import { callbackNameProblem, stateMachineNameProblem } from "../analysis/names";
import { collectPlaceholders } from "../model/placeholders";
import { didYouMean } from "../analysis/suggest";
import type { AnalysisResult, WorkflowType } from "../model/types";
import type { AlarmOverride, CallbackQueueArgs, LogLevel, WorkflowArgs } from "./args";
import { callbackTaskSizing, defaultLogLevel, planWorkflowAlarms, type PlannedWorkflowAlarms } from "./alarmPlan";
import { ALARM_DEFAULTS, DEFAULT_LOG_RETENTION_DAYS, LOG_RETENTION_DAYS, MAX_NAME_PREFIX, SQS } from "./defaults";
import { InputError, Problems, type Problem } from "./errors";
import { checkInputs, childPath, mergeErrors, within, type InputCheck } from "./inputChecks";
import { knownOrPlaceholder, userStatements } from "./policyDocuments";
import { checkWorkflowSyncEndpoint } from "./syncEndpoint/workflow";
import { planDeployment, type PlannedDeployment } from "./deployment";

export const WORKFLOW_TYPE = "sfn-workflows:index:Workflow";

export interface PlannedCallback {
  name: string;
  args: CallbackQueueArgs;
}

export interface WorkflowPlan {
  workflowType: WorkflowType;
  analysis: AnalysisResult;
  /** Explicit name, or a prefix the provider completes with a unique suffix. */
  naming: { name: string } | { prefix: string };
  /** The machine's name for ARNs in policies: the name, or `prefix*`. */
  namePattern: string;
  logging: { level: LogLevel; includeExecutionData: boolean; retentionInDays: number };
  callbacks: PlannedCallback[];
  alarms: PlannedWorkflowAlarms;
  /** Versions and an alias, when `deployment` is set. */
  deployment?: PlannedDeployment;
  /** Tasks a worker completes: callbacks (any queue) and activities. */
  workerTasks: boolean;
  activityArns: string[];
  warnings: Problem[];
  /** The schema checks of the inputs, with the ARN inputs still to check once known. */
  inputs: InputCheck<WorkflowArgs>;
}

const PLACEHOLDER_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

function checkAlarmSettings(problems: Problems, option: string, settings: AlarmOverride | undefined): void {
  if (!settings) return;
  if (
    settings.period !== undefined &&
    !(
      settings.period === 10 ||
      settings.period === 30 ||
      (Number.isInteger(settings.period) && settings.period > 0 && settings.period % 60 === 0)
    )
  ) {
    problems.error("invalid-option", `${option}.period`, `${settings.period} must be 10, 30 or a multiple of 60 seconds`);
  }
  problems.range(`${option}.evaluationPeriods`, settings.evaluationPeriods, 1, 100);
  problems.range(
    `${option}.datapointsToAlarm`,
    settings.datapointsToAlarm,
    1,
    settings.evaluationPeriods ?? ALARM_DEFAULTS.evaluationPeriods,
  );
  if (settings.threshold !== undefined && !(typeof settings.threshold === "number" && settings.threshold >= 0)) {
    problems.error("invalid-option", `${option}.threshold`, `${JSON.stringify(settings.threshold)} must be a number of at least 0`);
  }
}

/** Letters, digits, `-` and `_` only, short enough to leave room for a unique suffix. */
function namePrefixFor(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, MAX_NAME_PREFIX - 1);
  return `${clean || "workflow"}-`;
}

function planCallbacks(args: WorkflowArgs, analysis: AnalysisResult, problems: Problems): PlannedCallback[] {
  return Object.entries(args.callbacks ?? {}).map(([name, options]) => {
    const problem = callbackNameProblem(name);
    if (problem) problems.error("bad-name", childPath("callbacks", name), problem);
    const { users, heartbeatSeconds, taskTimeoutSeconds } = callbackTaskSizing(name, analysis.tasks);
    const used = users.length > 0;
    const option = childPath("callbacks", name);
    problems.range(`${option}.maxReceiveCount`, options.maxReceiveCount, 1, 1000);
    problems.range(`${option}.visibilityTimeoutSeconds`, options.visibilityTimeoutSeconds, 0, SQS.maxVisibility);
    problems.range(`${option}.messageRetentionSeconds`, options.messageRetentionSeconds, SQS.minRetention, SQS.maxRetention);
    checkAlarmSettings(problems, `${option}.alarms`, options.alarms);
    const retention = options.messageRetentionSeconds ?? SQS.maxRetention;
    if (used && (taskTimeoutSeconds === undefined || taskTimeoutSeconds > retention)) {
      const wait =
        taskTimeoutSeconds === undefined ? "tasks without TimeoutSeconds may wait up to a year" : `tasks may wait ${taskTimeoutSeconds} s`;
      problems.warn(
        "retention-below-timeout",
        option,
        `${wait} but messages are kept at most ${retention} s: a message can expire before a worker sees it; set TimeoutSeconds on the tasks`,
      );
    }
    return { name, args: { ...options, heartbeatSeconds, taskTimeoutSeconds } };
  });
}

function planLogging(args: WorkflowArgs, workflowType: WorkflowType, problems: Problems): WorkflowPlan["logging"] {
  const logging = args.logging ?? {};
  if (logging.retentionInDays !== undefined && !(LOG_RETENTION_DAYS as readonly number[]).includes(logging.retentionInDays)) {
    problems.error(
      "invalid-option",
      "logging.retentionInDays",
      `${logging.retentionInDays} is not a CloudWatch Logs retention; use one of ${LOG_RETENTION_DAYS.join(", ")}`,
    );
  }
  if (workflowType === "EXPRESS" && logging.level === "OFF") {
    problems.warn(
      "express-without-logs",
      "logging.level",
      "an EXPRESS workflow keeps no execution history: with logging OFF nothing records what its executions did",
    );
  }
  return {
    level: logging.level ?? defaultLogLevel(workflowType),
    includeExecutionData: logging.includeExecutionData ?? false,
    retentionInDays: logging.retentionInDays ?? DEFAULT_LOG_RETENTION_DAYS,
  };
}

/** Substitution keys no `${Name}` placeholder of the definition uses: a typo, or a leftover. */
function warnUnusedSubstitutions(problems: Problems, keys: readonly string[], analysis: AnalysisResult): void {
  if (!analysis.definition) return;
  const used = collectPlaceholders(analysis.definition);
  const unused = keys.filter((key) => !used.has(key));
  for (const key of unused) {
    const placeholders = [...used].filter((p) => !keys.includes(p) && !p.startsWith("callbacks."));
    problems.warn(
      "unused-substitution",
      childPath("definitionSubstitutions", key),
      `no \${${key}} placeholder in the definition uses it${didYouMean(key, placeholders)}; remove it or use it in the definition`,
    );
  }
}

/** Inputs the analysis reads: when one is of the wrong type or not known, its findings would be noise. */
const ANALYSIS_INPUTS = ["definition", "workflowType", "definitionSubstitutions", "callbacks", "stateMachineName", "customIntegrations"];
const MISREAD = new Set(["wrong-type", "unknown-at-preview", "missing-input"]);

function analysisInputsMisread(inputs: InputCheck<WorkflowArgs>): boolean {
  return inputs.problems.errors.some((p) => MISREAD.has(p.rule) && ANALYSIS_INPUTS.some((input) => within(p.input ?? "", input)));
}

export function planWorkflow(name: string, given: WorkflowArgs): WorkflowPlan {
  const inputs = checkInputs(WORKFLOW_TYPE, given);
  const args = inputs.args;
  const problems = new Problems();
  const workflowType: WorkflowType = args.workflowType === "EXPRESS" ? "EXPRESS" : "STANDARD";
  if (args.stateMachineName !== undefined) {
    const problem = stateMachineNameProblem(args.stateMachineName);
    if (problem) problems.error("bad-name", "stateMachineName", problem);
  }
  const substitutionKeys = Object.keys(args.definitionSubstitutions ?? {});
  for (const key of substitutionKeys) {
    if (!PLACEHOLDER_KEY.test(key))
      problems.error("bad-name", childPath("definitionSubstitutions", key), "keys are 1-128 letters, digits, '.', ':', '-' or '_'");
    else if (key.startsWith("callbacks."))
      problems.error(
        "bad-name",
        childPath("definitionSubstitutions", key),
        "callbacks.* placeholders are built in; declare the queue under callbacks instead",
      );
  }
  if (args.roleArn !== undefined && args.policyStatements?.length) {
    problems.error(
      "role-and-statements",
      "policyStatements",
      "extra statements go on the derived role, and roleArn replaces it: add them to your own role instead",
    );
  }
  const naming: WorkflowPlan["naming"] =
    args.stateMachineName !== undefined ? { name: args.stateMachineName } : { prefix: namePrefixFor(name) };
  const namePattern = "name" in naming ? naming.name : `${naming.prefix}*`;
  const analysis = analyze(args.definition, {
    workflowType,
    placeholders: substitutionKeys,
    callbacks: Object.keys(args.callbacks ?? {}),
    stateMachineName: "name" in naming ? naming.name : UNKNOWN_STATE_MACHINE,
    customIntegrations: args.customIntegrations,
    // A statement without its Action or Resource list is reported by the input checks.
    extraStatements: userStatements(
      (args.policyStatements ?? []).filter((s) => Array.isArray(s.Action) && Array.isArray(s.Resource)),
      knownOrPlaceholder,
    ),
  });
  const logging = planLogging(args, workflowType, problems);
  const callbacks = planCallbacks(args, analysis, problems);
  const alarmArgs = args.alarms ?? {};
  checkAlarmSettings(problems, "alarms", alarmArgs);
  for (const key of ["executionsFailed", "executionsTimedOut", "heartbeatTimeouts"] as const)
    checkAlarmSettings(problems, `alarms.${key}`, alarmArgs[key]);
  const workerTasks = analysis.tasks.some((task) => task.pattern === "callback");
  const alarmsOn = alarmArgs.enabled !== false;
  const alarms = planWorkflowAlarms(alarmArgs, workerTasks, logging.level);
  if (alarms.heartbeatWithoutLogs) {
    problems.warn(
      "heartbeat-alarm-needs-logs",
      "logging.level",
      `the heartbeat-timeout alarm reads TaskTimedOut events from the logs, which level ${logging.level} does not write: it is not created; use ERROR or ALL`,
    );
  }
  checkWorkflowSyncEndpoint(problems, args.syncEndpoint, workflowType, analysis.definition);
  const deployment = planDeployment(problems, args.deployment);
  if (deployment && !deployment.alarms && !alarmsOn) {
    problems.warn(
      "deployment-without-alarms",
      "deployment",
      "alarms are off and deployment.alarms names none: nothing can roll a bad version back; name alarms or turn alarms on",
    );
  }
  warnUnusedSubstitutions(problems, substitutionKeys, analysis);
  const errors = mergeErrors(inputs, [...(analysisInputsMisread(inputs) ? [] : analysis.errors), ...problems.errors]);
  if (errors.length) throw new InputError(WORKFLOW_TYPE, name, errors);
  return {
    workflowType,
    analysis,
    naming,
    namePattern,
    logging,
    callbacks,
    alarms: alarms.alarms,
    deployment,
    workerTasks: workerTasks || callbacks.length > 0,
    activityArns: analysis.integrations.filter((i) => i.kind === "activity").map((i) => i.resource),
    warnings: [...analysis.warnings, ...problems.warnings],
    inputs,
  };
}
