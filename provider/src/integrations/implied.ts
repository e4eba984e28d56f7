/**
 * Statements a task's parameters imply, declared as data next to an entry's base actions and
 * applied to the task's actual Parameters/Arguments: a role handed to the service, tags set on
 * what it creates, S3 locations it reads or writes with the caller's credentials, KMS keys,
 * guardrails and other resources it uses, the service-linked role it creates on first use.
 *
 * A literal value gives a scoped ARN; a value computed at run time gives the widest scope that is
 * still correct, and a `dynamic-resource` warning; an absent parameter implies nothing.
 */
import type { ArnContext } from "../model/types";
import type { IamContext, StatementSpec } from "./spec";
import { nameOrArn, unique } from "./arns";
import { grantsUnknownKey } from "./keyGrants";

type Condition = NonNullable<StatementSpec["condition"]>;

/** ARN templates: `{partition}`, `{region}`, `{account}` and `{value}` (the parameter's literal value). */
export type ArnTemplate = string;

export type Implied =
  /** iam:PassRole on the role named at a path (ARN or name), for the service that receives it. */
  | { kind: "pass-role"; paths: readonly string[]; to: string }
  | TagsRule
  /**
   * An S3 location the service reads or writes with the caller's credentials: an `s3://bucket/key`
   * URI at `path`, or a bucket and a key (or key prefix) at `bucket` and `key`.
   */
  | S3Rule
  /** A KMS key (ID, ARN or alias) the service uses with the caller's credentials. */
  | { kind: "kms"; paths: readonly string[]; actions: readonly string[] }
  /** Any other resource named by a parameter: its ID or name fills `{value}` (an ARN is used as given). */
  | { kind: "resource"; path: string; actions: readonly string[]; arn: ArnTemplate }
  /** The service creates its service-linked role on first use (only where AWS documents it). */
  | { kind: "service-linked-role"; service: string; role: string }
  /** The target may be encrypted with a customer managed key the definition cannot name. */
  | { kind: "unknown-key"; path: string; actions: readonly string[]; what: string };

/** Tags in the request: the service authorises tag-on-create with its tagging action as well. */
export interface TagsRule {
  kind: "tags";
  paths: readonly string[];
  actions: readonly string[];
  /** What the call creates (its own ARN is not known before the call). */
  resources: readonly ArnTemplate[];
  /** Resources the request names that the service also checks the tagging action on (Batch: the job definition). */
  named?: readonly NamedResource[];
  condition?: Condition;
  /**
   * Parameters that make the service itself tag what it creates, with tags the definition does not
   * list (ECS: `PropagateTags`, `EnableECSManagedTags`): set to anything but `off`, or computed at
   * run time, they need the tagging action too, and the tag keys cannot limit it.
   */
  switches?: readonly TagSwitch[];
  /** Why the service needs it, with the AWS source (shown in docs/integrations.md). */
  why?: string;
}

export interface TagSwitch {
  path: string;
  /** The literal value that leaves the switch off (as does an absent parameter). */
  off: string | boolean;
}

interface NamedResource {
  path: string;
  arns: (c: ArnContext, value: string) => string[];
  /** When the value is computed at run time. */
  whenDynamic: ArnTemplate;
}

/**
 * The condition key by which a service's tagging action names the action that creates the
 * resource (AWS's tag-on-create policies scope the tagging action with it, so that the role can
 * tag only what it creates). From AWS's IAM data; a test keeps the list complete. Left out:
 * `cloudformation:CreateAction`, which names resource-mutating actions, and AWS documents no
 * tag-on-create check for CreateStack.
 */
export const CREATING_ACTION_KEYS: Readonly<Record<string, string>> = {
  drs: "drs:CreateAction",
  ec2: "ec2:CreateAction",
  ecs: "ecs:CreateAction",
  elasticfilesystem: "elasticfilesystem:CreateAction",
  elasticloadbalancing: "elasticloadbalancing:CreateAction",
  mgn: "mgn:CreateAction",
  s3files: "s3files:CreateAction",
  sagemaker: "sagemaker:TaggingAction",
  "vpc-lattice": "vpc-lattice:CreateAction",
};

/** The condition limiting the tagging action to tags set by `action` (PascalCase), where the service has the key. */
export function createdBy(prefix: string, action: string): Condition | undefined {
  const key = CREATING_ACTION_KEYS[prefix];
  return key ? { StringEquals: { [key]: action } } : undefined;
}

/** Tagging actions not called TagResource, by IAM prefix (from AWS's IAM data; a test keeps it complete). */
export const TAGGING_ACTIONS: Readonly<Record<string, string>> = {
  "acm-pca": "TagCertificateAuthority",
  autoscaling: "CreateOrUpdateTags",
  cloudsearch: "AddTags",
  cloudtrail: "AddTags",
  datapipeline: "AddTags",
  discovery: "CreateTags",
  dms: "AddTagsToResource",
  ds: "AddTagsToResource",
  ec2: "CreateTags",
  elasticache: "AddTagsToResource",
  elasticbeanstalk: "AddTags",
  elasticloadbalancing: "AddTags",
  elasticmapreduce: "AddTags",
  es: "AddTags",
  firehose: "TagDeliveryStream",
  glacier: "AddTagsToVault",
  machinelearning: "AddTags",
  medialive: "CreateTags",
  mq: "CreateTags",
  rds: "AddTagsToResource",
  redshift: "CreateTags",
  "resource-groups": "Tag",
  sagemaker: "AddTags",
  sqs: "TagQueue",
  ssm: "AddTagsToResource",
  storagegateway: "AddTagsToResource",
  tag: "TagResources",
  workspaces: "CreateTags",
};

export const taggingAction = (prefix: string) => `${prefix}:${TAGGING_ACTIONS[prefix] ?? "TagResource"}`;

/**
 * Tags in `paths` (default `Tags`) are set on what `creating` (the API action, PascalCase)
 * creates, `resource` (`type/*`) of `prefix`; where the service has a creating-action condition
 * key, the tagging action is limited to that action.
 */
export function tagsOn(
  prefix: string,
  resource: string,
  creating: string,
  why: string,
  options: { paths?: readonly string[]; named?: readonly NamedResource[]; switches?: readonly TagSwitch[] } = {},
): TagsRule {
  const condition = createdBy(prefix, creating);
  return {
    kind: "tags",
    paths: options.paths ?? ["Tags"],
    actions: [taggingAction(prefix)],
    resources: [`arn:{partition}:${prefix}:{region}:{account}:${resource}`],
    ...(options.named ? { named: options.named } : {}),
    ...(options.switches ? { switches: options.switches } : {}),
    ...(condition ? { condition } : {}),
    why,
  };
}

/** Why a tagging action is granted where AWS's documentation does not say that the call checks it. */
export const TAGS_UNVERIFIED =
  "Not verified: AWS documents no tag-on-create check for this call; granted because the call accepts tags, and limited to the literal tag keys.";

type S3Rule = { kind: "s3"; access: "read" | "write" | "read-write"; prefix?: boolean } & (
  { path: string; bucket?: undefined; key?: undefined } | { path?: undefined; bucket: string; key: string }
);

/** A queue or topic encrypted with a customer managed key needs the sender to use that key, which the definition does not name. */
export const SQS_KEY: Implied = { kind: "unknown-key", path: "QueueUrl", actions: ["kms:GenerateDataKey", "kms:Decrypt"], what: "queue" };
export const SNS_KEY: Implied = { kind: "unknown-key", path: "TopicArn", actions: ["kms:GenerateDataKey*", "kms:Decrypt"], what: "topic" };

export function fill(template: ArnTemplate, c: IamContext, value = "*"): string {
  return template
    .replace("{partition}", c.partition)
    .replace("{region}", c.region)
    .replace("{account}", c.account)
    .replace("{value}", value);
}

const S3_URI = /^s3:\/\/([^/]+)\/?(.*)$/;

/** Objects and buckets an S3 location gives, or undefined when it is not one. */
function s3Location(c: IamContext, uri: string, prefix: boolean): { bucket: string; objects: string } | undefined {
  const match = S3_URI.exec(uri);
  if (!match) return undefined;
  const [, bucket, key] = match;
  const objects = prefix || key === "" ? `${key.replace(/\/?$/, key ? "/" : "")}*` : key;
  return { bucket: `arn:${c.partition}:s3:::${bucket}`, objects: `arn:${c.partition}:s3:::${bucket}/${objects}` };
}

const S3_ACTIONS = {
  read: { object: ["s3:GetObject"], bucket: ["s3:ListBucket", "s3:GetBucketLocation"] },
  write: { object: ["s3:PutObject", "s3:AbortMultipartUpload"], bucket: ["s3:GetBucketLocation"] },
  "read-write": {
    object: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
    bucket: ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
  },
} as const;

/** The S3 actions a rule grants, by resource level: documentation and statements use the same lists. */
export function s3Actions(rule: S3Rule): { object: readonly string[]; bucket: readonly string[] } {
  const actions = S3_ACTIONS[rule.access];
  // A single object needs no listing; a prefix is listed by the service.
  return rule.prefix ? actions : { object: actions.object, bucket: [] };
}

/** The locations as `s3://` URIs; "*" for one computed at run time. */
function s3Uris(c: IamContext, rule: S3Rule): string[] {
  const options = { whenAbsent: [], whenDynamic: [`arn:${c.partition}:s3:::*`] };
  if (rule.path !== undefined) return c.scope(rule.path, (uri) => [uri], options);
  const buckets = c.scope(rule.bucket, (bucket) => [bucket], options);
  // A key computed at run time may be any object of the bucket.
  const keys = buckets.length > 0 ? c.scope(rule.key, (key) => [key], { whenAbsent: [""] }) : [];
  return buckets.flatMap((bucket) => (bucket === options.whenDynamic[0] ? [bucket] : keys.map((key) => `s3://${bucket}/${key}`)));
}

function s3Statements(c: IamContext, rule: S3Rule): StatementSpec[] {
  const { object, bucket } = s3Actions(rule);
  const locations = s3Uris(c, rule).flatMap((uri) => {
    // Computed at run time: any bucket (the warning says so).
    if (uri === `arn:${c.partition}:s3:::*`) return [{ bucket: `arn:${c.partition}:s3:::*`, objects: `arn:${c.partition}:s3:::*/*` }];
    const location = s3Location(c, uri, rule.prefix ?? false);
    if (!location) c.invalid(rule.path ?? rule.bucket, `"${uri}" is not an S3 location (s3://bucket/key)`);
    return location ? [location] : [];
  });
  if (locations.length === 0) return [];
  return [
    { actions: [...object], resources: unique(locations.map((l) => l.objects)) },
    ...(bucket.length > 0 ? [{ actions: [...bucket], resources: unique(locations.map((l) => l.bucket)) }] : []),
  ];
}

/**
 * KMS authorises on the key, never on an alias: a key ID or ARN is the key; an alias matches the
 * account's keys that carry it (`kms:ResourceAliases`).
 */
function kmsStatements(c: IamContext, rule: Extract<Implied, { kind: "kms" }>): StatementSpec[] {
  const keys: string[] = [];
  const aliases: string[] = [];
  for (const path of rule.paths) {
    const anyKey = `arn:${c.partition}:kms:*:${c.account}:key/*`;
    for (const key of c.scope(path, (v) => [v], { whenAbsent: [], whenDynamic: [anyKey] })) {
      const alias = /^(?:arn:[^:]+:kms:[^:]*:[^:]*:)?(alias\/.+)$/.exec(key);
      if (key === anyKey) keys.push(key);
      else if (alias) aliases.push(alias[1]);
      else keys.push(nameOrArn(key, (id) => `arn:${c.partition}:kms:${c.region}:${c.account}:key/${id}`));
    }
  }
  return [
    ...(keys.length > 0 ? [{ actions: [...rule.actions], resources: unique(keys) }] : []),
    ...(aliases.length > 0
      ? [
          {
            actions: [...rule.actions],
            resources: [`arn:${c.partition}:kms:${c.region}:${c.account}:key/*`],
            condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": unique(aliases) } },
          },
        ]
      : []),
  ];
}

/** Literal tag keys of a tag parameter (`[{Key, Value}]`, `[{key, value}]` or a `{key: value}` map). */
function tagKeys(node: unknown): string[] | undefined {
  if (Array.isArray(node)) {
    const keys = node.map((tag) =>
      typeof tag === "object" && tag !== null ? ((tag as Record<string, unknown>).Key ?? (tag as Record<string, unknown>).key) : undefined,
    );
    return keys.every((key): key is string => typeof key === "string") ? keys : undefined;
  }
  if (typeof node === "object" && node !== null) {
    const keys = Object.keys(node);
    return keys.some((key) => key.endsWith(".$")) ? undefined : keys;
  }
  return undefined;
}

/** The named resources' ARNs: none for an absent parameter (the base statement reports that). */
function namedResources(c: IamContext, resources: readonly NamedResource[] = []): string[] {
  return resources.flatMap((named) =>
    c.args
      .values(named.path)
      .flatMap((value) =>
        value.kind === "literal" ? named.arns(c, value.value) : value.kind === "dynamic" ? [fill(named.whenDynamic, c)] : [],
      ),
  );
}

/** Whether a switch is on: present and not its `off` value, or computed at run time. */
function switchedOn(c: IamContext, { path, off }: TagSwitch): boolean {
  const nodes = c.args.nodes(path);
  return nodes === "dynamic" || nodes.some((node) => node !== null && node !== off);
}

function tagStatements(c: IamContext, rule: TagsRule): StatementSpec[] {
  const found = rule.paths.map((path) => c.args.nodes(path)).filter((nodes) => nodes !== "dynamic" && nodes.length > 0);
  const dynamic = rule.paths.some((path) => c.args.nodes(path) === "dynamic");
  const serviceTags = (rule.switches ?? []).some((s) => switchedOn(c, s));
  if (found.length === 0 && !dynamic && !serviceTags) return [];
  // Tag keys written literally limit what the role may tag with; computed ones, or the service's own, cannot.
  const keys = dynamic || serviceTags ? undefined : found.flat().map(tagKeys);
  const literalKeys = keys && keys.every((k): k is string[] => k !== undefined) ? unique(keys.flat()) : undefined;
  const condition: Condition = {
    ...rule.condition,
    ...(literalKeys && literalKeys.length > 0 ? { "ForAllValues:StringEquals": { "aws:TagKeys": literalKeys } } : {}),
  };
  return [
    {
      actions: [...rule.actions],
      resources: unique([...rule.resources.map((template) => fill(template, c)), ...namedResources(c, rule.named)]),
      ...(Object.keys(condition).length > 0 ? { condition } : {}),
    },
  ];
}

export function impliedStatements(c: IamContext, rules: readonly Implied[]): StatementSpec[] {
  return rules.flatMap((rule): StatementSpec[] => {
    switch (rule.kind) {
      case "pass-role": {
        const accountRoles = [`arn:${c.partition}:iam::${c.account}:role/*`];
        const roleArn = (v: string) => [nameOrArn(v, (name) => `arn:${c.partition}:iam::${c.account}:role/${name}`)];
        const resources = unique(rule.paths.flatMap((path) => c.scope(path, roleArn, { whenAbsent: [], whenDynamic: accountRoles })));
        return resources.length === 0
          ? []
          : [{ actions: ["iam:PassRole"], resources, condition: { StringEquals: { "iam:PassedToService": rule.to } } }];
      }
      case "tags":
        return tagStatements(c, rule);
      case "s3":
        return s3Statements(c, rule);
      case "kms":
        return kmsStatements(c, rule);
      case "resource": {
        const build = (v: string) => [nameOrArn(v, (value) => fill(rule.arn, c, value))];
        const resources = c.scope(rule.path, build, { whenAbsent: [], whenDynamic: [fill(rule.arn, c)] });
        return resources.length === 0 ? [] : [{ actions: [...rule.actions], resources: unique(resources) }];
      }
      case "service-linked-role":
        return [
          {
            actions: ["iam:CreateServiceLinkedRole"],
            resources: [`arn:${c.partition}:iam::${c.account}:role/aws-service-role/${rule.service}/${rule.role}`],
            condition: { StringLike: { "iam:AWSServiceName": rule.service } },
          },
        ];
      case "unknown-key": {
        const target = c.args.value(rule.path);
        // The package's own callback queues: their key (if any) is granted with them; the caller's statements may grant it too.
        if (target.kind !== "literal" || target.value.startsWith("${callbacks.") || c.keysGranted.includes(target.value)) return [];
        if (grantsUnknownKey(c.extraStatements, rule.actions)) return [];
        c.warn(
          "kms-key-unknown",
          `${c.integration}: if ${rule.what} ${target.value} is encrypted with a customer managed KMS key, the role also needs ${rule.actions.join(", ")} on that key; add { "Effect": "Allow", "Action": ${JSON.stringify(rule.actions)}, "Resource": ["KEY_ARN"] } to policyStatements`,
        );
        return [];
      }
    }
  });
}
