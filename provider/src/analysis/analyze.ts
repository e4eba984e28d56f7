/**
 * The analysis entry point: ASL in; diagnostics, integrations and the execution role's
 * statements out. Pure: no Pulumi, no I/O.
 */
import { lookupIntegration } from "../integrations/table";
import type { IntegrationEntry } from "../integrations/spec";
import { distributedMapStatements, isDistributedMap } from "./distributedMap";
import { parseDefinition } from "./parse";
import { queryLanguageDiagnostics } from "./queryLanguage";
import { callbackNameOf, callbackPlaceholders, collectPlaceholders, hasPlaceholder } from "../model/placeholders";
import { append } from "../model/append";
import { own } from "../model/own";
import { mergeStatements } from "./policy";
import { singleDollarDiagnostics } from "./contextPaths";
import { classifyResource, PATTERN_SUFFIX } from "./resource";
import { structureDiagnostics } from "./structure";
import { TaskArgs } from "../model/taskArgs";
import { taskStatements } from "./taskIam";
import { patternDiagnostics, timeoutDiagnostics } from "./taskRules";
import type {
  AnalysisResult,
  AnalyzeOptions,
  ArnContext,
  CustomIntegration,
  Diagnostic,
  Integration,
  IntegrationPattern,
  PolicyStatement,
  Severity,
  TaskSummary,
} from "../model/types";
import { walkStates, type VisitedState } from "../model/walk";

/** Shown in ARNs when the caller gives no region or account (the CLI without --region/--account). */
export const UNKNOWN_REGION = "${AWS::Region}";
export const UNKNOWN_ACCOUNT = "${AWS::AccountId}";
export const UNKNOWN_STATE_MACHINE = "${StateMachineName}";

function customEntry(custom: CustomIntegration): IntegrationEntry {
  return {
    patterns: custom.patterns ?? ["request-response"],
    iam: () =>
      custom.statements.map((statement) => ({ actions: statement.Action, resources: statement.Resource, condition: statement.Condition })),
  };
}

function placeholderDiagnostics(definition: Record<string, unknown>, options: AnalyzeOptions, states: VisitedState[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const used = collectPlaceholders(definition);
  const declared = options.callbacks ?? [];
  if (options.placeholders) {
    const known = new Set([...options.placeholders, ...declared.flatMap((name) => Object.values(callbackPlaceholders(name)))]);
    const inState = states.map((state) => collectPlaceholders(state.state));
    /** The innermost state using a placeholder: states are listed depth first, a state before the states inside it. */
    const innermost = (name: string) => {
      const using = states.filter((_, i) => inState[i].has(name));
      return using.find((state, i) => !using[i + 1]?.pointer.startsWith(`${state.pointer}/`));
    };
    for (const name of used) {
      if (known.has(name)) continue;
      const callback = callbackNameOf(name);
      const where = innermost(name);
      if (callback !== undefined) {
        found.push({
          severity: "error",
          rule: "undeclared-callback",
          state: where?.path ?? null,
          message: `\${${name}} refers to callback "${callback}", which is not declared; add callbacks: { ${callback}: {} }${declared.length ? ` (declared: ${declared.join(", ")})` : ""}`,
        });
      } else {
        const choices = [...known].sort();
        found.push({
          severity: "error",
          rule: "unknown-placeholder",
          state: where?.path ?? null,
          message: `\${${name}} is not a known placeholder; add it to definitionSubstitutions${choices.length ? ` (known: ${choices.join(", ")})` : ""}`,
        });
      }
    }
  }
  for (const name of declared) {
    const { queueUrl, queueArn } = callbackPlaceholders(name);
    if (!used.has(queueUrl) && !used.has(queueArn)) {
      found.push({
        severity: "warning",
        rule: "unused-callback",
        state: null,
        message: `callback "${name}" is declared but the definition never uses \${${queueUrl}}: its queue would receive nothing; remove it or reference it`,
      });
    }
  }
  return found;
}

/** At most this many errors, and this many warnings, are listed; a last one says how many more there are. */
export const MAX_LISTED_DIAGNOSTICS = 1000;

/** The diagnostics of one severity, capped: a generated definition can have one per state, and a list of thousands helps nobody. */
function listed(diagnostics: readonly Diagnostic[], severity: Severity): Diagnostic[] {
  const all = diagnostics.filter((d) => d.severity === severity);
  if (all.length <= MAX_LISTED_DIAGNOSTICS) return all;
  const more = all.length - MAX_LISTED_DIAGNOSTICS;
  return [
    ...all.slice(0, MAX_LISTED_DIAGNOSTICS),
    {
      severity,
      rule: "too-many-diagnostics",
      state: null,
      message: `${more} more ${severity}s are not listed (the first ${MAX_LISTED_DIAGNOSTICS} are); fix these and analyse again`,
    },
  ];
}

/** Analyses one Task state: classification, pattern rules, IAM. */
function analyzeTask(visited: VisitedState, options: AnalyzeOptions, arn: ArnContext, workflowType: "STANDARD" | "EXPRESS") {
  const diagnostics: Diagnostic[] = [...timeoutDiagnostics(visited)];
  const statements: PolicyStatement[] = [];
  const { state, path } = visited;
  const summary: TaskSummary = {
    state: path,
    heartbeatSeconds: typeof state.HeartbeatSeconds === "number" ? state.HeartbeatSeconds : undefined,
    timeoutSeconds: typeof state.TimeoutSeconds === "number" ? state.TimeoutSeconds : undefined,
    placeholders: [...collectPlaceholders(state)],
  };
  const resource = state.Resource;
  // A Resource written as a placeholder is classified once its value is substituted.
  if (typeof resource !== "string" || hasPlaceholder(resource)) return { diagnostics, statements, summary };
  const classified = classifyResource(resource);
  if (!classified) {
    diagnostics.push({
      severity: "error",
      rule: "unknown-resource",
      state: path,
      message: `Resource "${resource}" is not a Step Functions integration (arn:aws:states:::SERVICE:ACTION, arn:aws:states:::aws-sdk:SERVICE:ACTION, a Lambda function ARN or an activity ARN)`,
    });
    return { diagnostics, statements, summary };
  }
  summary.pattern = classified.pattern;
  summary.kind = classified.kind;
  const integration: Integration = {
    state: path,
    resource,
    kind: classified.kind,
    service: classified.service,
    action: classified.action,
    pattern: classified.pattern,
  };
  const key = `${classified.service}:${classified.action}`;
  if (classified.kind === "activity") {
    if (workflowType === "EXPRESS") {
      diagnostics.push({
        severity: "error",
        rule: "express-activity",
        state: path,
        message: "EXPRESS workflows cannot run activities; use workflowType STANDARD or a service integration",
      });
    }
    return { diagnostics, statements, summary, integration };
  }
  const custom = own(options.customIntegrations, classified.kind === "aws-sdk" ? `aws-sdk:${key}` : key);
  const entry =
    classified.kind === "lambda-arn"
      ? ({
          patterns: ["request-response"],
          iam: () => [
            { actions: ["lambda:InvokeFunction"], resources: [resource, ...(/:function:[^:]+$/.test(resource) ? [`${resource}:*`] : [])] },
          ],
        } as IntegrationEntry)
      : custom
        ? customEntry(custom)
        : lookupIntegration(classified.kind, classified.service, classified.action);
  if (!entry) {
    diagnostics.push({
      severity: "error",
      rule: "unknown-integration",
      state: path,
      message: `${key} is not an integration sfn-workflows knows, so it cannot derive permissions for it. If it is an AWS SDK call, write arn:aws:states:::aws-sdk:${key}; otherwise declare it with customIntegrations: { "${key}": { patterns: [...], statements: [...] } } (statements are used as given)`,
    });
    return { diagnostics, statements, summary, integration };
  }
  append(diagnostics, patternDiagnostics(visited, classified.pattern, workflowType, key));
  if (!entry.patterns.includes(classified.pattern)) {
    const label = (pattern: IntegrationPattern) => (pattern === "request-response" ? "request-response" : PATTERN_SUFFIX[pattern]);
    const supported = entry.patterns.map(label).join(", ") || "none";
    diagnostics.push({
      severity: "error",
      rule: "unsupported-pattern",
      state: path,
      message: `${key} does not support ${label(classified.pattern)} (${classified.kind === "aws-sdk" ? "AWS SDK integrations" : key} support: ${supported}); change the Resource suffix`,
    });
    return { diagnostics, statements, summary, integration };
  }
  if (state.Credentials !== undefined) {
    const credentials = new TaskArgs(state.Credentials, visited.queryLanguage).value("RoleArn");
    diagnostics.push({
      severity: "warning",
      rule: "task-credentials",
      state: path,
      message: `${key} runs with the role in Credentials: the execution role only gets sts:AssumeRole on it; grant ${key}'s permissions on that role`,
    });
    statements.push({ Effect: "Allow", Action: ["sts:AssumeRole"], Resource: [credentials.kind === "literal" ? credentials.value : "*"] });
    return { diagnostics, statements, summary, integration };
  }
  const iam = taskStatements({
    visited,
    entry,
    integration: key,
    pattern: classified.pattern,
    arn,
    stateMachineName: options.stateMachineName ?? UNKNOWN_STATE_MACHINE,
    keysGranted: options.keysGranted ?? [],
    extraStatements: options.extraStatements ?? [],
  });
  append(diagnostics, iam.diagnostics);
  append(statements, iam.statements);
  return { diagnostics, statements, summary, integration };
}

export function analyze(input: unknown, options: AnalyzeOptions = {}): AnalysisResult {
  const workflowType = options.workflowType ?? "STANDARD";
  const parsed = parseDefinition(input);
  const diagnostics: Diagnostic[] = [...parsed.errors];
  const integrations: Integration[] = [];
  const statements: PolicyStatement[] = [];
  const tasks: TaskSummary[] = [];
  // A Map, not an object: state names such as `__proto__` or `toString` are keys like any other.
  const stateStatements = new Map<string, PolicyStatement[]>();
  if (parsed.definition) {
    const definition = parsed.definition;
    const arn: ArnContext = {
      partition: options.partition ?? "aws",
      region: options.region ?? UNKNOWN_REGION,
      account: options.account ?? UNKNOWN_ACCOUNT,
    };
    const states = walkStates(definition);
    append(diagnostics, structureDiagnostics(definition));
    append(diagnostics, queryLanguageDiagnostics(definition, states));
    append(diagnostics, singleDollarDiagnostics(states));
    append(diagnostics, placeholderDiagnostics(definition, options, states));
    if (typeof definition.TimeoutSeconds === "number" && !(Number.isInteger(definition.TimeoutSeconds) && definition.TimeoutSeconds > 0)) {
      diagnostics.push({
        severity: "error",
        rule: "timeout-not-positive",
        state: null,
        message: `TimeoutSeconds is ${JSON.stringify(definition.TimeoutSeconds)}; it must be a positive whole number of seconds`,
      });
    }
    for (const visited of states) {
      if (visited.state.Type === "Task") {
        const task = analyzeTask(visited, options, arn, workflowType);
        append(diagnostics, task.diagnostics);
        append(statements, task.statements);
        stateStatements.set(visited.path, task.statements);
        tasks.push(task.summary);
        if (task.integration) integrations.push(task.integration);
      } else if (isDistributedMap(visited)) {
        if (workflowType === "EXPRESS") {
          diagnostics.push({
            severity: "error",
            rule: "express-distributed-map",
            state: visited.path,
            message: "a Distributed Map cannot run in an EXPRESS workflow; use workflowType STANDARD or an INLINE map",
          });
        }
        const map = distributedMapStatements(visited, arn, options.stateMachineName ?? UNKNOWN_STATE_MACHINE);
        append(diagnostics, map.diagnostics);
        append(statements, map.statements);
        stateStatements.set(visited.path, map.statements);
      }
    }
  }
  const errors = listed(diagnostics, "error");
  return {
    ok: errors.length === 0,
    workflowType,
    errors,
    warnings: listed(diagnostics, "warning"),
    integrations,
    statements: mergeStatements(statements),
    tasks,
    stateStatements: Object.fromEntries(stateStatements),
    definition: parsed.definition,
  };
}
