/**
 * moto has no StartSyncExecution: an EXPRESS execution runs through StartExecution, and its result
 * is reshaped into the body StartSyncExecution would have answered (AWS's JSON protocol: dates as
 * epoch seconds, `output` only on success, `error`/`cause` only on failure), for the SyncEndpoint's
 * response template to map.
 */
import type { DescribeExecutionCommandOutput } from "@aws-sdk/client-sfn";

export function startSyncAnswer(execution: DescribeExecutionCommandOutput): Record<string, unknown> {
  const seconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : undefined);
  const answer: Record<string, unknown> = {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    startDate: seconds(execution.startDate),
    stopDate: seconds(execution.stopDate),
    status: execution.status,
    input: execution.input,
    inputDetails: { included: true },
    billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
  };
  if (execution.status === "SUCCEEDED") Object.assign(answer, { output: execution.output, outputDetails: { included: true } });
  else Object.assign(answer, { error: execution.error, cause: execution.cause });
  return answer;
}
