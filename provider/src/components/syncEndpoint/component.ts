/**
 * SyncEndpoint: an API Gateway route that runs an EXPRESS state machine with StartSyncExecution
 * and answers with its result. Every option is checked before anything is registered.
 */
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import type * as schema from "../../schema-types";
import type { SyncEndpointArgs } from "./args";
import { formatDiagnostic, InputError } from "../errors";
import { checkInputs, checkWhenKnown, mergeErrors } from "../inputChecks";
import { httpEndpoint } from "./http";
import { restEndpoint } from "./rest";
import { endpointSettings, SYNC_ENDPOINT_TYPE } from "./settings";
import { suspendStackTraces } from "../stackTraces";
import { warnOtherAccountKey } from "../kmsKeys";

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
    // The ARN's shape is checked; whether the machine is EXPRESS is known to AWS alone.
    const inputs = checkInputs(SYNC_ENDPOINT_TYPE, args);
    const { settings, problems } = endpointSettings(inputs.args);
    const errors = mergeErrors(inputs, problems);
    if (errors.length) throw new InputError(SYNC_ENDPOINT_TYPE, name, errors);
    const resumeStackTraces = suspendStackTraces();
    try {
      super(SYNC_ENDPOINT_TYPE, name, {}, opts);
      for (const warning of problems) pulumi.log.warn(formatDiagnostic(warning), this);

      const accessLogs = typeof args.accessLogs === "object" ? args.accessLogs : undefined;
      const partition = aws.getPartitionOutput({}, { parent: this });
      const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
      const logKey =
        accessLogs?.kmsKeyArn && checkWhenKnown(SYNC_ENDPOINT_TYPE, name, inputs, "accessLogs.kmsKeyArn", accessLogs.kmsKeyArn);
      if (logKey) warnOtherAccountKey(this, "accessLogs.kmsKeyArn", logKey, account, "logs");
      const input = {
        name,
        settings,
        stateMachineArn: checkWhenKnown(SYNC_ENDPOINT_TYPE, name, inputs, "stateMachineArn", args.stateMachineArn),
        partition: partition.partition,
        dnsSuffix: partition.dnsSuffix,
        region: aws.getRegionOutput({}, { parent: this }).region,
        account,
        cognitoUserPoolArns: args.cognitoUserPoolArns,
        jwt: args.jwt,
        authorizationScopes: args.authorizationScopes,
        accessLogsKmsKeyArn: logKey,
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
