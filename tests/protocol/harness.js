/**
 * What the Pulumi engine is to a provider plugin, for tests and the cold-start benchmark: it starts
 * `pulumi-resource-sfn-workflows` as the engine starts a plugin binary (engine address as the
 * argument, the port read from the first line of stdout), talks to it over gRPC with the stubs and
 * messages that ship in @pulumi/pulumi, and serves the two services a component provider calls
 * back: Engine (Log, GetRootResource, SetRootResource) and ResourceMonitor (SupportsFeature,
 * RegisterResource, RegisterResourceOutputs, Invoke). Every registration is recorded.
 *
 * Plain CommonJS so the benchmark runs it with node alone; harness.d.ts types it for the tests.
 */
const { spawn } = require("node:child_process");
const path = require("node:path");
const { setTimeout: delay, clearTimeout } = require("node:timers");
const grpc = require("@grpc/grpc-js");

const REPO = path.resolve(__dirname, "..", "..");
// SFN_WORKFLOWS_PLUGIN runs the tests against another build of the plugin (an unpacked release
// tarball: tests/dist).
const PLUGIN = process.env.SFN_WORKFLOWS_PLUGIN ?? path.join(REPO, "pulumi-resource-sfn-workflows");

// The generated stubs check messages with instanceof, so every message class comes from the same
// modules they load (google-protobuf resolved from @pulumi/pulumi's own directory).
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = (request) => require(require.resolve(request, { paths: [pulumiDir] }));
const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const providerProto = require("@pulumi/pulumi/proto/provider_pb");
const resourceRpc = require("@pulumi/pulumi/proto/resource_grpc_pb");
const resourceProto = require("@pulumi/pulumi/proto/resource_pb");
const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const engineProto = require("@pulumi/pulumi/proto/engine_pb");
const pluginProto = require("@pulumi/pulumi/proto/plugin_pb");
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const { Empty } = fromPulumi("google-protobuf/google/protobuf/empty_pb");

// The wire encodings of the Pulumi property model (sdk/go/common/resource/plugin/rpc.go).
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const secret = (value) => ({ [SIG]: SECRET_SIG, value });
/** An output value as an SDK with `outputValues` sends it: no `value` means unknown. */
const outputValue = ({ value, secret: isSecret, dependencies }) => ({
  [SIG]: OUTPUT_SIG,
  ...(value === undefined ? {} : { value }),
  ...(isSecret ? { secret: true } : {}),
  ...(dependencies && dependencies.length ? { dependencies } : {}),
});
const isSecretValue = (value) => typeof value === "object" && value !== null && value[SIG] === SECRET_SIG;
const isOutputValue = (value) => typeof value === "object" && value !== null && value[SIG] === OUTPUT_SIG;

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const PROJECT = "protocol";
const STACK = "test";
const STACK_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`;

/** The features a current engine's monitor reports. */
const FEATURES = new Set([
  "secrets",
  "resourceReferences",
  "outputValues",
  "deletedWith",
  "aliasSpecs",
  "transforms",
  "invokeTransforms",
  "parameterization",
]);

function urnOf(type, name, parent) {
  const parentType = parent ? parent.split("::")[2] : undefined;
  const qualified = !parentType || parentType === "pulumi:pulumi:Stack" ? type : `${parentType}$${type}`;
  return `urn:pulumi:${STACK}::${PROJECT}::${qualified}::${name}`;
}

/** Outputs shaped like AWS's (the same shapes as tests/support/mocks.ts). */
function awsState(type, name, inputs) {
  const physical = typeof inputs.name === "string" ? inputs.name : inputs.namePrefix ? `${inputs.namePrefix}abc123` : `${name}-abc123`;
  const arn = {
    "aws:sqs/queue:Queue": `arn:aws:sqs:${REGION}:${ACCOUNT}:${physical}`,
    "aws:sfn/stateMachine:StateMachine": `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${physical}`,
    "aws:iam/role:Role": `arn:aws:iam::${ACCOUNT}:role/${physical}`,
    "aws:iam/policy:Policy": `arn:aws:iam::${ACCOUNT}:policy/${physical}`,
    "aws:cloudwatch/logGroup:LogGroup": `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${physical}`,
    "aws:cloudwatch/metricAlarm:MetricAlarm": `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${physical}`,
  }[type];
  const extra = {
    "aws:sqs/queue:Queue": { url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${physical}` },
    "aws:apigateway/restApi:RestApi": {
      rootResourceId: `${name}-root`,
      executionArn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${name}-id`,
    },
    "aws:apigatewayv2/api:Api": {
      executionArn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${name}-id`,
      apiEndpoint: `https://${name}-id.execute-api.${REGION}.amazonaws.com`,
    },
    "aws:apigateway/stage:Stage": { invokeUrl: `https://${inputs.restApi}.execute-api.${REGION}.amazonaws.com/${inputs.stageName}` },
    "aws:apigatewayv2/stage:Stage": {
      invokeUrl: `https://${inputs.apiId}.execute-api.${REGION}.amazonaws.com/${inputs.name === "$default" ? "" : inputs.name}`,
    },
  }[type];
  return { ...inputs, name: physical, ...(arn ? { arn } : {}), ...(extra ?? {}) };
}

const toJs = (struct) => (struct ? struct.toJavaScript() : {});
const dependencyMap = (map) => {
  const result = {};
  map.forEach((deps, key) => (result[key] = deps.getUrnsList()));
  return result;
};

/**
 * The engine side: an Engine and a ResourceMonitor service on one loopback port. `dryRun` decides
 * what RegisterResource answers: a preview leaves every output the provider computes unknown.
 */
class FakeEngine {
  constructor() {
    this.server = new grpc.Server();
    this.dryRun = false;
    this.providerIds = new Map();
    this.reset();
    this.server.addService(engineRpc.EngineService, {
      log: (call, callback) => {
        const req = call.request;
        // Debug messages (severity 0: every RPC the SDK makes) are not kept.
        if (req.getSeverity() > 0) this.logs.push({ severity: req.getSeverity(), message: req.getMessage(), urn: req.getUrn() });
        callback(null, new Empty());
      },
      getRootResource: (_call, callback) => callback(null, new engineProto.GetRootResourceResponse().setUrn(this.root)),
      setRootResource: (call, callback) => {
        this.root = call.request.getUrn();
        callback(null, new engineProto.SetRootResourceResponse());
      },
    });
    this.server.addService(resourceRpc.ResourceMonitorService, {
      supportsFeature: (call, callback) => {
        callback(null, new resourceProto.SupportsFeatureResponse().setHassupport(FEATURES.has(call.request.getId())));
      },
      registerResource: (call, callback) => {
        try {
          callback(null, this.register(call.request));
        } catch (error) {
          callback(error);
        }
      },
      registerResourceOutputs: (call, callback) => {
        this.outputs.set(call.request.getUrn(), toJs(call.request.getOutputs()));
        callback(null, new Empty());
      },
      invoke: (call, callback) => {
        try {
          callback(null, this.invoke(call.request));
        } catch (error) {
          callback(error);
        }
      },
    });
  }

  /** Forgets what earlier constructs registered. */
  reset() {
    this.registrations = [];
    this.outputs = new Map();
    this.invokes = [];
    this.logs = [];
    this.root = STACK_URN;
  }

  async start() {
    const port = await new Promise((resolve, reject) =>
      this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    this.address = `127.0.0.1:${port}`;
    return this.address;
  }

  stop() {
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }

  register(req) {
    const type = req.getType();
    const name = req.getName();
    const parent = req.getParent();
    const custom = req.getCustom();
    const object = toJs(req.getObject());
    const urn = urnOf(type, name, parent);
    this.registrations.push({
      type,
      name,
      parent,
      custom,
      remote: req.getRemote(),
      urn,
      object,
      dependencies: req.getDependenciesList(),
      propertyDependencies: dependencyMap(req.getPropertydependenciesMap()),
      provider: req.getProvider(),
      version: req.getVersion(),
      additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
      sourceUri: req.getSourceposition()?.getUri(),
    });
    const resp = new resourceProto.RegisterResourceResponse().setUrn(urn);
    if (custom) {
      // A preview knows the inputs only; an update also returns the id and what AWS computes.
      resp.setId(this.dryRun ? "" : `${name}-id`);
      resp.setObject(Struct.fromJavaScript(this.dryRun ? object : awsState(type, name, object)));
    } else {
      resp.setObject(Struct.fromJavaScript({}));
    }
    return resp;
  }

  invoke(req) {
    const tok = req.getTok();
    const args = toJs(req.getArgs());
    this.invokes.push({ tok, args });
    const results = {
      "aws:index/getPartition:getPartition": { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" },
      "aws:index/getRegion:getRegion": { region: REGION, name: REGION, id: REGION },
      "aws:index/getCallerIdentity:getCallerIdentity": {
        accountId: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:user/test`,
        userId: "test",
        id: ACCOUNT,
      },
    };
    let result = results[tok];
    if (tok === "pulumi:pulumi:getResource") {
      // A provider reference rehydrated from its URN (`providers` of a Construct).
      const id = this.providerIds.get(args.urn);
      if (id === undefined) throw new Error(`fake monitor: no provider ${args.urn} was passed to a Construct`);
      result = { urn: args.urn, id, state: {} };
    }
    if (!result) throw new Error(`fake monitor: no answer for invoke ${tok}`);
    return new resourceProto.ResourceInvokeResponse().setReturn(Struct.fromJavaScript(result));
  }

  /** The ConstructRequest an engine sends for a remote component registered by an SDK. */
  constructRequest({ type, name, inputs, inputDependencies = {}, providers = {}, dependencies = [], dryRun = this.dryRun, config = {} }) {
    const req = new providerProto.ConstructRequest()
      .setProject(PROJECT)
      .setStack(STACK)
      .setOrganization("organization")
      .setDryrun(dryRun)
      .setParallel(48)
      .setMonitorendpoint(this.address)
      .setType(type)
      .setName(name)
      .setParent(STACK_URN)
      .setInputs(Struct.fromJavaScript(inputs))
      .setDependenciesList(dependencies)
      .setAcceptsOutputValues(true);
    for (const [key, value] of Object.entries({ "aws:region": REGION, ...config })) req.getConfigMap().set(key, value);
    for (const [key, urns] of Object.entries(inputDependencies)) {
      req.getInputdependenciesMap().set(key, new providerProto.ConstructRequest.PropertyDependencies().setUrnsList(urns));
    }
    for (const [pkg, ref] of Object.entries(providers)) {
      req.getProvidersMap().set(pkg, ref);
      // A provider reference is `URN::ID`; the engine knows the id of a provider it has registered.
      const split = ref.lastIndexOf("::");
      this.providerIds.set(ref.slice(0, split), ref.slice(split + 2));
    }
    return req;
  }
}

/** Calls a unary method; resolves to the response or rejects with the gRPC error. */
function unary(client, method, request) {
  return new Promise((resolve, reject) => client[method](request, (err, resp) => (err ? reject(err) : resolve(resp))));
}

/**
 * Starts the plugin as the engine does and connects a ResourceProvider client. `stderr` collects
 * what the plugin writes there; `exited` resolves with its exit code.
 */
async function startPlugin(engineAddress, { timeoutMs = 30_000, plugin = PLUGIN, env } = {}) {
  const child = spawn(plugin, [engineAddress], { stdio: ["ignore", "pipe", "pipe"], env: env ? { ...process.env, ...env } : process.env });
  const handle = { child, stderr: "", port: 0, client: undefined };
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => (handle.stderr += chunk));
  handle.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
  let stdout = "";
  child.stdout.setEncoding("utf8");
  handle.port = await new Promise((resolve, reject) => {
    const timer = delay(() => reject(new Error(`the plugin printed no port within ${timeoutMs} ms; stderr:\n${handle.stderr}`)), timeoutMs);
    const onData = (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf("\n");
      if (newline < 0) return;
      clearTimeout(timer);
      child.stdout.off("data", onData);
      const line = stdout.slice(0, newline).trim();
      if (/^\d+$/.test(line)) resolve(Number(line));
      else reject(new Error(`the plugin's first line is not a port: ${JSON.stringify(line)}; stderr:\n${handle.stderr}`));
    };
    child.stdout.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the plugin exited (${code}) before printing its port; stderr:\n${handle.stderr}`));
    });
  });
  // Anything printed later (the SDK writes nothing else to stdout) is kept with stderr.
  child.stdout.on("data", (chunk) => (handle.stderr += chunk));
  handle.client = new providerRpc.ResourceProviderClient(`127.0.0.1:${handle.port}`, grpc.credentials.createInsecure());
  handle.call = (method, request) => unary(handle.client, method, request);
  handle.stop = async () => {
    handle.client.close();
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await handle.exited;
  };
  return handle;
}

module.exports = {
  REPO,
  PLUGIN,
  SIG,
  SECRET_SIG,
  RESOURCE_SIG,
  OUTPUT_SIG,
  UNKNOWN,
  ACCOUNT,
  REGION,
  PROJECT,
  STACK,
  STACK_URN,
  secret,
  outputValue,
  isSecretValue,
  isOutputValue,
  urnOf,
  FakeEngine,
  startPlugin,
  unary,
  proto: { providerProto, resourceProto, engineProto, pluginProto, Struct, Empty },
};
