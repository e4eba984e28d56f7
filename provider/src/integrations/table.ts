/** The integration table: one entry per optimized `service:action`, plus the AWS SDK family. */
import { awsSdkEntry } from "./awsSdk";
import { computeIntegrations } from "./compute";
import { dataIntegrations } from "./data";
import { messagingIntegrations } from "./messaging";
import { mlIntegrations } from "./ml";
import { own } from "../model/own";
import type { IntegrationEntry, IntegrationTable } from "./spec";

export const OPTIMIZED_INTEGRATIONS: IntegrationTable = {
  ...messagingIntegrations,
  ...computeIntegrations,
  ...dataIntegrations,
  ...mlIntegrations,
};

/** The entry for a classified task resource, or undefined for an integration we do not know. */
export function lookupIntegration(kind: "optimized" | "aws-sdk", service: string, action: string): IntegrationEntry | undefined {
  const optimized = (name: string) => own(OPTIMIZED_INTEGRATIONS, `${name}:${action}`);
  return kind === "aws-sdk" ? awsSdkEntry(service, action, optimized) : optimized(service);
}
