/** Builds the graph model from the analysis and the planned resources. Pure: no Pulumi, no I/O. */
import { callbackNameOf } from "../model/placeholders";
import { append } from "../model/append";
import type { AnalysisResult, Integration, IntegrationPattern, TaskSummary } from "../model/types";
import { isObject, walkDefinition, type VisitedMachine, type VisitedState } from "../model/walk";
import { conditionText } from "./conditions";
import type { EdgeKind, GraphEdge, GraphGroup, GraphModel, GraphNode, GraphResources, GroupKind, NodeKind } from "./model";

/** How each pattern is marked on its Task. */
export const PATTERN_MARK: Record<IntegrationPattern, string> = {
  "request-response": "request-response",
  sync: ".sync",
  "sync:2": ".sync:2",
  callback: "callback",
};

/** IAM actions per line, so a long list stays readable. */
const ACTIONS_PER_LINE = 3;

function integrationText(integration: Integration): string {
  switch (integration.kind) {
    case "aws-sdk":
      return `aws-sdk:${integration.service}:${integration.action}`;
    case "lambda-arn":
      return "lambda:invoke (function ARN)";
    case "activity":
      return `activity ${integration.resource.split(":").pop()}`;
    default:
      return `${integration.service}:${integration.action}`;
  }
}

const seconds = (value: unknown) => (typeof value === "number" ? `${value} s` : typeof value === "string" ? value : undefined);

function timingLine(state: Record<string, unknown>): string | undefined {
  const heartbeat = seconds(state.HeartbeatSeconds ?? state.HeartbeatSecondsPath);
  const timeout = seconds(state.TimeoutSeconds ?? state.TimeoutSecondsPath);
  const parts = [heartbeat && `heartbeat ${heartbeat}`, timeout && `timeout ${timeout}`].filter(Boolean);
  return parts.length ? parts.join(" · ") : undefined;
}

function iamLines(actions: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < actions.length; i += ACTIONS_PER_LINE) lines.push(actions.slice(i, i + ACTIONS_PER_LINE).join(", "));
  return lines.map((line, i) => (i === 0 ? `IAM: ${line}` : `     ${line}`));
}

/** `arn:aws:states:::s3:getObject` -> `s3:getObject`. */
const shortResource = (resource: unknown) =>
  typeof resource === "string" ? resource.replace(/^arn:[^:]+:states:::/, "") : "(no Resource)";

/** A Distributed Map's ItemReader or ResultWriter: its resource and, when written literally, its S3 location. */
function s3Node(builder: GraphBuilder, kind: "item-reader" | "result-writer", block: Record<string, unknown>, group: string | undefined) {
  const location = s3Location(block);
  const title = kind === "item-reader" ? "ItemReader" : "ResultWriter";
  return builder.node(kind, title, [shortResource(block.Resource), ...(location ? [location] : [])], group).id;
}

/** `s3://bucket/key` when the reader or writer names its location literally. */
function s3Location(block: Record<string, unknown>): string | undefined {
  const args = isObject(block.Parameters) ? block.Parameters : isObject(block.Arguments) ? block.Arguments : {};
  if (typeof args.Bucket !== "string") return undefined;
  const key = typeof args.Key === "string" ? args.Key : typeof args.Prefix === "string" ? args.Prefix : "";
  return `s3://${args.Bucket}/${key}`;
}

function stateLines(state: Record<string, unknown>, distributed: boolean): string[] {
  switch (state.Type) {
    case "Wait":
      return [
        state.Seconds !== undefined || state.SecondsPath !== undefined
          ? `Wait ${seconds(state.Seconds ?? state.SecondsPath)}`
          : `Wait until ${String(state.Timestamp ?? state.TimestampPath)}`,
      ];
    case "Fail":
      return [typeof state.Error === "string" ? `Fail: ${state.Error}` : "Fail"];
    case "Parallel": {
      const count = Array.isArray(state.Branches) ? state.Branches.length : 0;
      return [`Parallel · ${count} ${count === 1 ? "branch" : "branches"}`];
    }
    case "Map": {
      const concurrency = typeof state.MaxConcurrency === "number" ? ` · max concurrency ${state.MaxConcurrency}` : "";
      return [`${distributed ? "Distributed Map" : "Map"}${concurrency}`];
    }
    case "Task":
      return []; // the task lines say it
    default:
      return [String(state.Type)];
  }
}

class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly groups: GraphGroup[] = [];
  readonly edges: GraphEdge[] = [];

  node(kind: NodeKind, title: string, lines: string[], group: string | undefined, extra: Partial<GraphNode> = {}): GraphNode {
    const node: GraphNode = { id: `n${this.nodes.length}`, kind, title, lines, problems: [], ...(group ? { group } : {}), ...extra };
    this.nodes.push(node);
    return node;
  }

  group(kind: GroupKind, label: string, parent: string | undefined): string {
    const id = `g${this.groups.length}`;
    this.groups.push({ id, kind, label, ...(parent ? { parent } : {}) });
    return id;
  }

  edge(from: string, to: string, kind: EdgeKind, label?: string): void {
    this.edges.push({ from, to, kind, ...(label !== undefined ? { label } : {}) });
  }
}

interface Facts {
  integrations: Map<string, Integration>;
  tasks: Map<string, TaskSummary>;
  statements: Map<string, AnalysisResult["stateStatements"][string]>;
  machines: Map<string, VisitedMachine>;
}

/** Draws one machine's states in `group`; returns the node id of its StartAt state. */
function drawMachine(builder: GraphBuilder, facts: Facts, machine: VisitedMachine, group: string | undefined): string {
  const ids = new Map<string, string>();
  const missing = new Map<string, string>();
  /** A transition's target; a name the machine does not have gets a node of its own, marked missing. */
  const target = (name: unknown): string => {
    const key = String(name);
    const found = ids.get(key) ?? missing.get(key);
    if (found) return found;
    const node = builder.node("missing", key, ["no such state"], group);
    missing.set(key, node.id);
    return node.id;
  };
  const inner: Array<() => void> = [];
  for (const visited of machine.states) {
    const { state } = visited;
    const processor = facts.machines.get(`${visited.pointer}/ItemProcessor`) ?? facts.machines.get(`${visited.pointer}/Iterator`);
    const distributed = isObject(processor?.machine.ProcessorConfig) && processor.machine.ProcessorConfig.Mode === "DISTRIBUTED";
    const nested = state.Type === "Parallel" || state.Type === "Map";
    const own = nested
      ? builder.group(
          state.Type === "Parallel" ? "parallel" : "map",
          `${visited.name} (${distributed ? "Distributed Map" : state.Type})`,
          group,
        )
      : group;
    const node = builder.node("state", visited.name, [...stateLines(state, distributed), ...taskLines(facts, visited)], own, {
      stateType: String(state.Type),
      path: visited.path,
      ...(facts.integrations.has(visited.path) ? { pattern: facts.integrations.get(visited.path)!.pattern } : {}),
    });
    ids.set(visited.name, node.id);
    if (nested) builder.groups.find((g) => g.id === own)!.state = node.id;
    if (state.Type === "Parallel" && Array.isArray(state.Branches)) {
      state.Branches.forEach((_, i) => {
        const branch = facts.machines.get(`${visited.pointer}/Branches/${i}`);
        if (!branch) return;
        inner.push(() =>
          builder.edge(node.id, drawMachine(builder, facts, branch, builder.group("branch", `branch ${i + 1}`, own)), "branch"),
        );
      });
    }
    if (processor) {
      inner.push(() =>
        builder.edge(node.id, drawMachine(builder, facts, processor, builder.group("item-processor", "item processor", own)), "items"),
      );
    }
    if (isObject(state.ItemReader)) builder.edge(s3Node(builder, "item-reader", state.ItemReader, own), node.id, "reads");
    if (isObject(state.ResultWriter) && state.ResultWriter.Resource !== undefined)
      builder.edge(node.id, s3Node(builder, "result-writer", state.ResultWriter, own), "writes");
  }
  for (const draw of inner) draw();
  for (const visited of machine.states) {
    const { state } = visited;
    const from = ids.get(visited.name)!;
    if (state.Next !== undefined) builder.edge(from, target(state.Next), "next");
    if (state.Type === "Choice") {
      for (const rule of Array.isArray(state.Choices) ? state.Choices : []) {
        if (isObject(rule) && rule.Next !== undefined) builder.edge(from, target(rule.Next), "choice", conditionText(rule));
      }
      if (state.Default !== undefined) builder.edge(from, target(state.Default), "default", "default");
    }
    for (const retrier of Array.isArray(state.Retry) ? state.Retry : []) {
      if (!isObject(retrier)) continue;
      const attempts = typeof retrier.MaxAttempts === "number" ? retrier.MaxAttempts : 3;
      builder.edge(from, from, "retry", `retry ${errorsOf(retrier)} ×${attempts}`);
    }
    for (const catcher of Array.isArray(state.Catch) ? state.Catch : []) {
      if (isObject(catcher) && catcher.Next !== undefined) builder.edge(from, target(catcher.Next), "catch", `catch ${errorsOf(catcher)}`);
    }
  }
  return target(machine.machine.StartAt);
}

const errorsOf = (handler: Record<string, unknown>) =>
  Array.isArray(handler.ErrorEquals) ? handler.ErrorEquals.map(String).join(", ") : "?";

function taskLines(facts: Facts, visited: VisitedState): string[] {
  const lines: string[] = [];
  const integration = facts.integrations.get(visited.path);
  if (integration) lines.push(`Task · ${integrationText(integration)}`, `pattern: ${PATTERN_MARK[integration.pattern]}`);
  else if (visited.state.Type === "Task") lines.push(`Task · ${String(visited.state.Resource)}`);
  const timing = visited.state.Type === "Task" ? timingLine(visited.state) : undefined;
  if (timing) lines.push(timing);
  const actions = [...new Set((facts.statements.get(visited.path) ?? []).flatMap((statement) => statement.Action))];
  return [...lines, ...iamLines(actions)];
}

/** Queues, dead-letter queues and alarms, linked to the tasks that use them. */
function drawResources(builder: GraphBuilder, facts: Facts, resources: GraphResources): void {
  const queues = new Map<string, { queue: string; deadLetters: string }>();
  for (const { name, maxReceiveCount } of resources.queues) {
    const queue = builder.node("queue", name, ["callback queue (SQS)"], undefined).id;
    const deadLetters = builder.node("dead-letter-queue", `${name} dead letters`, ["dead-letter queue (SQS)"], undefined).id;
    builder.edge(queue, deadLetters, "dead-letter", `after ${maxReceiveCount} receives`);
    queues.set(name, { queue, deadLetters });
  }
  const stateNodes = builder.nodes.filter((node) => node.kind === "state");
  const callbackTasks = stateNodes.filter((node) => node.pattern === "callback");
  for (const node of stateNodes) {
    const task = node.path !== undefined ? facts.tasks.get(node.path) : undefined;
    const names = new Set((task?.placeholders ?? []).map(callbackNameOf).filter((name) => name !== undefined));
    for (const name of names) {
      const queue = queues.get(name);
      if (queue && node.pattern === "callback") builder.edge(node.id, queue.queue, "callback", "task token");
    }
  }
  if (!resources.alarms.length) return;
  const group = builder.group("alarms", "alarms", undefined);
  for (const alarm of resources.alarms) {
    const node = builder.node("alarm", alarm.name, [alarm.condition], group).id;
    const { target } = alarm;
    const watched =
      target.kind === "callback-tasks"
        ? callbackTasks.map((task) => task.id)
        : target.kind === "queue"
          ? [queues.get(target.queue)?.queue]
          : target.kind === "dead-letter-queue"
            ? [queues.get(target.queue)?.deadLetters]
            : [];
    for (const id of watched) if (id) builder.edge(id, node, "alarm");
  }
}

export function buildGraph(analysis: AnalysisResult, resources: GraphResources): GraphModel {
  const builder = new GraphBuilder();
  const problems = [...analysis.errors, ...analysis.warnings].map(({ rule, severity, state }) => ({ rule, severity, state }));
  if (analysis.definition) {
    const { machines } = walkDefinition(analysis.definition);
    const facts: Facts = {
      integrations: new Map(analysis.integrations.map((integration) => [integration.state, integration])),
      tasks: new Map(analysis.tasks.map((task) => [task.state, task])),
      // Own entries only: a state named `toString` has no statements from Object.prototype.
      statements: new Map(Object.entries(analysis.stateStatements)),
      machines: new Map(machines.map((machine) => [machine.pointer, machine])),
    };
    const start = builder.node("start", "start", [], undefined);
    builder.edge(start.id, drawMachine(builder, facts, machines[0], undefined), "start");
    drawResources(builder, facts, resources);
  }
  // Each problem is marked on its state; the others are listed in one note.
  const byPath = new Map(builder.nodes.filter((node) => node.path !== undefined).map((node) => [node.path!, node]));
  const unplaced: string[] = [];
  for (const problem of problems) {
    const node = problem.state === null ? undefined : byPath.get(problem.state);
    if (node) {
      node.problems.push({ rule: problem.rule, severity: problem.severity });
      node.lines.push(`${problem.severity}: ${problem.rule}`);
    } else {
      unplaced.push(`${problem.severity}: ${problem.rule}${problem.state === null ? "" : ` (${problem.state})`}`);
    }
  }
  if (unplaced.length) {
    const note = builder.node("problems", analysis.definition ? "definition" : "the definition does not parse", unplaced, undefined);
    append(
      note.problems,
      problems.filter((p) => !byPath.has(p.state ?? "")).map(({ rule, severity }) => ({ rule, severity })),
    );
  }
  return { nodes: builder.nodes, groups: builder.groups, edges: builder.edges, problems };
}
