/** Checks on a single Task state that do not depend on the integration table. */
import { singleDollarContextPaths, yamlDollarAdvice } from "./contextPaths";
import { passesTaskToken } from "./taskToken";
import type { Diagnostic, IntegrationPattern, WorkflowType } from "../model/types";
import type { VisitedState } from "../model/walk";
import { PATTERN_SUFFIX } from "./resource";

/** A callback without HeartbeatSeconds or TimeoutSeconds waits this long. */
const ONE_YEAR_SECONDS = 31_536_000;

export function taskArguments(visited: VisitedState): unknown {
  return visited.queryLanguage === "JSONata" ? visited.state.Arguments : visited.state.Parameters;
}

function positiveInteger(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}

export function timeoutDiagnostics(visited: VisitedState): Diagnostic[] {
  const { state, path } = visited;
  const found: Diagnostic[] = [];
  for (const field of ["HeartbeatSeconds", "TimeoutSeconds"]) {
    const value = state[field];
    if (typeof value === "number" && !positiveInteger(value)) {
      found.push({
        severity: "error",
        rule: "timeout-not-positive",
        state: path,
        message: `${field} is ${value}; it must be a positive whole number of seconds`,
      });
    }
  }
  const heartbeat = state.HeartbeatSeconds;
  const timeout = state.TimeoutSeconds;
  if (positiveInteger(heartbeat) && positiveInteger(timeout) && (heartbeat as number) >= (timeout as number)) {
    found.push({
      severity: "error",
      rule: "heartbeat-not-below-timeout",
      state: path,
      message: `HeartbeatSeconds (${heartbeat}) must be smaller than TimeoutSeconds (${timeout}); lower the heartbeat or raise the timeout`,
    });
  }
  return found;
}

export function patternDiagnostics(
  visited: VisitedState,
  pattern: IntegrationPattern,
  workflowType: WorkflowType,
  integration: string,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const { path, state } = visited;
  if (workflowType === "EXPRESS" && pattern !== "request-response") {
    found.push({
      severity: "error",
      rule: "express-pattern",
      state: path,
      message: `${integration}${PATTERN_SUFFIX[pattern]} cannot run in an EXPRESS workflow, which supports request-response integrations only; use workflowType STANDARD or drop the ${PATTERN_SUFFIX[pattern]} suffix`,
    });
  }
  if (pattern === "callback") {
    const args = taskArguments(visited);
    if (!passesTaskToken(args, visited.queryLanguage)) {
      const token = visited.queryLanguage === "JSONata" ? "{% $states.context.Task.Token %}" : '"token.$": "$$.Task.Token"';
      const single =
        visited.queryLanguage === "JSONPath" ? singleDollarContextPaths(args).find((found) => found.startsWith("$.Task")) : undefined;
      found.push({
        severity: "error",
        rule: "missing-task-token",
        state: path,
        message:
          single !== undefined
            ? `${integration}.waitForTaskToken passes "${single}", the state input's field, not the task token "$${single}", so nothing can complete the task; ${yamlDollarAdvice(single)}`
            : `${integration}.waitForTaskToken never passes the task token, so nothing can complete the task; add it to the ${visited.queryLanguage === "JSONata" ? "Arguments" : "Parameters"} (for example ${token})`,
      });
    }
    if (state.HeartbeatSeconds === undefined && state.HeartbeatSecondsPath === undefined) {
      const waits =
        state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined
          ? `up to a year (${ONE_YEAR_SECONDS} s)`
          : `until TimeoutSeconds (${String(state.TimeoutSeconds ?? state.TimeoutSecondsPath)})`;
      found.push({
        severity: "warning",
        rule: "callback-without-heartbeat",
        state: path,
        message: `callback task has no HeartbeatSeconds: if its worker dies the execution waits ${waits}; set HeartbeatSeconds and have the worker send heartbeats`,
      });
    }
  }
  return found;
}
