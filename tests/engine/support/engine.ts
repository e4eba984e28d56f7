/**
 * Runs the real Pulumi CLI (built by `make pulumi-cli`) in a throw-away workspace: a local file
 * backend, its own PULUMI_HOME with the test-double AWS providers installed as the plugin versions
 * the programs ask for, a passphrase, and the test doubles' record of what they were asked to do.
 * Nothing leaves loopback.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const REPO = path.resolve(__dirname, "..", "..", "..");

const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
const cliVersion = (): string => {
  const goMod = fs.readFileSync(path.join(REPO, "tools", "pulumi-cli", "go.mod"), "utf8");
  const match = /github\.com\/pulumi\/pulumi\/pkg\/v3 (v\S+)/.exec(goMod);
  if (!match) throw new Error("tools/pulumi-cli/go.mod does not pin github.com/pulumi/pulumi/pkg/v3");
  return match[1];
};
export const engineCache = () => path.join(cacheRoot, "sfn-workflows", `pulumi-${cliVersion()}`);
/** The Pulumi CLI and language hosts (`make pulumi-cli`). */
export const cliBin = () => process.env.PULUMI_CLI_BIN ?? path.join(engineCache(), "bin");

/** One operation of a test-double provider (tests/engine/fake-providers/record.go). */
export interface RecordEntry {
  op: "create" | "update" | "delete";
  provider: string;
  version: string;
  type: string;
  urn: string;
  id: string;
  name?: string;
  changed?: string[];
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** A resource of `pulumi stack export`. */
export interface StateResource {
  urn: string;
  type: string;
  custom?: boolean;
  id?: string;
  parent?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** Longest a single pulumi command may take (mocha's timeout for a test is longer). */
const COMMAND_TIMEOUT_SECONDS = 480;

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

export class EngineWorkspace {
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly recordFile: string;
  private readonly log: string[] = [];

  /** ROOT: where the workspace lives; by default a new directory in the repository's .build/. */
  constructor(root?: string) {
    const fakeBin = process.env.FAKE_PROVIDERS_BIN ?? path.join(engineCache(), "fake-providers");
    for (const [file, target] of [
      [path.join(cliBin(), "pulumi"), "make pulumi-cli"],
      [path.join(cliBin(), "pulumi-language-nodejs"), "make pulumi-cli"],
      [path.join(fakeBin, "pulumi-resource-aws"), "make fake-providers"],
    ]) {
      if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`${target}\` (or \`make test-engine\`)`);
    }
    // Inside the repository (.build/ is ignored), so that the copied programs resolve
    // @sfn-workflows/pulumi and the Pulumi SDKs from the workspace's node_modules.
    if (!root) fs.mkdirSync(path.join(REPO, ".build"), { recursive: true });
    this.root = root ?? fs.mkdtempSync(path.join(REPO, ".build", "engine-test-"));
    this.recordFile = path.join(this.root, "record.jsonl");
    fs.mkdirSync(path.join(this.root, "home"));
    fs.mkdirSync(path.join(this.root, "state"));
    this.env = {
      ...process.env,
      PATH: [cliBin(), path.join(REPO, "node_modules", ".bin"), process.env.PATH].join(path.delimiter),
      PULUMI_HOME: path.join(this.root, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(this.root, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "engine-tests",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
      NO_COLOR: "1",
      SFN_FAKE_PROVIDER_RECORD: this.recordFile,
    };
    delete this.env.PULUMI_ACCESS_TOKEN;
    for (const pkg of ["aws", "aws-native"]) {
      const binary = path.join(fakeBin, `pulumi-resource-${pkg}`);
      if (!fs.existsSync(binary)) continue;
      // The version the programs ask for is the installed SDK's; the test double reports the same.
      this.pulumi(["plugin", "install", "resource", pkg, sdkVersion(pkg), "--file", binary], REPO);
    }
  }

  /** Copies examples/NAME (and the shared definitions) into the workspace, once; returns the project directory. */
  project(name: string): string {
    const target = path.join(this.root, name);
    if (fs.existsSync(target)) return target;
    fs.cpSync(path.join(REPO, "examples", name), target, { recursive: true });
    const definitions = path.join(this.root, "definitions");
    if (!fs.existsSync(definitions)) fs.cpSync(path.join(REPO, "examples", "definitions"), definitions, { recursive: true });
    return target;
  }

  /**
   * Installs the sfn-workflows plugin for programs in other languages than TypeScript: the one
   * $SFN_WORKFLOWS_PLUGIN names (a plugin directory or executable), or else one assembled from the
   * compiled package (provider/bin, from `make build`) and schema.json, started the way the
   * engine starts any binary plugin: an executable `pulumi-resource-sfn-workflows`.
   */
  installComponentPlugin(): void {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, "schema.json"), "utf8")) as { version: string };
    let plugin = process.env.SFN_WORKFLOWS_PLUGIN;
    if (!plugin) {
      const main = path.join(REPO, "provider", "bin", "plugin", "main.js");
      if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`make build\``);
      plugin = path.join(this.root, "sfn-workflows-plugin");
      fs.cpSync(path.join(REPO, "provider", "bin"), path.join(plugin, "bin"), { recursive: true });
      fs.copyFileSync(path.join(REPO, "provider", "package.json"), path.join(plugin, "package.json"));
      fs.copyFileSync(path.join(REPO, "schema.json"), path.join(plugin, "schema.json"));
      fs.writeFileSync(
        path.join(plugin, "pulumi-resource-sfn-workflows"),
        '#!/bin/sh\nexec node "$(dirname "$0")/bin/plugin/main.js" "$@"\n',
        { mode: 0o755 },
      );
    }
    this.pulumi(["plugin", "install", "resource", "sfn-workflows", schema.version, "--file", plugin], REPO);
  }

  /** Puts a directory first on the PATH of every later command. */
  prependPath(dir: string): void {
    this.env.PATH = [dir, this.env.PATH].join(path.delimiter);
  }

  /** Runs `pulumi ARGS` in CWD; throws with the whole output unless it exits 0 (or allowFailure). */
  pulumi(args: string[], cwd: string, options: { allowFailure?: boolean } = {}): RunResult {
    const started = Date.now();
    // GNU timeout signals its whole process group: a hung program takes its language host and
    // plugins with it instead of leaving them behind.
    const result = spawnSync("timeout", ["-k", "10", String(COMMAND_TIMEOUT_SECONDS), "pulumi", ...args, "--non-interactive"], {
      cwd,
      env: this.envFor(cwd),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const run: RunResult = { status: result.status ?? -1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
    this.log.push(
      `$ pulumi ${args.join(" ")}  (in ${path.relative(this.root, cwd) || "."}, ${Date.now() - started} ms, exit ${run.status})`,
    );
    if (result.error) throw result.error;
    if (run.status === 124)
      throw new Error(
        `pulumi ${args.join(" ")} timed out after ${COMMAND_TIMEOUT_SECONDS} s\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`,
      );
    if (run.status !== 0 && !options.allowFailure) {
      throw new Error(`pulumi ${args.join(" ")} exited ${run.status}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
    }
    return run;
  }

  /** The environment of commands run in CWD. */
  protected envFor(_cwd: string): NodeJS.ProcessEnv {
    return this.env;
  }

  /** `pulumi ARGS --json`, parsed. */
  pulumiJson<T>(args: string[], cwd: string): T {
    return JSON.parse(this.pulumi([...args, "--json"], cwd).stdout) as T;
  }

  record(): RecordEntry[] {
    if (!fs.existsSync(this.recordFile)) return [];
    return fs
      .readFileSync(this.recordFile, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as RecordEntry);
  }

  /** The custom and component resources of a stack, from `pulumi stack export`. */
  state(cwd: string, stack: string): StateResource[] {
    const exported = JSON.parse(this.pulumi(["stack", "export", "--stack", stack], cwd).stdout);
    return (exported.deployment?.resources ?? []) as StateResource[];
  }

  /** Prints the commands run, with timings, for the test report; then disposes of the workspace. */
  reportAndDispose(): void {
    console.log(`      commands:\n${this.log.map((command) => `        ${command}`).join("\n")}`);
    this.dispose();
  }

  dispose(): void {
    if (process.env.KEEP_ENGINE_WORKSPACE) {
      console.log(`engine workspace kept: ${this.root}`);
      return;
    }
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** The version of @pulumi/PKG installed in the workspace (what the engine asks the plugin for). */
export function sdkVersion(pkg: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", "@pulumi", pkg, "package.json"), "utf8")) as { version: string })
      .version;
  } catch {
    return pkg === "aws-native" ? "1.79.0" : "0.0.0";
  }
}

/** "urn:…::aws:sqs/queue:Queue::name" → "name". */
export const urnName = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);

/**
 * A virtualenv with the Python SDK of this repository (sdk/python) and its dependencies, kept in
 * the engine cache; the SDK itself is reinstalled on every call, so it is always the current one.
 * Returns its bin directory.
 */
let venvBin: string | undefined;
export function pythonVenv(): string {
  if (venvBin) return venvBin;
  const venv = path.join(engineCache(), "python-venv");
  const pip = (args: string[]) => {
    const result = spawnSync(path.join(venv, "bin", "pip"), ["--disable-pip-version-check", "--quiet", ...args], {
      encoding: "utf8",
      timeout: 10 * 60 * 1000,
    });
    if (result.status !== 0) throw new Error(`pip ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  };
  const sdk = path.join(REPO, "sdk", "python");
  if (!fs.existsSync(path.join(venv, "bin", "python"))) {
    const created = spawnSync("python3", ["-m", "venv", venv], { encoding: "utf8" });
    if (created.status !== 0) throw new Error(`python3 -m venv failed: ${created.stderr}`);
    pip(["install", sdk]);
  }
  pip(["install", "--no-deps", "--force-reinstall", sdk]);
  venvBin = path.join(venv, "bin");
  return venvBin;
}

/** Points a copied Go program at this repository's generated SDK (sdk/go). */
export function useRepoGoSdk(dir: string): void {
  const result = spawnSync(
    "go",
    ["mod", "edit", "-replace", `github.com/sfn-workflows/pulumi-sfn-workflows/sdk/go=${path.join(REPO, "sdk", "go")}`],
    { cwd: dir, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`go mod edit failed: ${result.stderr}`);
}
