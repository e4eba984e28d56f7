/** Runs tests/e2e/support/crashingWorker.ts as a child process and reports what it received before it died. */
import { spawn } from "node:child_process";
import * as path from "node:path";

export interface Crash {
  received: { token: string; receiveCount: number; message: Record<string, unknown> };
  signal: NodeJS.Signals | null;
}

const SCRIPT = path.join(__dirname, "crashingWorker.ts");

export function crashingWorker(options: {
  endpoint: string;
  queueUrl: string;
  heartbeatSeconds: number;
  visibilityTimeoutSeconds?: number;
  heartbeatIntervalSeconds?: number;
  /** "hang": we SIGKILL it once it has the message; "exit": its handler SIGKILLs itself. */
  crash: "hang" | "exit";
  timeoutMs?: number;
}): Promise<Crash> {
  const child = spawn(process.execPath, ["--require", "tsx/cjs", SCRIPT], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      MOTO_ENDPOINT: options.endpoint,
      QUEUE_URL: options.queueUrl,
      HEARTBEAT_SECONDS: String(options.heartbeatSeconds),
      VISIBILITY_TIMEOUT_SECONDS: options.visibilityTimeoutSeconds === undefined ? "" : String(options.visibilityTimeoutSeconds),
      HEARTBEAT_INTERVAL_SECONDS: options.heartbeatIntervalSeconds === undefined ? "" : String(options.heartbeatIntervalSeconds),
      CRASH: options.crash,
    },
  });
  let stdout = "";
  let stderr = "";
  let received: Crash["received"] | undefined;
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the crashing worker got no message within ${options.timeoutMs ?? 30_000} ms:\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.stdout.on("data", (chunk) => {
      stdout += String(chunk);
      const line = stdout.split("\n").find((l) => l.startsWith('{"received"'));
      if (line && !received) {
        received = (JSON.parse(line) as { received: Crash["received"] }).received;
        if (options.crash === "hang") child.kill("SIGKILL");
      }
    });
    child.once("exit", (_code, signal) => {
      clearTimeout(timer);
      if (received) resolve({ received, signal });
      else reject(new Error(`the crashing worker exited (${signal}) before receiving:\n${stderr}`));
    });
  });
}
