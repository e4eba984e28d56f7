/**
 * Benchmark: `sfn-workflows graph` on the 1,000-state definition of analysis.js, in each format, as
 * a user runs it: a fresh `node provider/bin/cli/main.js graph FILE --format F` process per run,
 * wall time from spawn to exit (start-up, analysis, model, rendering and, for SVG, the Graphviz layout).
 * Prints one line per format with the median of RUNS runs and the verdict against the 1 s target.
 * It reports, it does not gate: exit 1 only when a run fails.
 *
 * `node tests/bench/graph.js` after `make build`. Environment: BENCH_GRAPH_RUNS (default 3).
 */
const { performance } = require("node:perf_hooks");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { definition } = require("./analysis");
const { median } = require("./median");

const RUNS = Number(process.env.BENCH_GRAPH_RUNS ?? 3);
const TARGET_MS = 1000;
const CLI = path.join(__dirname, "../../provider/bin/cli/main.js");
const FORMATS = ["mermaid", "dot", "svg"];

function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sfn-graph-bench-"));
  const file = path.join(dir, "bench.asl.json");
  fs.writeFileSync(file, JSON.stringify(definition()));
  let failed = false;
  try {
    console.log(`sfn-workflows graph on 1,000 states (fresh process per run, median of ${RUNS}; target under ${TARGET_MS} ms):`);
    for (const format of FORMATS) {
      const times = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        const run = spawnSync(process.execPath, [CLI, "graph", file, "--format", format], {
          encoding: "utf8",
          maxBuffer: 256 * 1024 * 1024,
        });
        times.push(performance.now() - start);
        if (run.status !== 0) {
          console.error(`graph --format ${format} exited ${run.status}: ${run.stderr}`);
          failed = true;
        }
        bytes = run.stdout.length;
      }
      const ms = median(times);
      console.log(
        `  ${format.padEnd(8)} ${Math.round(ms)} ms (${Math.round(bytes / 1024)} KiB): ${ms < TARGET_MS ? "met" : "MISSED"}; runs ${times.map(Math.round).join(", ")} ms`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

main();
