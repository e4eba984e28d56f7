/**
 * `make test-dist`: the release artifacts in dist/ used the way a user uses them. A ReleaseWorkspace
 * is an engine workspace (tests/engine/support/engine.ts: the real CLI, a fresh PULUMI_HOME, the
 * test-double AWS providers) in a new directory OUTSIDE the repository, whose example programs get
 * their sfn-workflows package only from dist/: npm from the tarball, pip from the wheel, Go through
 * a file:// module proxy, Maven from dist/maven. The plugin is installed the way the engine
 * installs one, `pulumi plugin install ... --server` from a loopback HTTP server over dist/, and
 * every command but those of TypeScript projects runs with no Node.js on PATH.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EngineWorkspace, REPO, cliBin } from "../../engine/support/engine";

export const DIST = path.join(REPO, "dist");
export const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO, "schema.json"), "utf8")) as { version: string }).version;

export const GO_MODULE = "github.com/sfn-workflows/pulumi-sfn-workflows/sdk/go";
export const NPM_TARBALL = path.join(DIST, `sfn-workflows-pulumi-${VERSION}.tgz`);
export const WHEEL = path.join(DIST, `pulumi_sfn_workflows-${VERSION}-py3-none-any.whl`);
export const MAVEN_REPOSITORY = path.join(DIST, "maven");

/** What a Node.js install puts on PATH: none of it may be reachable from the plugin's environment. */
const NODE_COMMANDS = new Set(["node", "nodejs", "npm", "npx", "corepack"]);

/** The version of a package in the repository's node_modules (what the fresh projects pin). */
const repoVersion = (pkg: string): string =>
  (JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;

/** The Pulumi version the CLI is built at (the Python program's `pulumi` package matches it). */
const pulumiVersion = () => path.basename(path.dirname(cliBin())).replace(/^pulumi-v/, "");

/** Runs a command; throws with its output unless it exits 0. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(command, args, { ...options, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60 * 1000 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** dist/ served over HTTP on a free loopback port (a child process: the tests block on spawnSync). */
export class DistServer {
  private constructor(
    readonly url: string,
    private readonly stop: () => void,
  ) {}

  static start(): Promise<DistServer> {
    const child = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", DIST], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    return new Promise((resolve, reject) => {
      let output = "";
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`the dist/ server exited (${code}) before listening: ${output}`)));
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const port = /port (\d+)/.exec(output)?.[1];
        if (port) {
          child.removeAllListeners("exit");
          resolve(new DistServer(`http://127.0.0.1:${port}/`, () => child.kill()));
        }
      });
    });
  }

  close(): void {
    this.stop();
  }
}

/** Removes a directory tree that may be read-only (Go's module cache is). */
function removeTree(dir: string): void {
  if (!fs.existsSync(dir)) return;
  run("chmod", ["-R", "u+w", dir]);
  fs.rmSync(dir, { recursive: true, force: true });
}

let cachesPurged = false;
/**
 * The shared Go module cache and Maven local repository keep what they downloaded; a copy of an
 * earlier dist/ of the same version there would be used instead of the one under test.
 */
function purgeCachedReleases(env: NodeJS.ProcessEnv): void {
  if (cachesPurged) return;
  const modCache = run("go", ["env", "GOMODCACHE"], { env }).trim();
  // The module's owner: its versions are extracted to <owner>/…/sdk/go@vX.Y.Z, downloads kept in cache/download.
  const owner = GO_MODULE.split("/").slice(0, 2).join("/");
  removeTree(path.join(modCache, owner));
  removeTree(path.join(modCache, "cache", "download", owner));
  removeTree(path.join(os.homedir(), ".m2", "repository", "io", "github", "sfnworkflows"));
  cachesPurged = true;
}

/** A directory of links to every command of DIRS but SKIP: a PATH like the user's, without those. */
function linkFarm(target: string, dirs: string[], skip: Set<string>): string {
  fs.mkdirSync(target, { recursive: true });
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const link = path.join(target, name);
      if (skip.has(name) || fs.existsSync(link)) continue;
      try {
        fs.accessSync(path.join(dir, name), fs.constants.X_OK);
        if (fs.statSync(path.join(dir, name)).isFile()) fs.symlinkSync(path.join(dir, name), link);
      } catch {
        // not an executable file
      }
    }
  }
  return target;
}

export class ReleaseWorkspace extends EngineWorkspace {
  /** PATH for commands that must not find Node.js: everything else the user has. */
  private readonly pathWithoutNode: string;
  /** PATH for TypeScript projects: the user's Node 22 first. */
  private readonly pathWithNode: string;
  /** The PATH of commands run in a project directory, where it differs from the workspace's. */
  private readonly projectPaths = new Map<string, string>();

  constructor(private readonly server: DistServer) {
    super(fs.mkdtempSync(path.join(os.tmpdir(), "sfn-workflows-dist-")));
    // The user's PATH: the machine's, without anything from the checkout (node_modules/.bin).
    const systemDirs = (process.env.PATH ?? "").split(path.delimiter).filter((dir) => dir && !path.resolve(dir).startsWith(REPO));
    const withoutNode = linkFarm(path.join(this.root, "path-without-node"), systemDirs, NODE_COMMANDS);
    const nodeDir = path.join(this.root, "node22");
    fs.mkdirSync(nodeDir);
    // The Node 22 runtime the repository's toolchain uses, standing in for the user's own install.
    fs.symlinkSync(fs.realpathSync(path.join(REPO, "node_modules", ".bin", "node")), path.join(nodeDir, "node"));
    this.pathWithoutNode = [cliBin(), withoutNode].join(path.delimiter);
    this.pathWithNode = [cliBin(), nodeDir, process.env.PATH].join(path.delimiter);
    const found = spawnSync("sh", ["-c", "command -v node nodejs npm npx"], { env: { PATH: this.pathWithoutNode }, encoding: "utf8" });
    if (found.stdout.trim() !== "") throw new Error(`Node.js is still on the PATH without Node.js: ${found.stdout}`);

    this.env.PATH = this.pathWithoutNode;
    // The Go SDK through the file:// proxy; everything else from the usual one. The checksum
    // database knows no unpublished version: go.sum records the zip's hash and verifies it.
    const upstream = run("go", ["env", "GOPROXY"]).trim();
    this.env.GOPROXY = `file://${path.join(DIST, "goproxy")},${upstream}`;
    this.env.GONOSUMDB = "github.com/sfn-workflows";
    this.env.GOFLAGS = "-mod=mod";
    purgeCachedReleases(this.env);
  }

  protected override envFor(cwd: string): NodeJS.ProcessEnv {
    // (Also called from the base constructor, before this class's fields exist.)
    const projectPath = this.projectPaths?.get(cwd);
    return projectPath ? { ...this.env, PATH: projectPath } : this.env;
  }

  /** `pulumi plugin install`, from the release server, as the engine downloads a plugin. */
  override installComponentPlugin(): void {
    this.pulumi(["plugin", "install", "resource", "sfn-workflows", VERSION, "--server", this.server.url], this.root);
  }

  /** Runs a command in a project directory with the PATH and environment its programs get. */
  exec(dir: string, command: string, args: string[]): SpawnSyncReturns<string> {
    return spawnSync(command, args, { cwd: dir, env: this.envFor(dir), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  }

  /** Copies examples/NAME and installs its packages from dist/ (once). */
  override project(name: string): string {
    const dir = path.join(this.root, name);
    if (fs.existsSync(dir)) return dir;
    super.project(name);
    if (fs.existsSync(path.join(dir, "package.json"))) this.installNpm(dir);
    if (fs.existsSync(path.join(dir, "requirements.txt"))) this.installPython(dir);
    if (fs.existsSync(path.join(dir, "go.mod"))) this.installGo(dir);
    if (fs.existsSync(path.join(dir, "pom.xml"))) this.configureMaven(dir);
    return dir;
  }

  /** The npm tarball (when the program uses it), the Pulumi packages at the repository's versions. */
  private installNpm(dir: string): void {
    const file = path.join(dir, "package.json");
    const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { dependencies: Record<string, string> };
    const pinned = (names: string[]) => Object.fromEntries(names.map((n) => [n, repoVersion(n)]));
    pkg.dependencies = {
      ...pinned(Object.keys(pkg.dependencies).filter((n) => n !== "@sfn-workflows/pulumi")),
      ...("@sfn-workflows/pulumi" in pkg.dependencies ? { "@sfn-workflows/pulumi": `file:${NPM_TARBALL}` } : {}),
    };
    // What `pulumi new typescript` adds: Pulumi runs index.ts through ts-node.
    Object.assign(pkg, { devDependencies: pinned(["typescript", "@types/node"]) });
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, env: { ...this.env, PATH: this.pathWithNode } });
    this.projectPaths.set(dir, this.pathWithNode);
  }

  /**
   * The virtualenv Pulumi.yaml names, with the wheel and the `pulumi` package, activated (first on
   * PATH) as a user would: the Python language host built here runs the `python3` it finds there.
   */
  private installPython(dir: string): void {
    const venv = path.join(dir, "venv");
    fs.writeFileSync(path.join(dir, "requirements.txt"), `pulumi==${pulumiVersion()}\n${WHEEL}\n`);
    run("python3", ["-m", "venv", venv], { env: this.env });
    run(path.join(venv, "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt"], {
      cwd: dir,
      env: this.env,
    });
    this.projectPaths.set(dir, [path.join(venv, "bin"), this.pathWithoutNode].join(path.delimiter));
  }

  /** The Go SDK at the release version, through the proxy; `go mod verify` checks the zip. */
  private installGo(dir: string): void {
    run("go", ["mod", "edit", `-dropreplace=${GO_MODULE}`, `-require=${GO_MODULE}@v${VERSION}`], { cwd: dir, env: this.env });
    run("go", ["mod", "download", GO_MODULE], { cwd: dir, env: this.env });
    run("go", ["mod", "tidy"], { cwd: dir, env: this.env });
    run("go", ["mod", "verify"], { cwd: dir, env: this.env });
  }

  /** Maven settings naming dist/maven as a repository, and the release version, for the Java host's `mvn`. */
  private configureMaven(dir: string): void {
    const settings = path.join(this.root, "maven-settings.xml");
    fs.writeFileSync(
      settings,
      `<settings>
  <profiles>
    <profile>
      <id>sfn-workflows-release</id>
      <repositories>
        <repository>
          <id>sfn-workflows-release</id>
          <url>file://${MAVEN_REPOSITORY}</url>
        </repository>
      </repositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>sfn-workflows-release</activeProfile>
  </activeProfiles>
</settings>
`,
    );
    fs.mkdirSync(path.join(dir, ".mvn"));
    fs.writeFileSync(path.join(dir, ".mvn", "maven.config"), `-s\n${settings}\n-DsfnWorkflows.version=${VERSION}\n`);
  }
}
