/**
 * Known engine gap (docs/errors.md): after a component fails to construct, the Pulumi engine
 * (v3.255) answers the Python program's pending RegisterResource with an Unknown gRPC status
 * ("resource monitor shut down"), where the Python SDK ends quietly only on Unavailable. The SDK
 * then reports an unhandled exception after the engine's report. How it shows depends on timing:
 * as an `error: Program failed with an unhandled exception:` diagnostic, or, when the engine has
 * already stopped listening, as a traceback the program writes to stderr (echoed in the progress
 * lines and under Diagnostics).
 */
import assert from "node:assert/strict";

const STARTS = ["error: Program failed with an unhandled exception:", "Traceback (most recent call last):"];
/** A progress line echoing the program's own output: ` +  pulumi:pulumi:Stack PROJECT-STACK create TEXT`. */
const ECHO = /^ [+~-] {2}pulumi:pulumi:Stack \S+ \w+ (.*)$/;

/**
 * Splits OUTPUT into what the engine and the component printed and the SDK's shutdown noise: every
 * echo of the program's output after the report, and under Diagnostics everything from the first
 * traceback on until the summary. Asserts the noise holds nothing of the package and no problem.
 */
export function withoutPythonShutdownNoise(output: string): string {
  const kept: string[] = [];
  const noise: string[] = [];
  let inDiagnosticsNoise = false;
  for (const line of output.split("\n")) {
    const echoed = ECHO.exec(line)?.[1];
    if (echoed !== undefined && !echoed.startsWith("error: sfn-workflows:")) {
      (echoed.trim() === "" || /^\d+ errors?$/.test(echoed.trim()) ? kept : noise).push(line);
      continue;
    }
    if (STARTS.some((start) => line.trim().startsWith(start))) inDiagnosticsNoise = true;
    if (inDiagnosticsNoise && /^(Resources|Duration):/.test(line)) inDiagnosticsNoise = false;
    (inDiagnosticsNoise ? noise : kept).push(line);
  }
  const tail = noise.join("\n");
  assert.doesNotMatch(tail, /sfn_workflows/, `no frame of the package in the SDK's shutdown noise:\n${tail}`);
  assert.doesNotMatch(tail, /has a problem|\[[a-z-]+\] /, `no problem hidden in the SDK's shutdown noise:\n${tail}`);
  return kept.join("\n");
}
