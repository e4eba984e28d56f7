/**
 * Places the graph with ELK's layered algorithm (elkjs: Eclipse's layout engine compiled to plain
 * JavaScript, no browser). Sizes come from the text in a monospace font, so ELK leaves room for it.
 */
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { GraphEdge, GraphModel, GraphNode } from "./model";
import { columns } from "./text";

export const FONT_SIZE = 12;
export const CHAR_WIDTH = 7.3;
export const LINE_HEIGHT = 16;
export const PADDING = 8;
/** Room above a group's children for its label. */
export const GROUP_LABEL_HEIGHT = 22;
const START_SIZE = 28;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  edge: GraphEdge;
  points: Array<{ x: number; y: number }>;
  label?: Box;
}

export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, Box>;
  groups: Map<string, Box>;
  edges: PlacedEdge[];
}

export const textWidth = (lines: string[]) => Math.max(0, ...lines.map(columns)) * CHAR_WIDTH;

function nodeSize(node: GraphNode): { width: number; height: number } {
  if (node.kind === "start") return { width: START_SIZE, height: START_SIZE };
  const lines = [node.title, ...node.lines];
  return { width: textWidth(lines) + 2 * PADDING, height: lines.length * LINE_HEIGHT + 2 * PADDING };
}

/**
 * Retry loops (an edge from a state to itself) are drawn beside their node, one per text line from
 * the top, their label to the right: ELK only reserves the room, as part of the node. Its own
 * self-loop routing and label placement cost about a third of the layout of a large definition.
 */
const LOOP_REACH = 16;
const LOOP_HEIGHT = 8;

function loopRoom(loops: GraphEdge[]): { width: number; height: number } {
  if (!loops.length) return { width: 0, height: 0 };
  return {
    width: LOOP_REACH + 4 + textWidth(loops.map((loop) => loop.label ?? "")),
    height: loops.length * LINE_HEIGHT + 2 * PADDING,
  };
}

function placeLoops(loops: GraphEdge[], box: Box): PlacedEdge[] {
  const right = box.x + box.width;
  return loops.map((edge, i) => {
    const top = box.y + PADDING + i * LINE_HEIGHT + (LINE_HEIGHT - LOOP_HEIGHT) / 2;
    const points = [
      { x: right, y: top },
      { x: right + LOOP_REACH, y: top },
      { x: right + LOOP_REACH, y: top + LOOP_HEIGHT },
      { x: right, y: top + LOOP_HEIGHT },
    ];
    const label =
      edge.label !== undefined
        ? { x: right + LOOP_REACH + 4, y: top + LOOP_HEIGHT / 2 - LINE_HEIGHT / 2 - 1, width: textWidth([edge.label]), height: LINE_HEIGHT }
        : undefined;
    return { edge, points, ...(label ? { label } : {}) };
  });
}

const OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  // Edges leave nested groups (a Parallel's Next, a task's queue): lay out the whole hierarchy at once.
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.spacing.nodeNode": "24",
  "elk.layered.spacing.nodeNodeBetweenLayers": "32",
  "elk.spacing.edgeLabel": "4",
  // Every coordinate relative to the picture, so drawing needs no offsets.
  "elk.json.shapeCoords": "ROOT",
  "elk.json.edgeCoords": "ROOT",
};

/** Each node's retry loops, in the model's order. */
function loopsByNode(model: GraphModel): Map<string, GraphEdge[]> {
  const loops = new Map<string, GraphEdge[]>();
  for (const edge of model.edges) if (edge.from === edge.to) loops.set(edge.from, [...(loops.get(edge.from) ?? []), edge]);
  return loops;
}

/**
 * Above this many nodes, the cheaper settings: Brandes-Köpf placement spreads a long definition tens
 * of thousands of pixels wide and, with thorough crossing minimisation, costs a large share of the time.
 */
export const LARGE_GRAPH_NODES = 200;
const LARGE_GRAPH_OPTIONS = {
  "elk.layered.nodePlacement.strategy": "SIMPLE",
  "elk.layered.thoroughness": "1",
};

export function elkGraph(model: GraphModel, loops: Map<string, GraphEdge[]> = loopsByNode(model)): ElkNode {
  // ELK reads these per graph: the root's and every group's.
  const scale = model.nodes.length > LARGE_GRAPH_NODES ? LARGE_GRAPH_OPTIONS : {};
  const nodes = new Map<string | undefined, ElkNode[]>();
  const add = (parent: string | undefined, child: ElkNode) => nodes.set(parent, [...(nodes.get(parent) ?? []), child]);
  for (const node of model.nodes) {
    const size = nodeSize(node);
    const room = loopRoom(loops.get(node.id) ?? []);
    add(node.group, { id: node.id, width: size.width + room.width, height: Math.max(size.height, room.height) });
  }
  const groups = model.groups.map((group) => ({ group, node: { id: group.id, children: [] as ElkNode[] } as ElkNode }));
  for (const { group, node } of groups) {
    node.layoutOptions = {
      ...scale,
      "elk.padding": `[top=${GROUP_LABEL_HEIGHT + PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
    };
    add(group.parent, node);
  }
  for (const { group, node } of groups) node.children = nodes.get(group.id) ?? [];
  const edges: ElkExtendedEdge[] = model.edges.flatMap((edge, i) =>
    edge.from === edge.to
      ? []
      : [
          {
            id: `e${i}`,
            sources: [edge.from],
            targets: [edge.to],
            ...(edge.label !== undefined ? { labels: [{ text: edge.label, width: textWidth([edge.label]), height: LINE_HEIGHT }] } : {}),
          },
        ],
  );
  return { id: "root", layoutOptions: { ...OPTIONS, ...scale }, children: nodes.get(undefined) ?? [], edges };
}

export async function layoutGraph(model: GraphModel): Promise<Layout> {
  // Loaded on first use: the engine is large and only SVG output needs it.
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  const loops = loopsByNode(model);
  const placed = await new ELK().layout(elkGraph(model, loops));
  const layout: Layout = { width: placed.width ?? 0, height: placed.height ?? 0, nodes: new Map(), groups: new Map(), edges: [] };
  const groupIds = new Set(model.groups.map((group) => group.id));
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      const box = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
      if (groupIds.has(child.id)) layout.groups.set(child.id, box);
      else layout.nodes.set(child.id, { ...box, width: box.width - loopRoom(loops.get(child.id) ?? []).width });
      visit(child);
    }
  };
  visit(placed);
  const edges = new Map<string, ElkExtendedEdge>();
  const collect = (node: ElkNode) => {
    for (const edge of node.edges ?? []) edges.set(edge.id, edge);
    for (const child of node.children ?? []) collect(child);
  };
  collect(placed);
  const drawnLoops = new Map<GraphEdge, PlacedEdge>();
  for (const [id, nodeLoops] of loops) {
    const box = layout.nodes.get(id);
    if (box) for (const placedLoop of placeLoops(nodeLoops, box)) drawnLoops.set(placedLoop.edge, placedLoop);
  }
  model.edges.forEach((edge, i) => {
    const loop = drawnLoops.get(edge);
    if (loop) return void layout.edges.push(loop);
    const section = edges.get(`e${i}`)?.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const label = edges.get(`e${i}`)?.labels?.[0];
    layout.edges.push({
      edge,
      points,
      ...(label ? { label: { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } } : {}),
    });
  });
  return layout;
}
