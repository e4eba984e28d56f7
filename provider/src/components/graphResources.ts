/**
 * The queues and alarms a workflow's picture shows, from the same plan the components create them
 * from. Pure (no Pulumi): the `graph` command uses it with the components' defaults.
 */
import type { GraphAlarm, GraphResources } from "../graph/model";
import { callbackNameOf } from "../model/placeholders";
import type { AnalysisResult } from "../model/types";
import type { CallbackQueueArgs } from "./args";
import {
  callbackQueueSettings,
  callbackTaskSizing,
  defaultLogLevel,
  planQueueAlarms,
  planWorkflowAlarms,
  type PlannedAlarm,
  type PlannedWorkflowAlarms,
} from "./alarmPlan";

const condition = (metric: string, alarm: Pick<PlannedAlarm, "threshold" | "period">, unit = "") =>
  `${metric} >= ${alarm.threshold}${unit} in ${alarm.period} s`;

/** `callbacks` carry the queue arguments the Workflow gives each CallbackQueue (sizing and alarm settings). */
export function graphResources(
  alarms: PlannedWorkflowAlarms,
  callbacks: ReadonlyArray<{ name: string; args: CallbackQueueArgs }>,
): GraphResources {
  const list: GraphAlarm[] = [];
  if (alarms.executionsFailed)
    list.push({
      name: "executionsFailed",
      condition: condition("ExecutionsFailed", alarms.executionsFailed),
      target: { kind: "executions" },
    });
  if (alarms.executionsTimedOut)
    list.push({
      name: "executionsTimedOut",
      condition: condition("ExecutionsTimedOut", alarms.executionsTimedOut),
      target: { kind: "executions" },
    });
  if (alarms.heartbeatTimeouts)
    list.push({
      name: "heartbeatTimeouts",
      condition: condition("TaskTimedOut log events", alarms.heartbeatTimeouts),
      target: { kind: "callback-tasks" },
    });
  for (const { name, args } of callbacks) {
    const queueAlarms = planQueueAlarms(args);
    if (!queueAlarms) continue;
    list.push(
      {
        name: `${name}.oldestMessageAge`,
        condition: condition("oldest message age", queueAlarms.oldestMessageAge, " s"),
        target: { kind: "queue", queue: name },
      },
      {
        name: `${name}.deadLetters`,
        condition: condition("messages visible", queueAlarms.deadLetters),
        target: { kind: "dead-letter-queue", queue: name },
      },
    );
  }
  return {
    queues: callbacks.map(({ name, args }) => ({ name, maxReceiveCount: callbackQueueSettings(args).maxReceiveCount })),
    alarms: list,
  };
}

/**
 * What a Workflow with default options would create for this definition: one callback queue per
 * `${callbacks.NAME.*}` placeholder, alarms on, the workflow type's default log level.
 */
export function defaultGraphResources(analysis: AnalysisResult): GraphResources {
  const names = [...new Set(analysis.tasks.flatMap((task) => task.placeholders.map(callbackNameOf)))].filter(
    (name): name is string => name !== undefined,
  );
  const callbacks = names.map((name) => {
    const { heartbeatSeconds, taskTimeoutSeconds } = callbackTaskSizing(name, analysis.tasks);
    return { name, args: { heartbeatSeconds, taskTimeoutSeconds } };
  });
  const workerTasks = analysis.tasks.some((task) => task.pattern === "callback");
  const { alarms } = planWorkflowAlarms({}, workerTasks, defaultLogLevel(analysis.workflowType));
  return graphResources(alarms, callbacks);
}
