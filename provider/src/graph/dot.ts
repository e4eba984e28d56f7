/**
 * The graph in Graphviz DOT: nested machines as clusters, problems in red. Ids and classes name the
 * model's nodes, groups and edges in Graphviz's SVG, which is the `svg` format.
 */
import { nodeClass, type EdgeKind, type GraphEdge, type GraphModel, type GraphNode, type NodeClass } from "./model";
import { printable } from "./text";

/**
 * A DOT double-quoted string: backslashes and quotes escaped, and `&` as `&amp;`, since Graphviz reads
 * entities in labels (`&lt;` would otherwise draw `<`); everything else is UTF-8 text.
 */
export function dotString(text: string): string {
  return `"${printable(text)
    .replace(/&/g, "&amp;")
    .replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

const SHAPES: Record<string, string> = {
  start: "circle",
  Choice: "diamond",
  Succeed: "doublecircle",
  Fail: "doubleoctagon",
  "item-reader": "parallelogram",
  "result-writer": "parallelogram",
  queue: "cylinder",
  "dead-letter-queue": "cylinder",
  alarm: "cds",
  problems: "note",
};

const EDGE_STYLES: Partial<Record<EdgeKind, string>> = {
  branch: "bold",
  items: "bold",
  catch: "dashed",
  retry: "dashed",
  reads: "dotted",
  writes: "dotted",
  callback: "dashed",
  "dead-letter": "dashed",
  alarm: "dotted",
};

const COLORS: Record<NodeClass, string> = {
  error: 'color="#cc0000", fillcolor="#fde2e2", penwidth=3',
  warning: 'color="#b8860b", fillcolor="#fff4d6", penwidth=2',
  missing: 'color="#cc0000", fillcolor="#fde2e2", style="dashed,filled"',
  resource: 'color="#4a78a8", fillcolor="#e8f1fb"',
  alarm: 'color="#7a4aa8", fillcolor="#f3e8fb"',
};

function nodeStatement(node: GraphNode): string {
  // `\n` in a DOT label is a centred line break.
  const label = [node.title, ...node.lines].map((line) => dotString(line).slice(1, -1)).join("\\n");
  const highlight = nodeClass(node);
  const attributes = [
    `id=${node.id}`,
    `class="${[node.kind, highlight].filter(Boolean).join(" ")}"`,
    `label="${label}"`,
    `shape=${SHAPES[node.stateType ?? node.kind] ?? "box"}`,
    // Graphviz reads a tooltip's backslash escapes twice (`\N` would become the node's name).
    ...(node.path !== undefined ? [`tooltip=${dotString(node.path.replace(/\\/g, "\\\\"))}`] : []),
  ];
  if (highlight) attributes.push(COLORS[highlight]);
  return `${node.id} [${attributes.join(", ")}];`;
}

/** Transitions a Parallel or Map state takes once all its branches or items are done. */
const AFTER_GROUP: ReadonlySet<EdgeKind> = new Set(["next", "catch"]);
/** Transitions between states: what makes a state the last of its branch when none leaves it. */
const FLOW: ReadonlySet<EdgeKind> = new Set(["next", "choice", "default", "catch", "branch", "items"]);

/** Each group's nodes, its subgroups' included. */
function membersByGroup(model: GraphModel): Map<string, Set<string>> {
  const members = new Map<string, Set<string>>(model.groups.map((group) => [group.id, new Set<string>()]));
  const parents = new Map(model.groups.map((group) => [group.id, group.parent]));
  for (const node of model.nodes) {
    for (let group = node.group; group !== undefined; group = parents.get(group)) members.get(group)!.add(node.id);
  }
  return members;
}

/** Each node's neighbours along the edges of the given kinds (all kinds when none are given). */
function neighbours(model: GraphModel, direction: "from" | "to", kinds?: ReadonlySet<EdgeKind>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const edge of model.edges) {
    if (kinds && !kinds.has(edge.kind)) continue;
    const [node, other] = direction === "from" ? [edge.from, edge.to] : [edge.to, edge.from];
    const list = found.get(node);
    if (list) list.push(other);
    else found.set(node, [other]);
  }
  return found;
}

/**
 * A Parallel's or Map's Next and Catch leave from the border of its cluster (`ltail`), and invisible
 * edges from the states that end its branches rank the target below the whole cluster. Without them
 * Graphviz ranks the target one below the state at the cluster's top, so it goes beside the cluster,
 * and a long definition drifts sideways block after block.
 */
function afterGroupEdges(model: GraphModel): { tails: Map<GraphEdge, string>; ranking: string[] } {
  const members = membersByGroup(model);
  const groupOfState = new Map(model.groups.flatMap((group) => (group.state !== undefined ? [[group.state, group.id] as const] : [])));
  const kinds = new Map(model.nodes.map((node) => [node.id, node.kind]));
  const successors = neighbours(model, "from", FLOW);
  const predecessors = neighbours(model, "to");
  /** The states that end a group's branches or items: none of their transitions stays in the group. */
  const last = (inside: Set<string>) =>
    [...inside].filter(
      (id) =>
        (kinds.get(id) === "state" || kinds.get(id) === "missing") &&
        (successors.get(id) ?? []).every((to) => to === id || !inside.has(to)),
    );
  /** Where a transition into a node arrives first: for a Parallel or Map, its nodes nothing inside leads to (an ItemReader). */
  const first = (id: string): string[] => {
    const group = groupOfState.get(id);
    if (group === undefined) return [id];
    const inside = members.get(group)!;
    return [...inside].filter((node) => (predecessors.get(node) ?? []).every((from) => from === node || !inside.has(from)));
  };
  const tails = new Map<GraphEdge, string>();
  const ranking = new Set<string>();
  for (const edge of model.edges) {
    const group = groupOfState.get(edge.from);
    if (group === undefined || !AFTER_GROUP.has(edge.kind)) continue;
    const inside = members.get(group)!;
    if (inside.has(edge.to)) continue;
    tails.set(edge, `cluster_${group}`);
    for (const end of last(inside)) for (const start of first(edge.to)) ranking.add(`  ${end} -> ${start} [style=invis];`);
  }
  return { tails, ranking: [...ranking] };
}

/**
 * Above this many nodes, Graphviz's placement of nodes across a rank stops after a tenth of a network
 * simplex pass per node: about 40% less layout time for a long definition (1,000 states), for a picture
 * about as narrow as the full search's (856 px against 842 px there).
 */
export const LARGE_GRAPH_NODES = 200;

export function renderDot(model: GraphModel): string {
  const large = model.nodes.length > LARGE_GRAPH_NODES ? " nslimit=0.1," : "";
  const out = [
    "digraph workflow {",
    `  graph [rankdir=TB, compound=true,${large} fontname="Helvetica", fontsize=11];`,
    '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const nodesIn = Map.groupBy(model.nodes, (node) => node.group);
  const groupsIn = Map.groupBy(model.groups, (group) => group.parent);
  const members = (group: string | undefined, depth: number) => {
    const indent = "  ".repeat(depth);
    for (const node of nodesIn.get(group) ?? []) out.push(`${indent}${nodeStatement(node)}`);
    for (const sub of groupsIn.get(group) ?? []) {
      out.push(
        `${indent}subgraph cluster_${sub.id} {`,
        `${indent}  id=${sub.id}; class="group ${sub.kind}"; label=${dotString(sub.label)}; style=rounded;`,
      );
      members(sub.id, depth + 1);
      out.push(`${indent}}`);
    }
  };
  members(undefined, 1);
  const { tails, ranking } = afterGroupEdges(model);
  model.edges.forEach((edge, i) => {
    const attributes = [
      `id=e${i}`,
      `class=${JSON.stringify(edge.kind)}`,
      ...(tails.has(edge) ? [`ltail=${tails.get(edge)}`] : []),
      ...(edge.label !== undefined ? [`label=${dotString(edge.label)}`] : []),
      ...(EDGE_STYLES[edge.kind] ? [`style=${EDGE_STYLES[edge.kind]}`] : []),
      ...(edge.kind === "alarm" ? ["arrowhead=none"] : []),
    ];
    out.push(`  ${edge.from} -> ${edge.to} [${attributes.join(", ")}];`);
  });
  out.push(...ranking, "}");
  return `${out.join("\n")}\n`;
}
