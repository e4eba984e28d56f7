/**
 * The `sfn-workflows` provider plugin: it only dispatches. `construct` turns the inputs an SDK sent
 * into component arguments (see inputs.ts), builds the component, and returns the outputs the
 * schema promises. Child resources are parented to the component, so providers and options flow down.
 */
import * as pulumi from "@pulumi/pulumi";
import { CallbackQueue } from "../components/callbackQueue";
import { SyncEndpoint } from "../components/syncEndpoint/component";
import { Workflow } from "../components/workflow";
import { InputError, placeOf } from "../components/errors";
import { InputConverter, UnknownPlainInputError } from "./inputs";
import { persistCompileCacheSoon } from "../compileCache";
import type { PackageSchema } from "../components/schemaTypes";
import { own } from "../model/own";

type ComponentFactory = (name: string, args: never, opts: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

/** Every component the plugin constructs, by resource token. */
export const COMPONENTS: Readonly<Record<string, ComponentFactory>> = {
  "sfn-workflows:index:Workflow": (name, args, opts) => new Workflow(name, args, opts),
  "sfn-workflows:index:CallbackQueue": (name, args, opts) => new CallbackQueue(name, args, opts),
  "sfn-workflows:index:SyncEndpoint": (name, args, opts) => new SyncEndpoint(name, args, opts),
};

export class SfnWorkflowsProvider implements pulumi.provider.Provider {
  readonly schema: string;
  private readonly parsed: PackageSchema;
  private readonly inputs: InputConverter;

  constructor(
    readonly version: string,
    schemaText: string,
    private readonly components: Readonly<Record<string, ComponentFactory>> = COMPONENTS,
  ) {
    this.schema = schemaText;
    this.parsed = JSON.parse(schemaText) as PackageSchema;
    this.inputs = new InputConverter(this.parsed);
  }

  async construct(
    name: string,
    type: string,
    inputs: pulumi.Inputs,
    options: pulumi.ComponentResourceOptions,
  ): Promise<pulumi.provider.ConstructResult> {
    const factory = own(this.components, type);
    const resource = own(this.parsed.resources, type);
    if (!factory || !resource) {
      throw new Error(
        `sfn-workflows cannot construct "${type}": it provides ${Object.keys(this.components).sort().join(", ")}; check the resource token and the SDK version`,
      );
    }
    try {
      const args = await this.inputs.resource(type, inputs);
      const component = factory(name, args as never, options) as unknown as Record<string, unknown> & pulumi.ComponentResource;
      const state = Object.fromEntries(Object.keys(resource.properties ?? {}).map((key) => [key, component[key]]));
      return { urn: component.urn, state: state as pulumi.Inputs };
    } catch (error) {
      throw inputPropertiesError(type, name, error);
    } finally {
      // The analysis and the AWS resource modules load with the first Construct.
      persistCompileCacheSoon();
    }
  }
}

/**
 * Bad input as the engine shows it for every language: "TYPE resource 'NAME' has a problem: ...",
 * then one line per problem with its property path. Other errors pass unchanged.
 */
export function inputPropertiesError(type: string, name: string, error: unknown): unknown {
  const problems =
    error instanceof UnknownPlainInputError
      ? new InputError(type, name, [
          { severity: "error", rule: "unknown-at-preview", state: null, input: error.input, message: error.reason },
        ])
      : error;
  if (!(problems instanceof InputError)) return error;
  return new pulumi.InputPropertiesError({
    message: problems.summary,
    errors: problems.problems.map((problem) => ({ propertyPath: placeOf(problem), reason: `[${problem.rule}] ${problem.message}` })),
  });
}
