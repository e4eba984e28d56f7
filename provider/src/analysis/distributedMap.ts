/** Permissions a Distributed Map state needs: child executions of this machine, and S3 reader/writer access. */
import type { ArnContext, Diagnostic, MapIntegration, MapIoKind, PolicyStatement } from "../model/types";
import type { VisitedState } from "../model/walk";
import { isObject } from "../model/walk";
import { TaskArgs } from "../model/taskArgs";
import { classifyResource } from "./resource";

export function isDistributedMap(visited: VisitedState): boolean {
  const processor = visited.state.ItemProcessor;
  return (
    visited.state.Type === "Map" &&
    isObject(processor) &&
    isObject(processor.ProcessorConfig) &&
    processor.ProcessorConfig.Mode === "DISTRIBUTED"
  );
}

/** The blocks that call S3: the ItemReader, and a ResultWriter with a Resource (WriterConfig alone only shapes the output). */
function s3Blocks(visited: VisitedState): { reader?: Record<string, unknown>; writer?: Record<string, unknown> } {
  const { ItemReader: reader, ResultWriter: writer } = visited.state;
  return {
    ...(isObject(reader) ? { reader } : {}),
    ...(isObject(writer) && writer.Resource !== undefined ? { writer } : {}),
  };
}

/** Bucket (and key prefix) an ItemReader or ResultWriter names, `*` when computed at run time. */
function s3Scope(
  visited: VisitedState,
  block: Record<string, unknown>,
  arn: ArnContext,
  diagnostics: Diagnostic[],
): { bucket: string; objects: string } {
  const args = new TaskArgs(visited.queryLanguage === "JSONata" ? block.Arguments : block.Parameters, visited.queryLanguage);
  const bucket = args.value("Bucket");
  if (bucket.kind !== "literal") {
    diagnostics.push({
      severity: "warning",
      rule: "dynamic-resource",
      state: visited.path,
      message: `Distributed Map: the S3 bucket is ${bucket.kind === "dynamic" ? "computed at run time" : "not named"}, so S3 access is granted on "*"; name the Bucket literally to scope it`,
    });
    return { bucket: "*", objects: "*" };
  }
  const key = args.value("Key");
  const prefix = args.value("Prefix");
  const path = key.kind === "literal" ? key.value : prefix.kind === "literal" ? `${prefix.value}*` : "*";
  return { bucket: `arn:${arn.partition}:s3:::${bucket.value}`, objects: `arn:${arn.partition}:s3:::${bucket.value}/${path}` };
}

export function distributedMapStatements(
  visited: VisitedState,
  arn: ArnContext,
  stateMachineName: string,
): { statements: PolicyStatement[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const machine = `arn:${arn.partition}:states:${arn.region}:${arn.account}:stateMachine:${stateMachineName}`;
  const executions = `arn:${arn.partition}:states:${arn.region}:${arn.account}:execution:${stateMachineName}/*`;
  const statements: PolicyStatement[] = [
    { Effect: "Allow", Action: ["states:StartExecution"], Resource: [machine] },
    { Effect: "Allow", Action: ["states:DescribeExecution", "states:StopExecution", "states:RedriveExecution"], Resource: [executions] },
  ];
  const { reader, writer } = s3Blocks(visited);
  if (reader) {
    const { bucket, objects } = s3Scope(visited, reader, arn, diagnostics);
    const listing = typeof reader.Resource === "string" && reader.Resource.endsWith("s3:listObjectsV2");
    statements.push(
      listing
        ? { Effect: "Allow", Action: ["s3:ListBucket"], Resource: [bucket] }
        : { Effect: "Allow", Action: ["s3:GetObject"], Resource: [objects] },
    );
  }
  if (writer) {
    const { objects } = s3Scope(visited, writer, arn, diagnostics);
    statements.push({
      Effect: "Allow",
      Action: ["s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"],
      Resource: [objects],
    });
  }
  return { statements, diagnostics };
}

/**
 * The ItemReader and ResultWriter as integrations (`s3:getObject`, `s3:listObjectsV2`,
 * `s3:putObject`), in that order; a Resource that is not a service integration ARN is not listed.
 */
export function distributedMapIntegrations(visited: VisitedState): MapIntegration[] {
  const { reader, writer } = s3Blocks(visited);
  const listed = (block: Record<string, unknown> | undefined, kind: MapIoKind): MapIntegration[] => {
    const resource = block?.Resource;
    if (typeof resource !== "string") return [];
    const classified = classifyResource(resource);
    if (classified?.kind !== "optimized") return [];
    const { service, action, pattern } = classified;
    return [{ state: visited.path, resource, kind, service, action, pattern }];
  };
  return [...listed(reader, "item-reader"), ...listed(writer, "result-writer")];
}
