/**
 * A workflow as a graph: states, transitions, nested machines, and what the deployment adds around
 * them (callback queues, alarms, per-state permissions). Built once; the renderers only draw it.
 */
import type { IntegrationPattern, Severity } from "../model/types";

export type NodeKind =
  "start" | "state" | "missing" | "item-reader" | "result-writer" | "queue" | "dead-letter-queue" | "alarm" | "problems";

/** A diagnostic as the picture shows it: the rule id, on the state it names. */
export interface GraphProblem {
  rule: string;
  severity: Severity;
}

export interface GraphNode {
  /** Stable within one model: `n0`, `n1`, ... */
  id: string;
  kind: NodeKind;
  /** The group the node is drawn in (undefined: the top level). */
  group?: string;
  /** State type (`Task`, `Choice`, ...) for states. */
  stateType?: string;
  /** State path (`Fan out > branch 1 > Ask`) for states. */
  path?: string;
  /** First line: the state's (or queue's, alarm's) name. */
  title: string;
  /** Further lines, plain text: type, integration, pattern, timing, IAM actions, problems. */
  lines: string[];
  pattern?: IntegrationPattern;
  problems: GraphProblem[];
}

export type GroupKind = "parallel" | "branch" | "map" | "item-processor" | "alarms";

export interface GraphGroup {
  id: string;
  kind: GroupKind;
  parent?: string;
  label: string;
  /** The Parallel or Map state the group draws (its node is inside): the group's transitions leave from it. */
  state?: string;
}

export type EdgeKind =
  | "start"
  | "next"
  | "choice"
  | "default"
  | "catch"
  | "retry"
  | "branch"
  | "items"
  | "reads"
  | "writes"
  | "callback"
  | "dead-letter"
  | "alarm";

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string;
}

export interface GraphModel {
  nodes: GraphNode[];
  groups: GraphGroup[];
  edges: GraphEdge[];
  /** Every error and warning with the state it names (null: the document), in the analysis' order. */
  problems: Array<GraphProblem & { state: string | null }>;
}

/** What a watched alarm is attached to. */
export type AlarmTarget =
  { kind: "executions" } | { kind: "callback-tasks" } | { kind: "queue"; queue: string } | { kind: "dead-letter-queue"; queue: string };

export interface GraphAlarm {
  /** The key under which the component reports it (`executionsFailed`, `reviewers.deadLetters`). */
  name: string;
  /** Metric and threshold in a few words: `ExecutionsFailed >= 1 in 300 s`. */
  condition: string;
  target: AlarmTarget;
}

/** What the deployment creates around the states, as the components plan it. */
export interface GraphResources {
  queues: Array<{ name: string; maxReceiveCount: number }>;
  alarms: GraphAlarm[];
}

/** How a node is highlighted, in every format: problems first, then the kind of resource. */
export const NODE_CLASSES = ["error", "warning", "missing", "resource", "alarm"] as const;
export type NodeClass = (typeof NODE_CLASSES)[number];

export function nodeClass(node: GraphNode): NodeClass | undefined {
  if (node.kind === "missing") return "missing";
  if (node.problems.some((p) => p.severity === "error")) return "error";
  if (node.problems.length) return "warning";
  if (node.kind === "queue" || node.kind === "dead-letter-queue") return "resource";
  return node.kind === "alarm" ? "alarm" : undefined;
}
