/** Runs an integration table entry's IAM builder for one task and collects what it reports. */
import { impliedStatements } from "../integrations/implied";
import type { IamContext, IntegrationEntry } from "../integrations/spec";
import { TaskArgs } from "../model/taskArgs";
import type { ArnContext, Diagnostic, IntegrationPattern, PolicyStatement } from "../model/types";
import type { VisitedState } from "../model/walk";
import { taskArguments } from "./taskRules";

export interface TaskIamInput {
  visited: VisitedState;
  entry: IntegrationEntry;
  integration: string;
  pattern: IntegrationPattern;
  arn: ArnContext;
  stateMachineName: string;
  keysGranted: readonly string[];
  extraStatements: readonly PolicyStatement[];
}

export function taskStatements(input: TaskIamInput): { statements: PolicyStatement[]; diagnostics: Diagnostic[] } {
  const { visited, entry, integration, pattern } = input;
  const diagnostics: Diagnostic[] = [];
  const args = new TaskArgs(taskArguments(visited), visited.queryLanguage);
  const context: IamContext = {
    ...input.arn,
    pattern,
    args,
    integration,
    stateMachineName: input.stateMachineName,
    keysGranted: input.keysGranted,
    extraStatements: input.extraStatements,
    scope(path, build, options) {
      return args.values(path).flatMap((value) => {
        if (value.kind === "literal") return build(value.value);
        if (value.kind === "dynamic") {
          const widest = options?.whenDynamic ?? ["*"];
          diagnostics.push({
            severity: "warning",
            rule: "dynamic-resource",
            state: visited.path,
            message: `${integration}: ${value.path} is computed at run time, so its permissions are granted on ${widest.map((r) => `"${r}"`).join(", ")}; write the value literally (or as a \${placeholder}) to scope them`,
          });
          return widest;
        }
        if (options?.whenAbsent) return options.whenAbsent;
        diagnostics.push({
          severity: "error",
          rule: "missing-argument",
          state: visited.path,
          message: `${integration} needs the argument ${path}`,
        });
        return [];
      });
    },
    invalid(path, message) {
      diagnostics.push({
        severity: "error",
        rule: "invalid-argument",
        state: visited.path,
        message: `${integration}: ${path}: ${message}`,
      });
    },
    warn(rule, message) {
      diagnostics.push({ severity: "warning", rule, state: visited.path, message });
    },
  };
  const statements = [...entry.iam(context), ...impliedStatements(context, entry.implies ?? [])]
    .filter((spec) => spec.resources.length > 0)
    .map((spec): PolicyStatement => ({
      Effect: "Allow",
      Action: spec.actions,
      Resource: spec.resources,
      ...(spec.condition ? { Condition: spec.condition } : {}),
    }));
  return { statements, diagnostics };
}
