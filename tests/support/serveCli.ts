/** `sfn-workflows serve` as users run it: the built CLI in a child process, up once it prints its routes. */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";

export const CLI = path.join(__dirname, "..", "..", "provider", "bin", "cli", "main.js");

export interface ServeCli {
  child: ChildProcess;
  /** The front's port on localhost and LocalStack's endpoint, as printed. */
  port: number;
  engineEndpoint: string;
  stdout(): string;
  stderr(): string;
  /** SIGTERM; answers the exit code. */
  stop(): Promise<number | null>;
}

/** `cwd`: where it runs, as a team runs it from its program's directory. */
export async function startServeCli(args: string[], { cwd = process.cwd(), timeoutMs = 150_000 } = {}): Promise<ServeCli> {
  const child = spawn(process.execPath, [CLI, "serve", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => (stdout += String(chunk)));
  child.stderr?.on("data", (chunk) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  process.once("exit", () => child.kill("SIGKILL"));
  const deadline = Date.now() + timeoutMs;
  while (!/Ctrl-C stops\n/.test(stdout)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`serve did not come up:\n${stdout}\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    port: Number(/http:\/\/localhost:(\d+)\//.exec(stdout)?.[1]),
    engineEndpoint: /on LocalStack \((http:\/\/127\.0\.0\.1:\d+)\)/.exec(stdout)?.[1] as string,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
