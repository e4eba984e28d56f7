/** The parts of a Pulumi package schema the plugin and the input checks read. */

export interface SchemaProperty {
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
  $ref?: string;
  items?: SchemaProperty;
  additionalProperties?: SchemaProperty;
  oneOf?: SchemaProperty[];
  plain?: boolean;
}

export interface SchemaObjectType {
  type?: string;
  properties?: Record<string, SchemaProperty>;
  required?: string[];
  enum?: Array<{ value: unknown }>;
}

export interface SchemaResource {
  isComponent?: boolean;
  inputProperties?: Record<string, SchemaProperty>;
  requiredInputs?: string[];
  properties?: Record<string, SchemaProperty>;
}

export interface PackageSchema {
  name: string;
  version?: string;
  resources: Record<string, SchemaResource>;
  types?: Record<string, SchemaObjectType>;
}
