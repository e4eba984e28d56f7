/** The example definitions, read from examples/definitions, with only their timing knobs turned down for tests. */
import * as fs from "node:fs";
import * as path from "node:path";

const DIR = path.join(__dirname, "..", "..", "..", "examples", "definitions");

type Timing = Partial<Record<"HeartbeatSeconds" | "TimeoutSeconds", number>>;

/** The file's definition; `timings` replaces HeartbeatSeconds/TimeoutSeconds on named states that already have them. */
export function exampleDefinition(file: string, timings: Record<string, Timing> = {}): Record<string, unknown> {
  const definition = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as { States: Record<string, Record<string, unknown>> };
  for (const [state, values] of Object.entries(timings)) {
    const target = definition.States[state];
    if (!target) throw new Error(`${file} has no state ${state}`);
    for (const [key, value] of Object.entries(values)) {
      if (!(key in target)) throw new Error(`${file}: ${state} has no ${key} to turn down`);
      target[key] = value;
    }
  }
  return definition;
}
