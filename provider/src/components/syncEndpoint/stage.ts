/** What REST and HTTP stages share: the access log group and the trigger that redeploys on change. */
import { createHash } from "node:crypto";
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import type { SyncEndpointApiType } from "./args";
import type { EndpointSettings } from "./types";

const COMMON_FIELDS = {
  requestId: "$context.requestId",
  ip: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  httpMethod: "$context.httpMethod",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  integrationStatus: "$context.integrationStatus",
  integrationLatency: "$context.integrationLatency",
};

/** One JSON object per request; the fields differ where the two APIs name them differently. */
export const ACCESS_LOG_FORMATS: Record<SyncEndpointApiType, string> = {
  REST: JSON.stringify({
    ...COMMON_FIELDS,
    resourcePath: "$context.resourcePath",
    caller: "$context.identity.caller",
    error: "$context.error.message",
  }),
  HTTP: JSON.stringify({ ...COMMON_FIELDS, routeKey: "$context.routeKey", error: "$context.integrationErrorMessage" }),
};

export function accessLogSettings(
  name: string,
  settings: EndpointSettings,
  kmsKeyArn: pulumi.Input<string> | undefined,
  tags: pulumi.Input<Record<string, pulumi.Input<string>>> | undefined,
  parent: pulumi.Resource,
): { destinationArn: pulumi.Output<string>; format: string } | undefined {
  if (!settings.accessLogs) return undefined;
  const group = new aws.cloudwatch.LogGroup(
    `${name}-access`,
    { namePrefix: `/aws/apigateway/${name}-`, retentionInDays: settings.accessLogs.retentionInDays, kmsKeyId: kmsKeyArn, tags },
    { parent },
  );
  return { destinationArn: group.arn, format: settings.accessLogs.format ?? ACCESS_LOG_FORMATS[settings.apiType] };
}

/**
 * A deployment is a snapshot: routes and templates changed later do not go live until the next
 * one. The trigger hashes everything a deployment captures, so a change replaces the deployment
 * and moves the stage onto it.
 */
export function redeployTrigger(deployed: Record<string, unknown>): pulumi.Output<Record<string, string>> {
  return pulumi
    .output(deployed)
    .apply((value): Record<string, string> => ({ configuration: createHash("sha256").update(JSON.stringify(value)).digest("hex") }));
}
