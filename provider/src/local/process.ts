/**
 * A local engine's server process (moto, LocalStack): started on a free loopback port, awaited until
 * it answers, and always stopped, even when its owner crashes or gets a signal (an exit hook kills it).
 */
import { spawn } from "node:child_process";
import * as net from "node:net";

const STOP_TIMEOUT_MS = 5_000;
const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

export interface EngineProcess {
  /** `http://127.0.0.1:PORT` */
  endpoint: string;
  port: number;
  pid: number | undefined;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s); safe to call twice. */
  stop(): Promise<void>;
  /** The server's last lines of output. */
  output(): string;
}

export interface EngineProcessOptions {
  /** For messages: "moto_server", "LocalStack". */
  name: string;
  command: string;
  /** The arguments, given the port. */
  args(port: number): string[];
  /** Extra environment, given the port. */
  env(port: number): Record<string, string>;
  /** Resolves true once the server is ready; a rejection (not listening yet) counts as false. */
  ready(endpoint: string): Promise<boolean>;
  startTimeoutMs: number;
  /** Lines of output kept for error messages. */
  tailLines?: number;
}

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startEngineProcess(options: EngineProcessOptions): Promise<EngineProcess> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(options.command, options.args(port), {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...options.env(port) },
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...String(chunk).split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - (options.tailLines ?? 20)));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = false;
  let spawnError: Error | undefined;
  const exit = new Promise<void>((resolve) => {
    const done = () => {
      exited = true;
      resolve();
    };
    child.once("exit", done);
    child.once("error", (error) => {
      spawnError = error;
      done();
    });
  });
  // A caller that dies without calling stop() must not leave the server behind: on exit, and on a
  // signal (which would otherwise end Node without an exit event), the server is killed first. The
  // signal is then raised again unless someone else listens to it (mocha does for SIGINT).
  const killOnExit = () => child.kill("SIGKILL");
  const onSignal = (signal: NodeJS.Signals) => {
    child.kill("SIGKILL");
    forget();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const forget = () => {
    process.removeListener("exit", killOnExit);
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  };
  process.once("exit", killOnExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  async function stop(): Promise<void> {
    forget();
    if (exited) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exit;
    clearTimeout(timer);
  }

  try {
    const deadline = Date.now() + options.startTimeoutMs;
    while (!(await options.ready(endpoint).catch(() => false))) {
      if (exited)
        throw new Error(
          spawnError
            ? `${options.name} could not be started (${options.command}): ${spawnError.message}`
            : `${options.name} exited during start-up:\n${tail.join("\n")}`,
        );
      if (Date.now() > deadline)
        throw new Error(`${options.name} did not answer on ${endpoint} within ${options.startTimeoutMs} ms:\n${tail.join("\n")}`);
      await sleep(100);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, pid: child.pid, stop, output: () => tail.join("\n") };
}
