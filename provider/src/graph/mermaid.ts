/** The graph as a Mermaid flowchart: nested machines as subgraphs, problems as a highlighted class. */
import { NODE_CLASSES, nodeClass, type EdgeKind, type GraphModel, type GraphNode } from "./model";
import { printable } from "./text";

/**
 * Inside a quoted label Mermaid reads `#name;`/`#123;` as entity codes, `"` ends the label and HTML is
 * interpreted: those characters (and `|`, which ends an edge label) become numeric entity codes.
 */
export function mermaidText(text: string): string {
  return (
    printable(text)
      .replace(/[#"<>&`|;\\]/g, (c) => `#${c.charCodeAt(0)};`)
      // Before parsing, Mermaid drops the last `;` of any line with `style` or `classDef`, then `:`, then `#`:
      // meant for its style statements, it would cut an entity code short. Their first letter as a code hides the word.
      .replace(/style|classDef/g, (word) => `#${word.charCodeAt(0)};${word.slice(1)}`)
  );
}

const SHAPES: Record<string, [string, string]> = {
  start: ["((", "))"],
  Choice: ["{", "}"],
  Succeed: ["([", "])"],
  Fail: ["([", "])"],
  Parallel: ["[[", "]]"],
  Map: ["[[", "]]"],
  "item-reader": ["[/", "/]"],
  "result-writer": ["[/", "/]"],
  queue: ["[(", ")]"],
  "dead-letter-queue": ["[(", ")]"],
  alarm: [">", "]"],
  problems: [">", "]"],
};

const ARROWS: Record<EdgeKind, string> = {
  start: "-->",
  next: "-->",
  choice: "-->",
  default: "-->",
  branch: "==>",
  items: "==>",
  catch: "-.->",
  retry: "-.->",
  reads: "-.->",
  writes: "-.->",
  callback: "-.->",
  "dead-letter": "-.->",
  alarm: "-.-",
};

function nodeLine(node: GraphNode): string {
  const [open, close] = SHAPES[node.stateType ?? node.kind] ?? ["[", "]"];
  const label = [node.title, ...node.lines].map(mermaidText).join("<br/>");
  return `${node.id}${open}"${label}"${close}`;
}

const CLASSES = [
  "classDef error fill:#fde2e2,stroke:#c00,stroke-width:3px,color:#000",
  "classDef warning fill:#fff4d6,stroke:#b8860b,stroke-width:2px,color:#000",
  "classDef missing fill:#fde2e2,stroke:#c00,stroke-dasharray:4 3,color:#000",
  "classDef resource fill:#e8f1fb,stroke:#4a78a8,color:#000",
  "classDef alarm fill:#f3e8fb,stroke:#7a4aa8,color:#000",
];

export function renderMermaid(model: GraphModel): string {
  const out = ["flowchart TD"];
  const children = (group: string | undefined, depth: number) => {
    const indent = "  ".repeat(depth);
    for (const node of model.nodes) if (node.group === group) out.push(`${indent}${nodeLine(node)}`);
    for (const sub of model.groups) {
      if (sub.parent !== group) continue;
      out.push(`${indent}subgraph ${sub.id}["${mermaidText(sub.label)}"]`);
      children(sub.id, depth + 1);
      out.push(`${indent}end`);
    }
  };
  // Nodes first, inside their subgraphs: an edge that mentions a node first would place it where the edge is.
  children(undefined, 1);
  for (const edge of model.edges) {
    const label = edge.label !== undefined ? `|"${mermaidText(edge.label)}"|` : "";
    out.push(`  ${edge.from} ${ARROWS[edge.kind]}${label} ${edge.to}`);
  }
  out.push(...CLASSES.map((line) => `  ${line}`));
  for (const name of NODE_CLASSES) {
    const ids = model.nodes.filter((node) => nodeClass(node) === name).map((node) => node.id);
    if (ids.length) out.push(`  class ${ids.join(",")} ${name}`);
  }
  return `${out.join("\n")}\n`;
}
