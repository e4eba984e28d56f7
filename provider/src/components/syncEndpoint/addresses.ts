/**
 * API Gateway's addresses: the provider's own value when it has one (AWS, or the local engine's
 * LocalStack URLs), else the form API Gateway documents, built from the API's id and the
 * partition, region and account lookups. The id is there even under Pulumi mocks that answer
 * nothing but a resource's id and inputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { presentText, whenPresent } from "../present";
import type { EndpointInput } from "./types";

type Where = Pick<EndpointInput, "partition" | "dnsSuffix" | "region" | "account">;

const providedOr = (provided: pulumi.Output<string>, built: pulumi.Output<string>): pulumi.Output<string> =>
  pulumi.all([provided, built]).apply(([value, fallback]) => value ?? fallback);

/** `arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID`, what the credentials role's trust is bound to. */
export function executionArn(where: Where, apiId: pulumi.Output<string>, provided: pulumi.Output<string>): pulumi.Output<string> {
  return providedOr(provided, presentText`arn:${where.partition}:execute-api:${where.region}:${where.account}:${apiId}`);
}

export interface StageAddress {
  apiId: pulumi.Output<string>;
  stageName: pulumi.Output<string>;
  /** The stage's invoke URL as the provider gives it. */
  invokeUrl: pulumi.Output<string>;
}

/** The route's URL: `https://API_ID.execute-api.REGION.DNS_SUFFIX/STAGE` (`$default` has no stage segment), then the path. */
export function routeUrl(where: Where, stage: StageAddress, path: string): pulumi.Output<string> {
  const built = whenPresent(
    [stage.apiId, where.region, where.dnsSuffix, stage.stageName],
    (id, region, dnsSuffix, name) => `https://${id}.execute-api.${region}.${dnsSuffix}/${name === "$default" ? "" : name}`,
  );
  return whenPresent([providedOr(stage.invokeUrl, built)], (base) => `${base.replace(/\/$/, "")}${path}`);
}
