/**
 * The graph as a standalone SVG: the DOT output laid out and drawn by Graphviz's `dot`, compiled to
 * WebAssembly (no browser, no native binary). Users who run `dot -Tsvg` on the DOT get the same picture.
 */
import { renderDot } from "./dot";
import type { GraphModel } from "./model";

export async function renderSvg(model: GraphModel): Promise<string> {
  // Loaded on first use: the engine is large and only SVG output needs it.
  const { Graphviz } = await import("@hpcc-js/wasm-graphviz");
  return (await Graphviz.load()).dot(renderDot(model), "svg");
}
