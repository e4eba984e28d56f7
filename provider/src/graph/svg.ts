/**
 * The graph as a standalone SVG: the DOT output laid out and drawn by Graphviz's `dot`, compiled to
 * WebAssembly (no browser, no native binary). Users who run `dot -Tsvg` on the DOT get the same picture.
 *
 * Graphviz runs in a worker thread: loading it (decompressing and compiling its WebAssembly, about
 * 0.1 s) then overlaps the analysis on the main thread instead of coming before it.
 */
import { Worker } from "node:worker_threads";
import { renderDot } from "./dot";
import type { GraphModel } from "./model";

// Inline rather than a file of its own, so the worker runs the same from the compiled package and
// from the TypeScript sources (tests), where a worker file would have no loader for TypeScript.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
require("node:module").enableCompileCache?.();
const loading = require(workerData.graphviz).Graphviz.load().then((graphviz) => {
  try {
    graphviz.dot(workerData.warmUp, "svg");
  } catch {
    // The warm-up only saves time.
  }
  return graphviz;
});
parentPort.on("message", ({ id, dot }) =>
  loading
    .then((graphviz) => ({ id, svg: graphviz.dot(dot, "svg") }))
    .catch((error) => ({ id, error: error instanceof Error ? error.message : String(error) }))
    .then((reply) => parentPort.postMessage(reply)),
);`;

/**
 * A small drawing with what our DOT uses (a cluster, a compound edge, edge labels, a self-loop, an
 * invisible edge, ids, classes, tooltips), drawn once while the main thread is still analysing:
 * WebAssembly compiles each function at its first call, so the real drawing then starts with
 * most of them compiled (20-35 ms less on 1,000 states).
 */
const WARM_UP = `digraph w {
  graph [rankdir=TB, compound=true];
  node [shape=box, style="rounded,filled"];
  s [shape=circle, label="start", id=s, class="start"];
  subgraph cluster_g { id=g; class="group"; label="P (Parallel)"; style=rounded;
    a [label="A\\nTask · lambda:invoke", tooltip="a", id=a, class="state"];
    b [label="B", shape=diamond];
    a -> b [label="$.x == 1"];
    a -> a [label="retry ×3", style=dashed];
  }
  s -> a;
  b -> c [ltail=cluster_g, label="catch", color=red];
  a -> c [style=invis];
}`;

interface Reply {
  id: number;
  svg?: string;
  error?: string;
}

interface Request {
  resolve: (svg: string) => void;
  reject: (error: Error) => void;
}

class GraphvizWorker {
  private readonly worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { graphviz: require.resolve("@hpcc-js/wasm-graphviz"), warmUp: WARM_UP },
  });
  private readonly pending = new Map<number, Request>();
  private nextId = 0;

  constructor(onExit: () => void) {
    this.worker.on("message", (reply: Reply) => this.settle(reply));
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", (code) => {
      onExit();
      this.failAll(new Error(`the Graphviz worker stopped (exit code ${code})`));
    });
    // Idle, the worker does not keep the process alive; a request in flight does. After the
    // listeners: adding a "message" listener refs the worker again.
    this.worker.unref();
  }

  render(dot: string): Promise<string> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, dot });
    });
  }

  private settle(reply: Reply): void {
    const request = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.svg !== undefined) request?.resolve(reply.svg);
    else request?.reject(new Error(`Graphviz could not draw the graph: ${reply.error}`));
  }

  private failAll(error: Error): void {
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }
}

let engine: GraphvizWorker | undefined;

function graphviz(): GraphvizWorker {
  engine ??= new GraphvizWorker(() => (engine = undefined));
  return engine;
}

/** Starts loading Graphviz now, so that it is ready when the model is (the CLI calls it before analysing). */
export function startSvgEngine(): void {
  graphviz();
}

export function renderSvg(model: GraphModel): Promise<string> {
  return graphviz().render(renderDot(model));
}
