/**
 * LocalStack as a local engine (docs/engines.md): where engine/install-localstack.sh put it, what is
 * missing when it cannot start, and starting it in-process (no Docker) on a free loopback port.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEngineProcess, type EngineProcess } from "./process";

/** LocalStack's account for every request whose access key is not an account id. */
export const LOCALSTACK_ACCOUNT = "000000000000";
export const LOCALSTACK_REGION = "us-east-1";
export const LOCALSTACK_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };
export const LOCALSTACK_SERVICES = "stepfunctions,sqs,iam,logs,cloudwatch,apigateway,sts";

/** The JSONata JVM and the first API call make the first start slow on 2 cores. */
const START_TIMEOUT_MS = 90_000;
const ENGINE_FILES = path.join(__dirname, "..", "..", "engine");
const INSTALL_SCRIPT = path.join(ENGINE_FILES, "install-localstack.sh");
const REQUIREMENTS = path.join(ENGINE_FILES, "localstack-requirements.txt");

/** The install directory is keyed by the pins and the script, as the Makefile's is: a change reinstalls. */
export function defaultLocalStackHome(env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash("sha256")
    .update(fs.readFileSync(REQUIREMENTS))
    .update(fs.readFileSync(INSTALL_SCRIPT))
    .digest("hex")
    .slice(0, 12);
  const cache = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(cache, "sfn-workflows", `localstack-${hash}`);
}

/** $SFN_WORKFLOWS_LOCALSTACK, else the default install directory. */
export function localStackHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.SFN_WORKFLOWS_LOCALSTACK || defaultLocalStackHome(env);
}

export class EngineMissingError extends Error {
  constructor(
    message: string,
    /** The command that installs what is missing. */
    readonly installCommand: string,
  ) {
    super(message);
  }
}

interface Layout {
  python: string;
  cert: string;
  root: string;
  java: string;
}

function layout(home: string): Layout {
  const root = path.join(home, "filesystem");
  return {
    python: path.join(home, "bin", "python"),
    cert: path.join(home, "cert", "server.test.pem"),
    root,
    java: path.join(root, "usr", "lib", "localstack", "java", "21", "lib", "server", "libjvm.so"),
  };
}

/** What an install in `home` lacks, each with why it matters; empty when complete. */
export function missingPieces(home: string): string[] {
  const files = layout(home);
  if (!fs.existsSync(path.join(home, ".installed"))) return [`it is not installed in ${home}`];
  const missing: string[] = [];
  if (!fs.existsSync(files.python)) missing.push(`${files.python} is missing (the virtualenv's Python 3.13)`);
  if (!fs.existsSync(files.cert)) missing.push(`${files.cert} is missing (the certificate LocalStack serves; it cannot make one)`);
  if (!fs.existsSync(files.java)) missing.push(`${files.java} is missing (the JDK JSONata runs in)`);
  return missing;
}

export function installCommand(home: string): string {
  return `bash ${INSTALL_SCRIPT} ${home}`;
}

/** Throws EngineMissingError naming what is missing and the command that installs it. */
export function checkLocalStack(home: string = localStackHome()): void {
  const missing = missingPieces(home);
  if (missing.length)
    throw new EngineMissingError(
      `LocalStack cannot start: ${missing.join("; ")}`,
      `${installCommand(home)}   (needs Python 3.13, a JDK and openssl; downloads from PyPI and Maven Central, about 5 minutes)`,
    );
}

/** The environment LocalStack runs with: host mode under the install, loopback only, nothing downloaded. */
export function localStackEnv(home: string, port: number): Record<string, string> {
  const files = layout(home);
  return {
    OVERRIDE_IN_DOCKER: "0",
    FILESYSTEM_ROOT: files.root,
    CUSTOM_SSL_CERT_PATH: files.cert,
    SKIP_SSL_CERT_DOWNLOAD: "1",
    GATEWAY_LISTEN: `127.0.0.1:${port}`,
    LOCALSTACK_HOST: `127.0.0.1:${port}`,
    SERVICES: LOCALSTACK_SERVICES,
    // No DNS server (it would want port 53 and an upstream), no analytics, no update checks.
    DNS_ADDRESS: "0",
    DISABLE_EVENTS: "1",
    SQS_ENDPOINT_STRATEGY: "path",
    EAGER_SERVICE_LOADING: "1",
  };
}

async function servicesReady(endpoint: string): Promise<boolean> {
  const response = await fetch(`${endpoint}/_localstack/health`);
  if (!response.ok) return false;
  const { services } = (await response.json()) as { services: Record<string, string> };
  return LOCALSTACK_SERVICES.split(",").every((name) => services[name] === "running");
}

/** Starts LocalStack from the install in `home`; resolves once every service runs. */
export async function startLocalStack(options: { home?: string } = {}): Promise<EngineProcess> {
  const home = options.home ?? localStackHome();
  checkLocalStack(home);
  return startEngineProcess({
    name: "LocalStack",
    command: layout(home).python,
    args: () => ["-m", "localstack.runtime.main"],
    env: (port) => localStackEnv(home, port),
    ready: servicesReady,
    startTimeoutMs: START_TIMEOUT_MS,
    tailLines: 40,
  });
}
