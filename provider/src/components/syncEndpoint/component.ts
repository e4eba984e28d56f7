/**
 * SyncEndpoint: an API Gateway route that runs an EXPRESS state machine with StartSyncExecution
 * and answers with its result. Every option is checked before anything is registered.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import type * as schema from "../../schema-types";
import type { SyncEndpointArgs } from "./args";
import { InputError } from "../errors";
import { httpEndpoint } from "./http";
import { restEndpoint } from "./rest";
import { endpointSettings, stateMachineArnProblem, SYNC_ENDPOINT_TYPE } from "./settings";
import { suspendStackTraces } from "../stackTraces";

export class SyncEndpoint extends pulumi.ComponentResource implements schema.SyncEndpointOutputs {
  /** The invoke URL of the route (path parameters left as `{name}`). */
  readonly url: pulumi.Output<string>;
  readonly apiId: pulumi.Output<string>;
  readonly stageName: pulumi.Output<string>;
  /** The credentials role API Gateway assumes to call StartSyncExecution. */
  readonly roleArn: pulumi.Output<string>;
  /** With API_KEY authorization: the key's id (`aws apigateway get-api-key --include-value`); undefined otherwise. */
  readonly apiKeyId: pulumi.Output<string | undefined>;

  constructor(name: string, args: SyncEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
    const { settings, problems } = endpointSettings(args);
    // Only a literal ARN can be checked here, and only for its shape: whether the machine is EXPRESS is known to AWS alone.
    const arnProblem = pulumi.Output.isInstance(args.stateMachineArn) ? undefined : stateMachineArnProblem(args.stateMachineArn);
    if (arnProblem) problems.unshift({ severity: "error", rule: "invalid-option", state: null, message: `stateMachineArn: ${arnProblem}` });
    const errors = problems.filter((p) => p.severity === "error");
    if (errors.length) throw new InputError(SYNC_ENDPOINT_TYPE, name, errors);
    const resumeStackTraces = suspendStackTraces();
    try {
      super(SYNC_ENDPOINT_TYPE, name, {}, opts);
      for (const warning of problems) pulumi.log.warn(`[${warning.rule}] ${warning.message}`, this);

      const accessLogs = typeof args.accessLogs === "object" ? args.accessLogs : undefined;
      const input = {
        name,
        settings,
        stateMachineArn: pulumi.output(args.stateMachineArn),
        partition: aws.getPartitionOutput({}, { parent: this }).partition,
        region: aws.getRegionOutput({}, { parent: this }).region,
        cognitoUserPoolArns: args.cognitoUserPoolArns,
        jwt: args.jwt,
        authorizationScopes: args.authorizationScopes,
        accessLogsKmsKeyArn: accessLogs?.kmsKeyArn,
        tags: args.tags,
        parent: this,
      };
      const endpoint = settings.apiType === "REST" ? restEndpoint(input) : httpEndpoint(input);
      this.url = endpoint.url;
      this.apiId = endpoint.apiId;
      this.stageName = endpoint.stageName;
      this.roleArn = endpoint.roleArn;
      this.apiKeyId = endpoint.apiKeyId ?? pulumi.output(undefined);
      this.registerOutputs({ url: this.url, apiId: this.apiId, stageName: this.stageName, roleArn: this.roleArn, apiKeyId: this.apiKeyId });
    } finally {
      resumeStackTraces();
    }
  }
}
