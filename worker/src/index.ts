/** @sfn-workflows/worker: completes Step Functions callback tasks that arrive on an SQS queue. */
export { CallbackWorker } from "./worker";
export type { CallbackContext, CallbackHandler, CallbackWorkerOptions } from "./options";
export { defaultExtractor, checkToken, InvalidMessageError, MAX_TOKEN_LENGTH, type Envelope, type TokenExtractor } from "./envelope";
export {
  defaultFailure,
  limitFailure,
  serializeOutput,
  OutputTooLargeError,
  MAX_ERROR_LENGTH,
  MAX_CAUSE_LENGTH,
  MAX_OUTPUT_BYTES,
  type TaskFailure,
} from "./failure";
export { jsonLogger, silentLogger, type Logger, type LogLevel, type LogFields, type Metric, type MetricName, type MetricHook } from "./log";
export type { GoneReason } from "./lease";
