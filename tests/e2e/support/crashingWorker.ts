/**
 * A worker process that crashes: run as a child (node --require tsx/cjs), it receives one callback
 * message, prints `{"received": …}` on stdout, then either hangs until its parent kills it
 * (CRASH=hang) or kills itself with SIGKILL inside the handler (CRASH=exit). No cleanup runs, as in
 * a real crash, so the message stays in flight until its visibility timeout ends.
 */
import { CallbackWorker, jsonLogger } from "../../../worker/src";
import { motoClientConfig } from "../../support/moto";
import { SFNClient } from "@aws-sdk/client-sfn";
import { SQSClient } from "@aws-sdk/client-sqs";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const endpoint = env("MOTO_ENDPOINT");
const worker = new CallbackWorker({
  queueUrl: env("QUEUE_URL"),
  heartbeatSeconds: Number(env("HEARTBEAT_SECONDS")),
  visibilityTimeoutSeconds: process.env.VISIBILITY_TIMEOUT_SECONDS ? Number(process.env.VISIBILITY_TIMEOUT_SECONDS) : undefined,
  heartbeatIntervalSeconds: process.env.HEARTBEAT_INTERVAL_SECONDS ? Number(process.env.HEARTBEAT_INTERVAL_SECONDS) : undefined,
  waitTimeSeconds: 1,
  sqs: new SQSClient(motoClientConfig(endpoint)),
  sfn: new SFNClient(motoClientConfig(endpoint)),
  signals: [],
  logger: jsonLogger({ write: (line) => process.stderr.write(`${line}\n`) }),
  handler: (message, { token, receiveCount }) => {
    process.stdout.write(`${JSON.stringify({ received: { token, receiveCount, message } })}\n`);
    if (process.env.CRASH === "exit") process.kill(process.pid, "SIGKILL");
    return new Promise(() => {});
  },
});
void worker.start();
