/** Parsers for option values: each accepts a value or says what a valid one looks like. */
import { InvalidArgumentError } from "commander";
import type { WorkflowType } from "../model/types";

export const WORKFLOW_TYPES: readonly WorkflowType[] = ["STANDARD", "EXPRESS"];

/** `--type`: STANDARD or EXPRESS, in any case. */
export function parseWorkflowType(value: string): WorkflowType {
  const type = value.toUpperCase();
  if ((WORKFLOW_TYPES as readonly string[]).includes(type)) return type as WorkflowType;
  throw new InvalidArgumentError(`Use STANDARD or EXPRESS (the state machine's workflow type).`);
}

export function parseRegion(value: string): string {
  if (/^[a-z]{2}(-[a-z]+)+-\d+$/.test(value)) return value;
  throw new InvalidArgumentError(`Use an AWS region code such as us-east-1.`);
}

export function parseAccount(value: string): string {
  if (/^\d{12}$/.test(value)) return value;
  throw new InvalidArgumentError(`Use a 12-digit AWS account ID such as 123456789012.`);
}

export function parsePartition(value: string): string {
  if (/^aws(-[a-z]+)*$/.test(value)) return value;
  throw new InvalidArgumentError(`Use an AWS partition: aws, aws-cn or aws-us-gov.`);
}
