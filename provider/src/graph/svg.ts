/** The graph as a standalone SVG: positions from the ELK layout, every element and text written here. */
import { FONT_SIZE, GROUP_LABEL_HEIGHT, layoutGraph, LINE_HEIGHT, PADDING, type Box, type PlacedEdge } from "./layout";
import { nodeClass, type GraphModel, type GraphNode } from "./model";
import { printable } from "./text";

/** Text and attribute values: `&`, `<`, `>` and both quotes as entities, so any state name stays well-formed. */
export function xmlText(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const MARGIN = 16;
const num = (value: number) => String(Math.round(value * 10) / 10);

const STYLE = `
  text { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: ${FONT_SIZE}px; fill: #111; }
  .title { font-weight: bold; }
  .group rect { fill: #f6f8fa; stroke: #8a94a0; stroke-dasharray: 6 3; }
  .group text { fill: #44505c; }
  .node rect, .node ellipse { fill: #fff; stroke: #333; stroke-width: 1.2; }
  .node.resource rect { fill: #e8f1fb; stroke: #4a78a8; }
  .node.alarm rect { fill: #f3e8fb; stroke: #7a4aa8; }
  .node.warning rect { fill: #fff4d6; stroke: #b8860b; stroke-width: 2; }
  .node.error rect { fill: #fde2e2; stroke: #c00; stroke-width: 3; }
  .node.missing rect { fill: #fde2e2; stroke: #c00; stroke-dasharray: 4 3; }
  .edge path { fill: none; stroke: #555; stroke-width: 1.2; }
  .edge.catch path, .edge.retry path, .edge.callback path, .edge.dead-letter path { stroke-dasharray: 6 3; }
  .edge.reads path, .edge.writes path, .edge.alarm path { stroke-dasharray: 2 3; }
  .edge.catch path { stroke: #c05a00; }
  .edge text { font-size: ${FONT_SIZE - 1}px; fill: #333; }
`;

function textLines(lines: string[], box: Box, firstClass?: string): string {
  return lines
    .map((line, i) => {
      const y = box.y + PADDING + LINE_HEIGHT * (i + 1) - 4;
      const css = i === 0 && firstClass ? ` class="${firstClass}"` : "";
      return `<text x="${num(box.x + PADDING)}" y="${num(y)}"${css}>${xmlText(line)}</text>`;
    })
    .join("");
}

function nodeElement(node: GraphNode, box: Box): string {
  const classes = ["node", node.kind, nodeClass(node)].filter(Boolean).join(" ");
  const rounded = node.kind === "state" ? ' rx="6"' : "";
  const shape =
    node.kind === "start"
      ? `<ellipse cx="${num(box.x + box.width / 2)}" cy="${num(box.y + box.height / 2)}" rx="${num(box.width / 2)}" ry="${num(box.height / 2)}"/>`
      : `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}"${rounded}/>`;
  const text = node.kind === "start" ? "" : textLines([node.title, ...node.lines], box, "title");
  return `<g class="${classes}" id="${node.id}"><title>${xmlText(node.path ?? node.title)}</title>${shape}${text}</g>`;
}

function edgeElement({ edge, points, label }: PlacedEdge): string {
  if (points.length < 2) return "";
  const d = points.map((point, i) => `${i ? "L" : "M"}${num(point.x)} ${num(point.y)}`).join(" ");
  const marker = edge.kind === "alarm" ? "" : ' marker-end="url(#arrow)"';
  const text =
    label && edge.label !== undefined
      ? `<text x="${num(label.x)}" y="${num(label.y + LINE_HEIGHT - 4)}">${xmlText(edge.label)}</text>`
      : "";
  return `<g class="edge ${edge.kind}"><path d="${d}"${marker}/>${text}</g>`;
}

export async function renderSvg(model: GraphModel): Promise<string> {
  const layout = await layoutGraph(model);
  const width = layout.width + 2 * MARGIN;
  const height = layout.height + 2 * MARGIN;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="${num(-MARGIN)} ${num(-MARGIN)} ${num(width)} ${num(height)}">`,
    `<style>${STYLE}</style>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#555"/></marker></defs>',
  ];
  // Groups first (outer before inner, as the model lists them), then edges, then nodes on top.
  for (const group of model.groups) {
    const box = layout.groups.get(group.id);
    if (!box) continue;
    const label = `<text x="${num(box.x + PADDING)}" y="${num(box.y + GROUP_LABEL_HEIGHT - 6)}">${xmlText(group.label)}</text>`;
    out.push(
      `<g class="group ${group.kind}" id="${group.id}"><rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="8"/>${label}</g>`,
    );
  }
  for (const placed of layout.edges) out.push(edgeElement(placed));
  for (const node of model.nodes) {
    const box = layout.nodes.get(node.id);
    if (box) out.push(nodeElement(node, box));
  }
  out.push("</svg>");
  return `${out.filter(Boolean).join("\n")}\n`;
}
