/** Resolved settings, and what the REST and HTTP builders take and give back. */
import type * as pulumi from "@pulumi/pulumi";
import type { RequestContextField, SyncEndpointApiType, SyncEndpointAuthorization, SyncEndpointMethod, SyncEndpointOptions } from "./args";

export interface ErrorMapping {
  /** The error name, or the prefix when `prefix` is true. */
  match: string;
  prefix: boolean;
  status: number;
}

export interface RequestParts {
  pathParameters: boolean;
  queryString: boolean;
  headers: boolean | string[];
  claims: string[];
  context: RequestContextField[];
}

export interface EndpointSettings {
  apiType: SyncEndpointApiType;
  path: string;
  /** Path segments below the root, e.g. ["quotes", "{sku}"]. */
  segments: string[];
  pathParameters: string[];
  method: SyncEndpointMethod;
  authorization: SyncEndpointAuthorization;
  request: RequestParts;
  /** Exact names first, then prefixes longest first: the first match wins. */
  errorMappings: ErrorMapping[];
  failedStatusCode: number;
  timedOutStatusCode: number;
  stageName: string;
  cors?: { allowOrigins: string[]; allowHeaders: string[]; allowMethods: string[]; maxAgeSeconds?: number; allowCredentials: boolean };
  throttle?: { rateLimit: number; burstLimit: number };
  accessLogs?: { retentionInDays: number; format?: string };
  tracing: boolean;
}

export interface EndpointInput extends Pick<SyncEndpointOptions, "cognitoUserPoolArns" | "jwt" | "authorizationScopes" | "tags"> {
  name: string;
  settings: EndpointSettings;
  stateMachineArn: pulumi.Output<string>;
  /** From the partition, region and account invokes: API Gateway's addresses are built from them and the API's id. */
  partition: pulumi.Output<string>;
  dnsSuffix: pulumi.Output<string>;
  region: pulumi.Output<string>;
  account: pulumi.Output<string>;
  accessLogsKmsKeyArn?: pulumi.Input<string>;
  parent: pulumi.Resource;
}

export interface EndpointResources {
  apiId: pulumi.Output<string>;
  stageName: pulumi.Output<string>;
  /** The invoke URL of the route, path template included. */
  url: pulumi.Output<string>;
  roleArn: pulumi.Output<string>;
  /** With API_KEY authorization. */
  apiKeyId?: pulumi.Output<string>;
}
