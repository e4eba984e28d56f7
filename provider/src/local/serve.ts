/**
 * The sync endpoint on localhost: the components' resources deployed into LocalStack (the same
 * templates, role and definition as the deployed API), behind a small HTTP front on a fixed port
 * that forwards each request to the stage's route unchanged, so `/quote` works as on API Gateway.
 * The source file is watched: a change to definitions only updates the state machines in place;
 * any other change deploys into a fresh LocalStack.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { Workflow } from "../components/workflow";
import type { SyncEndpointMethod } from "../components/syncEndpoint/args";
import { LocalAws } from "./awsClient";
import { deployLocally, mapJson, type LocalDeployment } from "./deploy";
import { derive, type Derived } from "./derive";
import { startLocalStack } from "./localstack";
import type { EngineProcess } from "./process";
import { matches, routes, type Route } from "./routes";

export interface ServeOptions {
  /** A definition file (`.json`) or a Pulumi program (`.js`, `.ts`). */
  file: string;
  /** Port of the front; 0 picks a free one. */
  port: number;
  /** For a definition: the route and its method. */
  path: string;
  method: SyncEndpointMethod;
  /** For a definition: `${Key}` values. */
  substitutions: Record<string, string>;
  /** For a definition: the endpoint's errorStatusCodes. */
  errorStatusCodes: Record<string, number>;
  /** LocalStack's install directory (default: localStackHome()). */
  home?: string;
  /** Progress lines (reloads, what was not created). */
  log(line: string): void;
}

interface Generation {
  engine: EngineProcess;
  derived: Derived[];
  deployment: LocalDeployment;
  routes: Route[];
}

const isDefinition = (file: string) => file.endsWith(".json");

/** What the file derives: a definition becomes an EXPRESS Workflow with a sync endpoint; a program runs as is. */
function components(options: ServeOptions): () => pulumi.Output<unknown>[] {
  const file = path.resolve(options.file);
  if (isDefinition(file))
    return () => {
      const name = path.basename(file).replace(/(\.asl)?\.json$/, "") || "workflow";
      const workflow = new Workflow(name, {
        workflowType: "EXPRESS",
        definition: fs.readFileSync(file, "utf8"),
        definitionSubstitutions: options.substitutions,
        syncEndpoint: { path: options.path, method: options.method, errorStatusCodes: options.errorStatusCodes },
      });
      return [workflow.stateMachineArn, workflow.endpointUrl];
    };
  return () => {
    // A TypeScript program is loaded with the program's own tsx, as `pulumi up` would compile it.
    if (file.endsWith(".ts")) {
      const api = require.resolve("tsx/cjs/api", { paths: [path.dirname(file), process.cwd()] });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require(api) as { register(): void }).register();
    }
    delete require.cache[file];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(file) as Record<string, unknown>;
    return Object.values(exported).filter(
      (value): value is pulumi.Output<unknown> => typeof (value as pulumi.Output<unknown>)?.apply === "function",
    );
  };
}

/** The inputs of everything but the state machines' definitions: equal means a definition-only change. */
function shape(derived: Derived[]): string {
  return JSON.stringify(
    derived.map((r) => ({
      type: r.type,
      name: r.name,
      inputs: r.type === "aws:sfn/stateMachine:StateMachine" ? { ...r.inputs, definition: undefined } : r.inputs,
    })),
  );
}

export class LocalServer {
  private generation!: Generation;
  private server!: http.Server;
  private watcher?: fs.FSWatcher;
  private reloading: Promise<void> = Promise.resolve();
  port = 0;

  constructor(private readonly options: ServeOptions) {}

  get routes(): Route[] {
    return this.generation.routes;
  }

  get engineEndpoint(): string {
    return this.generation.engine.endpoint;
  }

  private async deploy(): Promise<Generation> {
    const engine = await startLocalStack({ home: this.options.home });
    try {
      const derived = await derive(engine.endpoint, components(this.options));
      const deployment = await deployLocally(engine.endpoint, derived, (skipped) =>
        this.options.log(`not created locally: ${skipped.map((r) => `${r.name} (${r.type})`).join(", ")}`),
      );
      const found = routes(derived);
      if (!found.length) throw new Error(`${this.options.file} defines no sync endpoint (a Workflow with syncEndpoint, or a SyncEndpoint)`);
      return { engine, derived, deployment, routes: found };
    } catch (error) {
      await engine.stop();
      throw error;
    }
  }

  async start(): Promise<void> {
    // Problems in the file are reported before LocalStack takes its seconds to start.
    await derive("http://127.0.0.1:0", components(this.options));
    this.generation = await this.deploy();
    this.server = http.createServer((request, response) => void this.forward(request, response));
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as { port: number }).port;
    this.watcher = fs.watch(path.dirname(path.resolve(this.options.file)), (_event, name) => {
      if (name === path.basename(this.options.file)) this.scheduleReload();
    });
  }

  private timer?: NodeJS.Timeout;

  /** Editors write a file in several steps: reload once they are done. */
  private scheduleReload(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.reloading = this.reloading.then(() => this.reload());
    }, 200);
  }

  /** Redeploys from the file as it is now; on failure the previous version keeps serving. */
  async reload(): Promise<void> {
    const current = this.generation;
    try {
      const derived = await derive(current.engine.endpoint, components(this.options));
      if (shape(derived) === shape(current.derived)) {
        const aws = new LocalAws(current.engine.endpoint);
        for (const machine of derived.filter((r) => r.type === "aws:sfn/stateMachine:StateMachine")) {
          const definition = mapJson(String(machine.inputs.definition), current.deployment.mapping);
          await aws.sfn("UpdateStateMachine", { stateMachineArn: machine.state.arn, definition });
        }
        this.generation = { ...current, derived };
        this.options.log(`reloaded ${this.options.file}: definition updated`);
      } else {
        this.generation = await this.deploy();
        await current.engine.stop();
        this.options.log(`reloaded ${this.options.file}: redeployed into a fresh LocalStack`);
      }
    } catch (error) {
      this.options.log(`reload of ${this.options.file} failed, still serving the previous version:\n${(error as Error).message}`);
    }
  }

  /** Waits for a reload in progress (tests). */
  settled(): Promise<void> {
    return this.reloading;
  }

  private async forward(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    const route = this.generation.routes.find((r) => matches(r, url.pathname)) ?? this.generation.routes[0];
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        ([name, value]) => value !== undefined && !["host", "connection", "content-length"].includes(name),
      ),
    ) as Record<string, string>;
    try {
      const answer = await fetch(`${route.invokeUrl}${url.pathname}${url.search}`, {
        method: request.method,
        headers,
        body: ["GET", "HEAD"].includes(request.method ?? "GET") ? undefined : Buffer.concat(chunks),
      });
      const body = Buffer.from(await answer.arrayBuffer());
      response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
      response.end(body);
    } catch (error) {
      response.writeHead(502, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: `LocalStack did not answer: ${(error as Error).message}` }));
    }
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.watcher?.close();
    await this.reloading;
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await this.generation?.engine.stop();
  }
}
