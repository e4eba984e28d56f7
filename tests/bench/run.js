/**
 * `make bench`: the Workflow component against AWS CDK on the reference workload, and the
 * analysis on 1,000 states. Every run is a fresh child process; the sides alternate (ours, cdk,
 * cdk without template validation, ours, ...) so all see the same machine load; figures are
 * medians. Memory is the peak resident set size each child reports itself
 * (process.resourceUsage().maxRSS). The targets are judged against CDK as it synthesizes by
 * default; CDK without its template validation (CDK_VALIDATION=false) is shown for information.
 *
 * It reports, it does not gate: a missed target still exits 0. A run that crashes (a non-zero exit
 * or no result line) makes it exit 1 once everything else has been measured.
 *
 * Environment: BENCH_RUNS (runs per N and side, default 5), BENCH_SIZES (default "1,10,50,200").
 */
const { performance } = require("node:perf_hooks");
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { median } = require("./median");

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? "1,10,50,200").split(",").map(Number);
const ANALYSIS_RUNS = 3;
const CHILD_TIMEOUT_MS = 300_000;
const TARGET_N = 50;
const BIG_N = 200;
const ANALYSIS_TARGET_MS = 50;

const here = __dirname;
const OURS = path.join(here, "workflow.js");
const CDK = path.join(here, "cdk.js");
const ANALYSIS = path.join(here, "analysis.js");

if (!fs.existsSync(path.join(here, "../../provider/bin/index.js"))) {
  console.error("provider/bin is missing: run `make build` first (or `make bench`, which builds).");
  process.exit(2);
}
if (!Number.isInteger(RUNS) || RUNS < 1 || SIZES.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error("BENCH_RUNS must be a whole number of at least 1, BENCH_SIZES a comma-separated list of them.");
  process.exit(2);
}

const crashes = [];

/** Runs one benchmark child; returns its JSON line plus the wall time the parent saw, or a crash. */
function runChild(script, args) {
  const start = performance.now();
  const child = spawnSync(process.execPath, [script, ...args.map(String)], {
    encoding: "utf8",
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  const line = (child.stdout ?? "")
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  let result;
  try {
    result = line ? JSON.parse(line) : undefined;
  } catch {
    result = undefined;
  }
  const label = `node ${path.relative(process.cwd(), script)} ${args.join(" ")}`;
  if (child.status !== 0 || !result) {
    const why = child.error ? child.error.message : child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`;
    const message = result?.error ?? (child.stderr ?? "").trim().split("\n").slice(-5).join("\n");
    crashes.push({ label, why, message });
    return { crashed: true, why, message, ...(result ?? {}) };
  }
  return { ...result, wallMs };
}

/** Medians over the runs of one side at one N; `error` when a run failed or refused. */
function summarize(runs) {
  const ok = runs.filter((r) => !r.crashed && !r.error);
  const failed = runs.find((r) => r.crashed || r.error);
  const of = (key) => median(runs.filter((r) => r[key] !== undefined && !r.crashed).map((r) => r[key]));
  return {
    runs: runs.length,
    ok: ok.length,
    ms: median(ok.map((r) => r.ms)),
    minMs: ok.length ? Math.min(...ok.map((r) => r.ms)) : undefined,
    maxMs: ok.length ? Math.max(...ok.map((r) => r.ms)) : undefined,
    cpuMs: median(ok.map((r) => r.cpuMs)),
    wallMs: median(ok.map((r) => r.wallMs)),
    maxRssMb: median(ok.map((r) => r.maxRssMb)),
    resources: of("resources"),
    crashed: runs.some((r) => r.crashed),
    error: failed ? failed.error || failed.message || failed.why : undefined,
    errorMs: failed ? median(runs.filter((r) => r.error).map((r) => r.ms)) : undefined,
  };
}

const progress = (text) => process.stderr.write(text);

/**
 * RUNS rounds at one N; a round runs every side once, in order, so the sides share the machine's
 * load. A side that crashes or refuses is not run again at that N; its `instead` variant (if any,
 * and if the failure is of the kind it covers) runs in its slot, from that round on. A `sticky`
 * variant keeps running beside its side at every N measured after the first failure, so series
 * stay comparable across N. Returns the summaries, variants included, by name.
 */
function measure(n, sides, stuck) {
  const runs = {};
  const failed = (name) => (runs[name] ?? []).some((r) => r.crashed || r.error);
  const run = (name, args) => {
    const result = runChild(name.startsWith("ours") ? OURS : CDK, [n, ...args]);
    (runs[name] ??= []).push(result);
    progress(result.crashed ? "x" : result.error ? "!" : ".");
  };
  for (let i = 0; i < RUNS; i++) {
    for (const side of sides) {
      if (!failed(side.name)) run(side.name, side.args);
      const { instead } = side;
      if (!instead || failed(instead.name)) continue;
      const own = runs[side.name] ?? [];
      const covered = own.some((r) => (instead.on === "crash" ? r.crashed : r.error && !r.crashed));
      if (covered && instead.sticky) stuck.add(side.name);
      if (covered || stuck.has(side.name)) run(instead.name, instead.args);
    }
  }
  return Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, summarize(list)]));
}

const fmt = (value, digits = 0) => (value === undefined ? "-" : value.toFixed(digits));
const pad = (text, width) => String(text).padStart(width);

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : pad(c, widths[i]))).join(" | ")} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? ` ${"-".repeat(w)} ` : ` ${"-".repeat(w - 1)}: `)).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

/** The median of the successful runs (`*`: another run crashed), or why there is none. */
const msCell = (s) => {
  if (s.ms !== undefined) return `${fmt(s.ms)}${s.crashed ? "*" : ""}`;
  if (s.crashed) return "crashed";
  return s.error ? `refused${s.errorMs !== undefined ? ` (${fmt(s.errorMs)})` : ""}` : "-";
};

function main() {
  const started = performance.now();
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ");
  console.log(
    `sfn-workflows benchmark: node ${process.version}, ${os.cpus().length} CPUs, ${RUNS} runs per N and side, medians; load average ${load()}`,
  );
  // Largest N first: where ours crashes (the largest N, if anywhere), its variant with a role given
  // then also runs at every smaller N, so the growth check compares like with like.
  const sides = [
    { name: "ours", args: [], instead: { name: "oursOwnRole", args: ["--role-arn"], on: "crash", sticky: true } },
    { name: "cdk", args: [], instead: { name: "cdkNoLimit", args: ["--no-stack-limit"], on: "refusal" } },
    {
      name: "cdkNoValidation",
      args: ["--no-validation"],
      instead: { name: "cdkNoValidationNoLimit", args: ["--no-validation", "--no-stack-limit"], on: "refusal" },
    },
  ];
  const mainSides = new Set(sides.map((side) => side.name));
  const stuck = new Set();
  const results = {};
  const extra = {};
  for (const n of [...SIZES].sort((a, b) => b - a)) {
    progress(`N=${n} `);
    const measured = measure(n, sides, stuck);
    results[n] = Object.fromEntries(Object.entries(measured).filter(([name]) => mainSides.has(name)));
    extra[n] = Object.fromEntries(Object.entries(measured).filter(([name]) => !mainSides.has(name)));
    progress("\n");
  }
  const oursCrashed = SIZES.some((n) => results[n].ours.crashed);
  progress("analysis ");
  const analysisRuns = [];
  for (let i = 0; i < ANALYSIS_RUNS; i++) {
    const result = runChild(ANALYSIS, []);
    progress(result.crashed ? "x" : ".");
    if (!result.crashed) analysisRuns.push(result);
  }
  progress("\n\n");

  const rows = SIZES.map((n) => {
    const { ours, cdk } = results[n];
    const ratio = ours.ms !== undefined && cdk.ms !== undefined ? fmt(ours.ms / cdk.ms, 2) : "-";
    const cpuRatio = ours.cpuMs !== undefined && cdk.cpuMs !== undefined ? fmt(ours.cpuMs / cdk.cpuMs, 2) : "-";
    return [n, msCell(ours), msCell(cdk), ratio, cpuRatio, fmt(ours.maxRssMb), fmt(cdk.maxRssMb), fmt(ours.resources), fmt(cdk.resources)];
  });
  console.log(table(["N", "ours ms", "cdk ms", "ours/cdk", "CPU ours/cdk", "ours MB", "cdk MB", "ours resources", "cdk resources"], rows));
  if (SIZES.some((n) => Object.values(results[n]).some((side) => side.crashed && side.ms !== undefined)))
    console.log("* some runs crashed; the median is of the others");
  console.log("");
  console.log("Spread (min-max ms) and CPU time (median ms, all threads):");
  for (const n of SIZES) {
    const { ours, cdk } = results[n];
    const spread = (s) => (s.ok ? `${fmt(s.minMs)}-${fmt(s.maxMs)} ms, CPU ${fmt(s.cpuMs)} ms` : "no successful run");
    console.log(`  N=${pad(n, 3)}  ours ${spread(ours)};  cdk ${spread(cdk)}`);
  }

  // CDK's default synthesis runs its CloudFormation template validation; without it CDK is another tool.
  console.log("\nCDK without its default template validation (CDK_VALIDATION=false):");
  const bare = SIZES.map((n) => {
    const { ours, cdkNoValidation: cdk } = results[n];
    const own = ours.ms !== undefined ? ours : extra[n]?.oursOwnRole;
    const ratio =
      own?.ms !== undefined && cdk.ms !== undefined ? `${fmt(own.ms / cdk.ms, 2)}${own === ours ? "" : " (roleArn given)"}` : "-";
    const cpuRatio = own?.cpuMs !== undefined && cdk.cpuMs !== undefined ? fmt(own.cpuMs / cdk.cpuMs, 2) : "-";
    return [n, msCell(cdk), fmt(cdk.cpuMs), fmt(cdk.maxRssMb), ratio, cpuRatio];
  });
  console.log(table(["N", "cdk ms", "cdk CPU ms", "cdk MB", "ours/cdk", "CPU ours/cdk"], bare));

  const notes = [];
  for (const n of SIZES) {
    for (const [side, s] of Object.entries(results[n]))
      if (s.error) notes.push(`N=${n} ${side}: ${s.crashed ? "CRASHED" : "refused"}: ${s.error.split("\n").join(" ")}`);
  }
  if (notes.length) console.log(`\n${notes.join("\n")}`);

  for (const n of SIZES) {
    for (const [side, s] of Object.entries(extra[n])) {
      const what = {
        cdkNoLimit: "CDK with the 500-resource check lifted (CloudFormation would still refuse to deploy)",
        cdkNoValidationNoLimit: "CDK without template validation, 500-resource check lifted",
        oursOwnRole: "ours with roleArn given (no derived role or execution policy)",
      }[side];
      console.log(
        `N=${n} ${what}: ${s.ok ? `${fmt(s.ms)} ms (${fmt(s.minMs)}-${fmt(s.maxMs)}, CPU ${fmt(s.cpuMs)}), ${fmt(s.maxRssMb)} MB, ${fmt(s.resources)} resources` : `failed: ${s.error}`}`,
      );
    }
  }

  // Growth: ms per N between 50 and 200, against 10 to 50, to show it is (near) linear.
  // Where the default crashed, the roleArn-given runs stand in (labelled).
  const oursAt = (n) => {
    if (!oursCrashed) return results[n]?.ours.ms !== undefined ? { ...results[n].ours, given: false } : undefined;
    const fallback = extra[n]?.oursOwnRole;
    return fallback?.ms !== undefined ? { ...fallback, given: true } : undefined;
  };
  console.log("\nGrowth (ours; wall time, and CPU time, which other load on the machine disturbs less):");
  const slope = (a, b) => {
    const x = oursAt(a);
    const y = oursAt(b);
    if (!x || !y) return undefined;
    const perN = { ms: (y.ms - x.ms) / (b - a), cpuMs: (y.cpuMs - x.cpuMs) / (b - a) };
    console.log(
      `  N=${a}->${b}: ${fmt(perN.ms, 1)} ms, CPU ${fmt(perN.cpuMs, 1)} ms per callback task${x.given || y.given ? " (roleArn given)" : ""}`,
    );
    return perN;
  };
  const low = slope(10, TARGET_N);
  const high = slope(TARGET_N, BIG_N);
  if (!low || !high) console.log(`  (the linearity check needs N=10, ${TARGET_N} and ${BIG_N} to succeed)`);
  if (low && high)
    console.log(`  ratio of the two slopes: ${fmt(high.ms / low.ms, 2)} wall, ${fmt(high.cpuMs / low.cpuMs, 2)} CPU (1 = linear)`);
  const big = oursAt(BIG_N);
  if (big?.resources) {
    console.log(
      `  at N=${BIG_N}: ${fmt(big.ms / big.resources, 2)} ms, CPU ${fmt(big.cpuMs / big.resources, 2)} ms per registered resource${big.given ? " (roleArn given)" : ""}`,
    );
  }

  const analysis = analysisRuns.length
    ? {
        ms: median(analysisRuns.map((r) => r.ms)),
        cpuMs: median(analysisRuns.map((r) => r.cpuMs)),
        min: Math.min(...analysisRuns.map((r) => r.minMs)),
        first: median(analysisRuns.map((r) => r.firstMs)),
        states: analysisRuns[0].states,
      }
    : undefined;
  console.log(
    analysis
      ? `\nAnalysis of ${analysis.states} states: ${fmt(analysis.ms, 1)} ms (median of ${ANALYSIS_RUNS} processes' medians; CPU ${fmt(analysis.cpuMs, 1)} ms; fastest run ${fmt(analysis.min, 1)} ms; first, cold call ${fmt(analysis.first)} ms)`
      : "\nAnalysis: crashed",
  );

  console.log("\nTargets:");
  const verdict = (ok) => (ok ? "HOLDS" : "MISSED");
  const at = results[TARGET_N];
  if (at) {
    const ok = at.ours.ms !== undefined && at.cdk.ms !== undefined && at.ours.ms <= at.cdk.ms / 2;
    const detail =
      at.ours.ms !== undefined && at.cdk.ms !== undefined
        ? `${fmt(at.ours.ms)} ms vs ${fmt(at.cdk.ms)} ms, ratio ${fmt(at.ours.ms / at.cdk.ms, 2)}, CPU ratio ${fmt(at.ours.cpuMs / at.cdk.cpuMs, 2)}`
        : `ours ${msCell(at.ours)}, cdk ${msCell(at.cdk)}`;
    const own = extra[TARGET_N]?.oursOwnRole;
    const fallback =
      own?.ms !== undefined && at.cdk.ms !== undefined
        ? `; with roleArn given ours takes ${fmt(own.ms)} ms, ratio ${fmt(own.ms / at.cdk.ms, 2)}, CPU ratio ${fmt(own.cpuMs / at.cdk.cpuMs, 2)}`
        : "";
    console.log(`  ours at most half of CDK's time at N=${TARGET_N}: ${verdict(ok)} (${detail}${fallback})`);
    const ownOrGiven = at.ours.ms !== undefined ? at.ours : own;
    const bareAt = at.cdkNoValidation;
    if (ownOrGiven?.ms !== undefined && bareAt?.ms !== undefined) {
      console.log(
        `    (for information: against CDK without template validation, ${fmt(bareAt.ms)} ms, ours${ownOrGiven === own ? " with roleArn given" : ""} takes ${fmt(ownOrGiven.ms / bareAt.ms, 2)}x its time)`,
      );
    }
  }
  const atBig = results[BIG_N];
  if (atBig)
    console.log(
      `  N=${BIG_N} works for ours: ${verdict(atBig.ours.ok === atBig.ours.runs && atBig.ours.runs > 0)}${atBig.ours.ms !== undefined ? ` (${fmt(atBig.ours.ms)} ms, ${fmt(atBig.ours.maxRssMb)} MB)` : ` (${atBig.ours.error?.split("\n").join(" ")})`}`,
    );
  console.log(
    `  analysis of 1,000 states under ${ANALYSIS_TARGET_MS} ms: ${verdict(analysis !== undefined && analysis.ms < ANALYSIS_TARGET_MS)}${analysis ? ` (${fmt(analysis.ms, 1)} ms wall, ${fmt(analysis.cpuMs, 1)} ms CPU)` : ""}`,
  );

  console.log(`\nTotal benchmark time ${fmt((performance.now() - started) / 1000, 0)} s; load average now ${load()}.`);
  if (crashes.length) {
    console.log(`\n${crashes.length} run(s) crashed:`);
    for (const crash of crashes) console.log(`  ${crash.label}: ${crash.why}\n    ${crash.message.split("\n").join("\n    ")}`);
    process.exitCode = 1;
  }
}

main();
