/** The graph in Graphviz DOT: nested machines as clusters, problems in red. */
import { nodeClass, type EdgeKind, type GraphModel, type GraphNode, type NodeClass } from "./model";
import { printable } from "./text";

/** A DOT double-quoted string: backslashes and quotes escaped; everything else is UTF-8 text. */
export function dotString(text: string): string {
  return `"${printable(text).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
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
  const attributes = [`label="${label}"`, `shape=${SHAPES[node.stateType ?? node.kind] ?? "box"}`];
  const highlight = nodeClass(node);
  if (highlight) attributes.push(COLORS[highlight]);
  return `${node.id} [${attributes.join(", ")}];`;
}

export function renderDot(model: GraphModel): string {
  const out = [
    "digraph workflow {",
    '  graph [rankdir=TB, fontname="Helvetica", fontsize=11];',
    '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const members = (group: string | undefined, depth: number) => {
    const indent = "  ".repeat(depth);
    for (const node of model.nodes) if (node.group === group) out.push(`${indent}${nodeStatement(node)}`);
    for (const sub of model.groups) {
      if (sub.parent !== group) continue;
      out.push(`${indent}subgraph cluster_${sub.id} {`, `${indent}  label=${dotString(sub.label)}; style=rounded;`);
      members(sub.id, depth + 1);
      out.push(`${indent}}`);
    }
  };
  members(undefined, 1);
  for (const edge of model.edges) {
    const attributes = [
      ...(edge.label !== undefined ? [`label=${dotString(edge.label)}`] : []),
      ...(EDGE_STYLES[edge.kind] ? [`style=${EDGE_STYLES[edge.kind]}`] : []),
      ...(edge.kind === "alarm" ? ["arrowhead=none"] : []),
    ];
    out.push(`  ${edge.from} -> ${edge.to}${attributes.length ? ` [${attributes.join(", ")}]` : ""};`);
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}
