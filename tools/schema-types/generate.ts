/**
 * Writes provider/src/schema-types.ts from schema.json (the pulumi-awsx way): the TypeScript shapes
 * of every resource's inputs and outputs and of every object type and enum, so `tsc -p provider`
 * fails when the components and the schema disagree.
 *
 *   tsx tools/schema-types/generate.ts [--schema schema.json] [--out provider/src/schema-types.ts]
 *
 * Naming (the same as the other languages' SDKs): a resource R gets `RArgs` (inputs) and
 * `ROutputs` (its output properties as pulumi.Output); an object type T used as an input gets `TArgs`,
 * one used as an output gets `T` (resolved values); an enum E is the union of its values.
 * `pulumi.Input<...>` wraps exactly the levels the schema does not mark `plain`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";

interface TypeSpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  $ref?: string;
  items?: TypeSpec;
  additionalProperties?: TypeSpec;
  oneOf?: TypeSpec[];
  plain?: boolean;
}
interface PropertySpec extends TypeSpec {
  description?: string;
  default?: unknown;
  deprecationMessage?: string;
}
interface EnumValue {
  name?: string;
  value: string | number | boolean;
  description?: string;
}
interface ObjectTypeSpec {
  description?: string;
  type: string;
  properties?: Record<string, PropertySpec>;
  required?: string[];
  enum?: EnumValue[];
}
interface ResourceSpec {
  description?: string;
  isComponent?: boolean;
  inputProperties?: Record<string, PropertySpec>;
  requiredInputs?: string[];
  properties?: Record<string, PropertySpec>;
  required?: string[];
}
interface Schema {
  name: string;
  types?: Record<string, ObjectTypeSpec>;
  resources?: Record<string, ResourceSpec>;
}

function fail(message: string): never {
  throw new Error(`schema-types: ${message}`);
}

/** `sfn-workflows:index:Workflow` -> `Workflow`. */
function tokenName(token: string): string {
  const parts = token.split(":");
  if (parts.length !== 3) fail(`bad token ${token}`);
  return parts[2];
}

function comment(lines: (string | undefined)[], indent = ""): string {
  const text = lines.filter((l): l is string => !!l).join("\n\n");
  if (!text) return "";
  const body = text
    .replace(/\*\//g, "*\\/")
    .split("\n")
    .map((l) => `${indent} *${l ? ` ${l}` : ""}`)
    .join("\n");
  return `${indent}/**\n${body}\n${indent} */\n`;
}

class Generator {
  private readonly types: Record<string, ObjectTypeSpec>;
  /** Object types reachable from resource inputs and outputs. */
  readonly inputTypes = new Set<string>();
  readonly outputTypes = new Set<string>();

  constructor(private readonly schema: Schema) {
    this.types = schema.types ?? {};
    for (const resource of Object.values(schema.resources ?? {})) {
      for (const prop of Object.values(resource.inputProperties ?? {})) this.collect(prop, this.inputTypes);
      for (const prop of Object.values(resource.properties ?? {})) this.collect(prop, this.outputTypes);
    }
  }

  private refToken(ref: string): string | undefined {
    if (ref === "pulumi.json#/Any") return undefined;
    const prefix = "#/types/";
    if (!ref.startsWith(prefix)) fail(`unsupported $ref ${ref} (only local types and pulumi.json#/Any)`);
    const token = decodeURIComponent(ref.slice(prefix.length));
    if (!this.types[token]) fail(`$ref to undefined type ${token}`);
    return token;
  }

  private collect(spec: TypeSpec, into: Set<string>): void {
    if (spec.$ref) {
      const token = this.refToken(spec.$ref);
      if (token && !into.has(token)) {
        into.add(token);
        for (const prop of Object.values(this.types[token].properties ?? {})) this.collect(prop, into);
      }
    }
    if (spec.items) this.collect(spec.items, into);
    if (spec.additionalProperties) this.collect(spec.additionalProperties, into);
    for (const option of spec.oneOf ?? []) this.collect(option, into);
  }

  private primitive(type: TypeSpec["type"]): string {
    switch (type) {
      case "string":
        return "string";
      case "integer":
      case "number":
        return "number";
      case "boolean":
        return "boolean";
    }
    return fail(`unsupported type ${type}`);
  }

  /** The TypeScript type of a schema type, as an input (`input`) or as a resolved output. */
  typeOf(spec: TypeSpec, input: boolean): string {
    let ts: string;
    if (spec.$ref) {
      const token = this.refToken(spec.$ref);
      if (!token) ts = "unknown";
      else {
        const name = tokenName(token);
        ts = this.types[token].enum ? name : input ? `${name}Args` : name;
      }
    } else if (spec.oneOf) {
      ts = spec.oneOf.map((option) => this.typeOf(option, input)).join(" | ");
    } else if (spec.type === "array") {
      if (!spec.items) fail("array without items");
      const element = this.typeOf(spec.items, input);
      ts = /[ |<]/.test(element) ? `(${element})[]` : `${element}[]`;
    } else if (spec.type === "object") {
      ts = `Record<string, ${spec.additionalProperties ? this.typeOf(spec.additionalProperties, input) : "string"}>`;
    } else {
      ts = this.primitive(spec.type);
    }
    return input && !spec.plain ? `pulumi.Input<${ts}>` : ts;
  }

  private propertyDoc(prop: PropertySpec): string[] {
    const lines: string[] = [];
    if (prop.description) lines.push(prop.description);
    if (prop.default !== undefined) lines.push(`@default ${JSON.stringify(prop.default)}`);
    if (prop.deprecationMessage) lines.push(`@deprecated ${prop.deprecationMessage}`);
    return lines;
  }

  private members(props: Record<string, PropertySpec>, required: string[], render: (prop: PropertySpec, optional: boolean) => string) {
    for (const name of required) if (!props[name]) fail(`required property ${name} is not defined`);
    return Object.keys(props)
      .sort()
      .map((name) => {
        const prop = props[name];
        const optional = !required.includes(name);
        const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
        return `${comment(this.propertyDoc(prop), "  ")}  ${render(prop, optional).replace("%KEY%", key)}`;
      })
      .join("\n");
  }

  generate(): string {
    const out: string[] = [];
    const names = new Map<string, string>();
    const declare = (name: string, token: string) => {
      const other = names.get(name);
      if (other) fail(`${token} and ${other} both generate ${name}`);
      names.set(name, token);
    };

    out.push(
      `// *** Generated from schema.json by tools/schema-types/generate.ts (make gen). Do not edit by hand. ***`,
      `import type * as pulumi from "@pulumi/pulumi";`,
      "",
      comment(["Type tokens of the package's resources."]) +
        `export const resourceTokens = {\n${Object.keys(this.schema.resources ?? {})
          .sort()
          .map((token) => `  ${tokenName(token)}: ${JSON.stringify(token)},`)
          .join("\n")}\n} as const;`,
    );

    for (const token of Object.keys(this.types).sort()) {
      const spec = this.types[token];
      const name = tokenName(token);
      if (spec.enum) {
        declare(name, token);
        const values = spec.enum.map((e) => `${comment([e.description], "  ")}  | ${JSON.stringify(e.value)}`).join("\n");
        out.push(`${comment([spec.description])}export type ${name} =\n${values};`);
        continue;
      }
      if (spec.type !== "object") fail(`${token}: type ${spec.type} is neither an enum nor an object`);
      const props = spec.properties ?? {};
      const required = spec.required ?? [];
      if (this.inputTypes.has(token)) {
        declare(`${name}Args`, token);
        const body = this.members(props, required, (prop, optional) => `%KEY%${optional ? "?" : ""}: ${this.typeOf(prop, true)};`);
        out.push(`${comment([spec.description])}export interface ${name}Args {\n${body}\n}`);
      }
      if (this.outputTypes.has(token)) {
        declare(name, token);
        const body = this.members(
          props,
          required,
          (prop, optional) => `readonly %KEY%${optional ? "?" : ""}: ${this.typeOf(prop, false)};`,
        );
        out.push(`${comment([spec.description])}export interface ${name} {\n${body}\n}`);
      }
      if (!this.inputTypes.has(token) && !this.outputTypes.has(token)) fail(`${token} is used by no resource`);
    }

    for (const token of Object.keys(this.schema.resources ?? {}).sort()) {
      const spec = this.schema.resources![token];
      const name = tokenName(token);
      declare(`${name}Args`, token);
      declare(`${name}Outputs`, token);
      const inputs = this.members(
        spec.inputProperties ?? {},
        spec.requiredInputs ?? [],
        (prop, optional) => `%KEY%${optional ? "?" : ""}: ${this.typeOf(prop, true)};`,
      );
      out.push(`${comment([`The arguments of ${name} (\`${token}\`).`])}export interface ${name}Args {\n${inputs}\n}`);
      const outputs = this.members(
        spec.properties ?? {},
        spec.required ?? [],
        (prop, optional) => `readonly %KEY%: pulumi.Output<${this.typeOf(prop, false)}${optional ? " | undefined" : ""}>;`,
      );
      out.push(
        `${comment([spec.description, `The output properties of \`${token}\`: the component class implements this interface.`])}export interface ${name}Outputs {\n${outputs}\n}`,
      );
    }
    return out.join("\n\n") + "\n";
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (flag: string, fallback: string) => {
    const i = args.indexOf(flag);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const root = path.resolve(__dirname, "..", "..");
  const schemaPath = path.resolve(option("--schema", path.join(root, "schema.json")));
  const outPath = path.resolve(option("--out", path.join(root, "provider", "src", "schema-types.ts")));

  const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8")) as Schema;
  const source = new Generator(schema).generate();
  // Format with the repository's prettier settings, so `prettier --check` and the drift check agree.
  const config = (await prettier.resolveConfig(path.join(root, "provider", "src", "schema-types.ts"))) ?? {};
  const formatted = await prettier.format(source, { ...config, parser: "typescript" });
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, formatted);
  console.log(`schema-types: wrote ${path.relative(process.cwd(), outPath) || outPath}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
