/**
 * A failed preview against a good one, through the real Pulumi CLI (`make pulumi-cli`) and the
 * test-double AWS providers (`make fake-providers`): the engine tests' bad-input program in each
 * language (an EXPRESS workflow whose callback task is wrong three ways: a failed preview) against
 * the same program with the definition corrected, as a STANDARD workflow (a good preview). A bad
 * definition must cost no more than a good one: no error object inspected, no stack formatted.
 *
 * Each language gets its own engine workspace and stacks; the two previews alternate (good, bad,
 * good, ...) so both see the same machine load; figures are medians of wall time per `pulumi
 * preview`, the CLI's start included. It reports, it does not gate: a missed target exits 0; a
 * preview that fails when it should pass (or the reverse) exits 1.
 *
 * `tsx tests/bench/preview.ts`; environment: PREVIEW_RUNS (per side, default 3), PREVIEW_LANGUAGES
 * (default "typescript,python").
 */
import { performance } from "node:perf_hooks";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  type BadInputProgram,
  type WorkflowType,
  pythonProgram,
  typescriptProgram,
  goProgram,
  yamlProgram,
} from "../engine/support/badInputPrograms";
import { EngineWorkspace } from "../engine/support/engine";
import { median } from "./median";

const RUNS = Number(process.env.PREVIEW_RUNS ?? 3);
const PROGRAMS: Record<string, BadInputProgram> = {
  typescript: typescriptProgram,
  python: pythonProgram,
  go: goProgram,
  yaml: yamlProgram,
};
const LANGUAGES = (process.env.PREVIEW_LANGUAGES ?? "typescript,python").split(",");
/** "As fast as a good one", with room for the noise of a shared machine. */
const TARGET_RATIO = 1.1;

if (!Number.isInteger(RUNS) || RUNS < 1 || LANGUAGES.some((language) => !(language in PROGRAMS))) {
  console.error(
    `PREVIEW_RUNS must be a whole number of at least 1, PREVIEW_LANGUAGES a comma-separated list of ${Object.keys(PROGRAMS).join(", ")}.`,
  );
  process.exit(2);
}

const GOOD_DEFINITION = "callback-corrected.asl.json";

/** invalid-express-callback.asl.json with its task corrected: it sends its token, its heartbeat is below its timeout. */
function writeGoodDefinition(ws: EngineWorkspace): void {
  const definitions = path.join(ws.root, "definitions");
  const definition = JSON.parse(fs.readFileSync(path.join(definitions, "invalid-express-callback.asl.json"), "utf8"));
  const ask = definition.States["Fan out"].Branches[0].States.Ask;
  ask.Parameters["MessageBody"] = { "input.$": "$", "taskToken.$": "$$.Task.Token" };
  delete ask.Parameters["MessageBody.$"];
  ask.HeartbeatSeconds = 60;
  fs.writeFileSync(path.join(definitions, GOOD_DEFINITION), JSON.stringify(definition));
}

/** A stack of PROGRAM as WORKFLOWTYPE (STANDARD: the good definition) in WS, ready to preview. */
function stackOf(ws: EngineWorkspace, program: BadInputProgram, workflowType: WorkflowType): string {
  const dir = path.join(ws.root, workflowType.toLowerCase());
  fs.mkdirSync(dir);
  program.write(dir, workflowType, workflowType === "STANDARD" ? GOOD_DEFINITION : undefined);
  program.prepare?.(ws, dir);
  ws.pulumi(["stack", "init", workflowType.toLowerCase()], dir);
  ws.pulumi(["config", "set", "aws:region", "eu-west-1"], dir);
  return dir;
}

/** Milliseconds of one `pulumi preview`; null when it did not end as expected. */
function preview(ws: EngineWorkspace, dir: string, shouldFail: boolean): number | null {
  const started = performance.now();
  const run = ws.pulumi(["preview"], dir, { allowFailure: true });
  const ms = performance.now() - started;
  if ((run.status !== 0) !== shouldFail) {
    console.error(`preview in ${dir} ${shouldFail ? "passed but should fail" : `failed:\n${run.stdout}\n${run.stderr}`}`);
    return null;
  }
  return ms;
}

let crashed = false;
console.log(`Failed preview against a good one (real Pulumi CLI, medians of ${RUNS} runs each)`);
for (const language of LANGUAGES) {
  const program = PROGRAMS[language];
  const ws = new EngineWorkspace();
  try {
    ws.project("consumer-typescript"); // brings the definitions along
    writeGoodDefinition(ws);
    const good = stackOf(ws, program, "STANDARD");
    const bad = stackOf(ws, program, "EXPRESS");
    // Warm-up, not counted: the language hosts, the plugin's compile cache, the SDKs.
    preview(ws, good, false);
    preview(ws, bad, true);
    const times = { good: [] as number[], bad: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      const goodMs = preview(ws, good, false);
      const badMs = preview(ws, bad, true);
      if (goodMs === null || badMs === null) {
        crashed = true;
        break;
      }
      times.good.push(goodMs);
      times.bad.push(badMs);
    }
    const goodMs = median(times.good);
    const badMs = median(times.bad);
    if (goodMs === undefined || badMs === undefined) continue;
    const ratio = badMs / goodMs;
    const verdict = ratio <= TARGET_RATIO ? "meets" : "misses";
    console.log(
      `  ${language.padEnd(10)} good ${Math.round(goodMs)} ms, failed ${Math.round(badMs)} ms: ${ratio.toFixed(2)}x (${verdict} the target of at most ${TARGET_RATIO}x)`,
    );
  } finally {
    ws.dispose();
  }
}
process.exit(crashed ? 1 : 0);
