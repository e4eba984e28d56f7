/** Workflow's `syncEndpoint`: checks that need the workflow (its type, its timeout), run with the Workflow's own. */
import type { WorkflowType } from "../../model/types";
import type { Problems } from "../errors";
import type { SyncEndpointOptions } from "./args";
import { endpointSettings, INTEGRATION_TIMEOUT_SECONDS } from "./settings";

/** Express executions stop after five minutes whatever the definition says. */
const EXPRESS_MAX_SECONDS = 300;

export function checkWorkflowSyncEndpoint(
  problems: Problems,
  options: SyncEndpointOptions | undefined,
  workflowType: WorkflowType,
  definition: Record<string, unknown> | undefined,
): void {
  if (options === undefined) return;
  const { settings, problems: own } = endpointSettings(options, "syncEndpoint.");
  // Warnings are the endpoint's own to report (SyncEndpoint logs them on itself); errors stop the Workflow now.
  problems.list.push(...own.filter((p) => p.severity === "error"));
  if (workflowType !== "EXPRESS") {
    problems.error(
      "sync-endpoint-needs-express",
      "syncEndpoint",
      'StartSyncExecution runs EXPRESS workflows only; set workflowType: "EXPRESS" (a STANDARD workflow can be started asynchronously instead)',
    );
    return;
  }
  const limit = INTEGRATION_TIMEOUT_SECONDS[settings.apiType];
  const timeout = definition?.TimeoutSeconds;
  if (typeof timeout === "number" && timeout <= limit) return;
  const runs =
    typeof timeout === "number"
      ? `TimeoutSeconds is ${timeout}`
      : `the definition has no top-level TimeoutSeconds, so an execution may run ${EXPRESS_MAX_SECONDS} s`;
  problems.warn(
    "sync-endpoint-timeout",
    "syncEndpoint",
    `${runs} but a ${settings.apiType} API waits ${limit} s for the integration: slower executions answer callers 504 while they go on running; set TimeoutSeconds to ${limit} or less`,
  );
}
