/** Captures what components report through pulumi.log.warn, with the resource it names. */
import * as pulumi from "@pulumi/pulumi";

export interface Warning {
  message: string;
  resource?: pulumi.Resource;
}

export async function captureWarnings<T>(run: () => Promise<T>): Promise<{ result: T; warnings: Warning[] }> {
  const warnings: Warning[] = [];
  const original = pulumi.log.warn;
  (pulumi.log as { warn: typeof pulumi.log.warn }).warn = (message: string, resource?: pulumi.Resource) => {
    warnings.push({ message, resource });
    return Promise.resolve();
  };
  try {
    return { result: await run(), warnings };
  } finally {
    (pulumi.log as { warn: typeof pulumi.log.warn }).warn = original;
  }
}
