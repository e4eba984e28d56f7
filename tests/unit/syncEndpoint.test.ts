import { strict as assert } from "node:assert";
import { ACCOUNT, capture, one, ofType, registered, REGION, valueOf, type Registered } from "../support/mocks";
import { captureWarnings } from "../support/logs";
import { approvalDefinition, quoteDefinition } from "../support/definitions";
import { InputError, SyncEndpoint, Workflow, type SyncEndpointArgs } from "../../provider/src";
import { requestTemplate } from "../../provider/src/components/syncEndpoint/requestTemplate";
import { responseTemplate } from "../../provider/src/components/syncEndpoint/responseTemplate";
import { ANY_JSON_SCHEMA } from "../../provider/src/components/syncEndpoint/rest";
import { endpointSettings } from "../../provider/src/components/syncEndpoint/settings";

const MACHINE = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:quote`;
const POOL = `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${REGION}_abc`;
const json = (resource: Registered, key: string) => JSON.parse(resource.inputs[key] as string);
const graph = (resources: Registered[]) => resources.map((r) => `${r.type} ${r.name}`).sort();

async function build(name: string, args: SyncEndpointArgs) {
  let endpoint!: SyncEndpoint;
  const { result: resources, warnings } = await captureWarnings(() =>
    capture(() => {
      endpoint = new SyncEndpoint(name, args);
      return [endpoint.url, endpoint.apiKeyId];
    }),
  );
  return { endpoint, resources, warnings };
}

describe("SyncEndpoint under mocks", () => {
  describe("REST (the default)", () => {
    let built: Awaited<ReturnType<typeof build>>;
    before(async () => {
      built = await build("orders-api", { stateMachineArn: MACHINE, path: "/quotes/{sku}", errorStatusCodes: { NotFound: 404 } });
    });

    it("registers exactly the route, its integration, validation, role, deployment and stage", () => {
      assert.deepEqual(graph(built.resources), [
        "aws:apigateway/deployment:Deployment orders-api",
        "aws:apigateway/integration:Integration orders-api",
        "aws:apigateway/integrationResponse:IntegrationResponse orders-api",
        "aws:apigateway/method:Method orders-api",
        "aws:apigateway/methodResponse:MethodResponse orders-api-200",
        "aws:apigateway/methodResponse:MethodResponse orders-api-400",
        "aws:apigateway/methodResponse:MethodResponse orders-api-404",
        "aws:apigateway/methodResponse:MethodResponse orders-api-429",
        "aws:apigateway/methodResponse:MethodResponse orders-api-500",
        "aws:apigateway/methodResponse:MethodResponse orders-api-502",
        "aws:apigateway/methodResponse:MethodResponse orders-api-504",
        "aws:apigateway/model:Model orders-api-json",
        "aws:apigateway/requestValidator:RequestValidator orders-api-body",
        "aws:apigateway/resource:Resource orders-api-path-1",
        "aws:apigateway/resource:Resource orders-api-path-2",
        "aws:apigateway/response:Response orders-api-bad-request-body",
        "aws:apigateway/restApi:RestApi orders-api",
        "aws:apigateway/stage:Stage orders-api",
        "aws:iam/role:Role orders-api-role",
        "aws:iam/rolePolicy:RolePolicy orders-api-role",
        "sfn-workflows:index:SyncEndpoint orders-api",
      ]);
      assert.deepEqual(built.warnings, []);
    });

    it("builds the path one resource per segment and hangs the POST method on the last", () => {
      const first = one(built.resources, "aws:apigateway/resource:Resource", "orders-api-path-1").inputs;
      const second = one(built.resources, "aws:apigateway/resource:Resource", "orders-api-path-2").inputs;
      assert.deepEqual([first.restApi, first.parentId, first.pathPart], ["orders-api-id", "orders-api-root", "quotes"]);
      assert.deepEqual([second.parentId, second.pathPart], ["orders-api-path-1-id", "{sku}"]);
      const method = one(built.resources, "aws:apigateway/method:Method").inputs;
      assert.deepEqual([method.resourceId, method.httpMethod], ["orders-api-path-2-id", "POST"]);
      assert.deepEqual(one(built.resources, "aws:apigateway/restApi:RestApi").inputs.endpointConfiguration, { types: "REGIONAL" });
    });

    it("requires signed requests by default (AWS_IAM) and validates the body as JSON before the integration", () => {
      const method = one(built.resources, "aws:apigateway/method:Method").inputs;
      assert.equal(method.authorization, "AWS_IAM");
      assert.equal(method.apiKeyRequired, false);
      assert.equal(method.authorizerId, undefined);
      assert.equal(method.requestValidatorId, "orders-api-body-id");
      assert.deepEqual(method.requestModels, { "application/json": "AnyJson" });
      const validator = one(built.resources, "aws:apigateway/requestValidator:RequestValidator").inputs;
      assert.equal(validator.validateRequestBody, true);
      const model = one(built.resources, "aws:apigateway/model:Model").inputs;
      assert.deepEqual([model.contentType, JSON.parse(model.schema as string)], ["application/json", ANY_JSON_SCHEMA]);
      const badBody = one(built.resources, "aws:apigateway/response:Response").inputs;
      assert.deepEqual(
        [badBody.responseType, badBody.statusCode, badBody.responseTemplates],
        ["BAD_REQUEST_BODY", "400", { "application/json": '{"error":"BadRequestBody","cause":$context.error.messageString}' }],
      );
    });

    it("integrates with StartSyncExecution through the role, with the generated request template and no passthrough", () => {
      const integration = one(built.resources, "aws:apigateway/integration:Integration").inputs;
      const { settings } = endpointSettings({ path: "/quotes/{sku}" });
      assert.deepEqual(
        [
          integration.type,
          integration.integrationHttpMethod,
          integration.uri,
          integration.credentials,
          integration.passthroughBehavior,
          integration.timeoutMilliseconds,
        ],
        [
          "AWS",
          "POST",
          `arn:aws:apigateway:${REGION}:states:action/StartSyncExecution`,
          `arn:aws:iam::${ACCOUNT}:role/orders-api-role-abc123`,
          "NEVER",
          29000,
        ],
      );
      assert.deepEqual(integration.requestTemplates, {
        "application/json": requestTemplate(MACHINE, settings.request, settings.pathParameters),
      });
    });

    it("maps every response through one default integration response whose template sets the status", () => {
      const response = one(built.resources, "aws:apigateway/integrationResponse:IntegrationResponse").inputs;
      const { settings } = endpointSettings({ errorStatusCodes: { NotFound: 404 } });
      assert.deepEqual([response.statusCode, response.selectionPattern], ["200", undefined]);
      assert.deepEqual(response.responseTemplates, { "application/json": responseTemplate(settings) });
      assert.match(response.responseTemplates && (response.responseTemplates as Record<string, string>)["application/json"], /NotFound/);
    });

    it("trusts API Gateway for this API only and allows exactly StartSyncExecution on the machine", () => {
      const role = one(built.resources, "aws:iam/role:Role");
      assert.deepEqual(json(role, "assumeRolePolicy"), {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: "apigateway.amazonaws.com" },
            Action: ["sts:AssumeRole"],
            Condition: { ArnLikeIfExists: { "aws:SourceArn": `arn:aws:execute-api:${REGION}:${ACCOUNT}:orders-api-id/*` } },
          },
        ],
      });
      const policy = one(built.resources, "aws:iam/rolePolicy:RolePolicy");
      assert.equal(policy.inputs.role, "orders-api-role-id");
      assert.deepEqual(json(policy, "policy"), {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["states:StartSyncExecution"], Resource: [MACHINE] }],
      });
    });

    it("deploys to the api stage with a trigger, and resolves every output", async () => {
      const deployment = one(built.resources, "aws:apigateway/deployment:Deployment").inputs;
      assert.match((deployment.triggers as Record<string, string>).configuration, /^[0-9a-f]{64}$/);
      const stage = one(built.resources, "aws:apigateway/stage:Stage").inputs;
      assert.deepEqual(
        [stage.restApi, stage.deployment, stage.stageName, stage.xrayTracingEnabled, stage.accessLogSettings],
        ["orders-api-id", "orders-api-id", "api", false, undefined],
      );
      const { endpoint } = built;
      assert.equal(await valueOf(endpoint.url), `https://orders-api-id.execute-api.${REGION}.amazonaws.com/api/quotes/{sku}`);
      assert.equal(await valueOf(endpoint.apiId), "orders-api-id");
      assert.equal(await valueOf(endpoint.stageName), "api");
      assert.equal(await valueOf(endpoint.roleArn), `arn:aws:iam::${ACCOUNT}:role/orders-api-role-abc123`);
      assert.equal(await valueOf(endpoint.apiKeyId), undefined);
    });
  });

  describe("redeployment", () => {
    const trigger = async (args: SyncEndpointArgs) =>
      (one((await build("redeploy", args)).resources, "aws:apigateway/deployment:Deployment").inputs.triggers as Record<string, string>)
        .configuration;

    it("changes when the route or the templates change, not for stage settings", async () => {
      const base = await trigger({ stateMachineArn: MACHINE });
      assert.equal(await trigger({ stateMachineArn: MACHINE }), base);
      assert.equal(await trigger({ stateMachineArn: MACHINE, throttle: { rateLimit: 5, burstLimit: 10 }, tracing: true }), base);
      for (const change of [
        { errorStatusCodes: { NotFound: 404 } },
        { path: "/other" },
        { method: "PUT" as const },
        { request: { headers: true } },
        { stateMachineArn: `${MACHINE}-v2` },
        { authorization: "NONE" as const },
      ]) {
        assert.notEqual(await trigger({ stateMachineArn: MACHINE, ...change }), base, JSON.stringify(change));
      }
    });

    it("HTTP: changes with the route and the machine", async () => {
      const http = async (args: Partial<SyncEndpointArgs>) =>
        (
          one(
            (await build("redeploy-http", { stateMachineArn: MACHINE, apiType: "HTTP", ...args })).resources,
            "aws:apigatewayv2/deployment:Deployment",
          ).inputs.triggers as Record<string, string>
        ).configuration;
      const base = await http({});
      assert.equal(await http({ throttle: { rateLimit: 1, burstLimit: 1 } }), base);
      assert.notEqual(await http({ path: "/x" }), base);
      assert.notEqual(await http({ stateMachineArn: `${MACHINE}-v2` }), base);
    });
  });

  describe("HTTP API", () => {
    it("registers an AWS_PROXY StartSyncExecution integration behind an IAM-authorized route", async () => {
      const { endpoint, resources, warnings } = await build("quotes-http", {
        stateMachineArn: MACHINE,
        apiType: "HTTP",
        path: "/quotes/{sku}",
        method: "PUT",
      });
      assert.deepEqual(graph(resources), [
        "aws:apigatewayv2/api:Api quotes-http",
        "aws:apigatewayv2/deployment:Deployment quotes-http",
        "aws:apigatewayv2/integration:Integration quotes-http",
        "aws:apigatewayv2/route:Route quotes-http",
        "aws:apigatewayv2/stage:Stage quotes-http",
        "aws:iam/role:Role quotes-http-role",
        "aws:iam/rolePolicy:RolePolicy quotes-http-role",
        "sfn-workflows:index:SyncEndpoint quotes-http",
      ]);
      assert.deepEqual(warnings, []);
      assert.equal(one(resources, "aws:apigatewayv2/api:Api").inputs.protocolType, "HTTP");
      const integration = one(resources, "aws:apigatewayv2/integration:Integration").inputs;
      assert.deepEqual(
        [
          integration.integrationType,
          integration.integrationSubtype,
          integration.payloadFormatVersion,
          integration.credentialsArn,
          integration.timeoutMilliseconds,
        ],
        ["AWS_PROXY", "StepFunctions-StartSyncExecution", "1.0", `arn:aws:iam::${ACCOUNT}:role/quotes-http-role-abc123`, 30000],
      );
      assert.deepEqual(integration.requestParameters, { StateMachineArn: MACHINE, Input: "$request.body" });
      const route = one(resources, "aws:apigatewayv2/route:Route").inputs;
      assert.deepEqual(
        [route.routeKey, route.target, route.authorizationType, route.authorizerId],
        ["PUT /quotes/{sku}", "integrations/quotes-http-id", "AWS_IAM", undefined],
      );
      const stage = one(resources, "aws:apigatewayv2/stage:Stage").inputs;
      assert.deepEqual([stage.name, stage.deploymentId, stage.defaultRouteSettings], ["api", "quotes-http-id", undefined]);
      assert.deepEqual(json(one(resources, "aws:iam/rolePolicy:RolePolicy"), "policy").Statement, [
        { Effect: "Allow", Action: ["states:StartSyncExecution"], Resource: [MACHINE] },
      ]);
      assert.equal(
        json(one(resources, "aws:iam/role:Role"), "assumeRolePolicy").Statement[0].Condition.ArnLikeIfExists["aws:SourceArn"],
        `arn:aws:execute-api:${REGION}:${ACCOUNT}:quotes-http-id/*`,
      );
      assert.equal(await valueOf(endpoint.url), `https://quotes-http-id.execute-api.${REGION}.amazonaws.com/api/quotes/{sku}`);
      assert.equal(await valueOf(endpoint.stageName), "api");
    });

    it("warns on the endpoint that response mapping, request parts and tracing cannot be honoured", async () => {
      const { endpoint, warnings } = await build("http-limits", {
        stateMachineArn: MACHINE,
        apiType: "HTTP",
        errorStatusCodes: { NotFound: 404 },
        timedOutStatusCode: 408,
        request: { headers: true },
        tracing: true,
      });
      assert.deepEqual(
        warnings.map((w) => w.message.split(":")[0]),
        ["[http-api-response-unmapped] errorStatusCodes", "[http-api-request-unmapped] request", "[http-api-no-tracing] tracing"],
      );
      assert.match(warnings[0].message, /errorStatusCodes, timedOutStatusCode cannot be honoured: callers get HTTP 200/);
      assert.ok(warnings.every((w) => w.resource === endpoint));
    });

    it("JWT authorization, CORS, throttling, access logs and $default stage", async () => {
      const { endpoint, resources } = await build("http-options", {
        stateMachineArn: MACHINE,
        apiType: "HTTP",
        authorization: "JWT",
        jwt: { issuer: "https://issuer.example.com", audience: ["client-1"] },
        authorizationScopes: ["quotes/write"],
        cors: { allowOrigins: ["https://a.example.com", "https://b.example.com"], maxAgeSeconds: 600 },
        throttle: { rateLimit: 50, burstLimit: 100 },
        accessLogs: { retentionInDays: 7 },
        stageName: "$default",
        tags: { team: "pricing" },
      });
      const authorizer = one(resources, "aws:apigatewayv2/authorizer:Authorizer").inputs;
      assert.deepEqual(
        [authorizer.authorizerType, authorizer.identitySources, authorizer.jwtConfiguration],
        ["JWT", ["$request.header.Authorization"], { issuer: "https://issuer.example.com", audiences: ["client-1"] }],
      );
      const route = one(resources, "aws:apigatewayv2/route:Route").inputs;
      assert.deepEqual(
        [route.authorizationType, route.authorizerId, route.authorizationScopes],
        ["JWT", "http-options-jwt-id", ["quotes/write"]],
      );
      const api = one(resources, "aws:apigatewayv2/api:Api").inputs;
      assert.deepEqual(api.corsConfiguration, {
        allowOrigins: ["https://a.example.com", "https://b.example.com"],
        allowHeaders: ["Content-Type", "Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Api-Key"],
        allowMethods: ["POST", "OPTIONS"],
        maxAge: 600,
        allowCredentials: false,
      });
      assert.deepEqual(api.tags, { team: "pricing" });
      const stage = one(resources, "aws:apigatewayv2/stage:Stage").inputs;
      assert.deepEqual(stage.defaultRouteSettings, { throttlingRateLimit: 50, throttlingBurstLimit: 100 });
      const logs = one(resources, "aws:cloudwatch/logGroup:LogGroup").inputs;
      assert.deepEqual([logs.namePrefix, logs.retentionInDays], ["/aws/apigateway/http-options-", 7]);
      const accessLogs = stage.accessLogSettings as { destinationArn: string; format: string };
      assert.equal(accessLogs.destinationArn, `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/apigateway/http-options-abc123`);
      assert.equal(JSON.parse(accessLogs.format).routeKey, "$context.routeKey");
      assert.equal(await valueOf(endpoint.url), `https://http-options-id.execute-api.${REGION}.amazonaws.com/`);
    });
  });

  describe("REST options", () => {
    it("COGNITO: a user-pool authorizer with scopes", async () => {
      const { resources } = await build("cognito", {
        stateMachineArn: MACHINE,
        authorization: "COGNITO",
        cognitoUserPoolArns: [POOL],
        authorizationScopes: ["quotes/write"],
        request: { authorizerClaims: ["sub"] },
      });
      const authorizer = one(resources, "aws:apigateway/authorizer:Authorizer").inputs;
      assert.deepEqual(
        [authorizer.type, authorizer.providerArns, authorizer.identitySource],
        ["COGNITO_USER_POOLS", [POOL], "method.request.header.Authorization"],
      );
      const method = one(resources, "aws:apigateway/method:Method").inputs;
      assert.deepEqual(
        [method.authorization, method.authorizerId, method.authorizationScopes],
        ["COGNITO_USER_POOLS", "cognito-cognito-id", ["quotes/write"]],
      );
    });

    it("API_KEY: the method needs a key, tied to the stage by a usage plan that carries the throttle", async () => {
      const { endpoint, resources } = await build("keyed", {
        stateMachineArn: MACHINE,
        authorization: "API_KEY",
        throttle: { rateLimit: 10, burstLimit: 20 },
      });
      const method = one(resources, "aws:apigateway/method:Method").inputs;
      assert.deepEqual([method.authorization, method.apiKeyRequired], ["NONE", true]);
      const plan = one(resources, "aws:apigateway/usagePlan:UsagePlan").inputs;
      assert.deepEqual(plan.apiStages, [{ apiId: "keyed-id", stage: "api" }]);
      assert.deepEqual(plan.throttleSettings, { rateLimit: 10, burstLimit: 20 });
      assert.equal(one(resources, "aws:apigateway/apiKey:ApiKey").inputs.enabled, true);
      const planKey = one(resources, "aws:apigateway/usagePlanKey:UsagePlanKey").inputs;
      assert.deepEqual([planKey.usagePlanId, planKey.keyId, planKey.keyType], ["keyed-id", "keyed-id", "API_KEY"]);
      assert.equal(await valueOf(endpoint.apiKeyId), "keyed-id");
      const settings = one(resources, "aws:apigateway/methodSettings:MethodSettings").inputs;
      assert.deepEqual(
        [settings.methodPath, settings.stageName, settings.settings],
        ["*/*", "api", { throttlingRateLimit: 10, throttlingBurstLimit: 20 }],
      );
    });

    it("NONE is an explicit opt-in", async () => {
      const { resources } = await build("open", { stateMachineArn: MACHINE, authorization: "NONE", method: "GET" });
      const method = one(resources, "aws:apigateway/method:Method").inputs;
      assert.deepEqual([method.authorization, method.apiKeyRequired, method.httpMethod], ["NONE", false, "GET"]);
    });

    it("CORS: a MOCK preflight without authorization, the origin on every response, gateway errors included", async () => {
      const { resources } = await build("browser", {
        stateMachineArn: MACHINE,
        cors: { allowOrigins: ["https://app.example.com"], allowHeaders: ["Content-Type"], maxAgeSeconds: 300, allowCredentials: true },
      });
      const options = one(resources, "aws:apigateway/method:Method", "browser-options").inputs;
      assert.deepEqual([options.httpMethod, options.authorization], ["OPTIONS", "NONE"]);
      assert.equal(one(resources, "aws:apigateway/integration:Integration", "browser-options").inputs.type, "MOCK");
      assert.deepEqual(
        one(resources, "aws:apigateway/integrationResponse:IntegrationResponse", "browser-options").inputs.responseParameters,
        {
          "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'",
          "method.response.header.Access-Control-Allow-Credentials": "'true'",
          "method.response.header.Access-Control-Allow-Methods": "'POST,OPTIONS'",
          "method.response.header.Access-Control-Allow-Headers": "'Content-Type'",
          "method.response.header.Access-Control-Max-Age": "'300'",
        },
      );
      assert.deepEqual(one(resources, "aws:apigateway/integrationResponse:IntegrationResponse", "browser").inputs.responseParameters, {
        "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'",
        "method.response.header.Access-Control-Allow-Credentials": "'true'",
      });
      for (const response of ofType(resources, "aws:apigateway/methodResponse:MethodResponse").filter((r) => r.name !== "browser-options"))
        assert.equal(
          (response.inputs.responseParameters as Record<string, boolean>)["method.response.header.Access-Control-Allow-Origin"],
          true,
        );
      const gateway = ofType(resources, "aws:apigateway/response:Response");
      assert.deepEqual(gateway.map((r) => r.inputs.responseType).sort(), ["BAD_REQUEST_BODY", "DEFAULT_4XX", "DEFAULT_5XX"]);
      for (const response of gateway)
        assert.equal(
          (response.inputs.responseParameters as Record<string, string>)["gatewayresponse.header.Access-Control-Allow-Origin"],
          "'https://app.example.com'",
        );
    });

    it("access logs, tracing, a stage name and tags", async () => {
      const { endpoint, resources } = await build("observed", {
        stateMachineArn: MACHINE,
        accessLogs: true,
        tracing: true,
        stageName: "v1",
        tags: { team: "pricing" },
      });
      const stage = one(resources, "aws:apigateway/stage:Stage").inputs;
      assert.deepEqual([stage.stageName, stage.xrayTracingEnabled, stage.tags], ["v1", true, { team: "pricing" }]);
      const logs = one(resources, "aws:cloudwatch/logGroup:LogGroup").inputs;
      assert.deepEqual([logs.retentionInDays, logs.tags], [30, { team: "pricing" }]);
      const format = JSON.parse((stage.accessLogSettings as { format: string }).format);
      assert.deepEqual(
        [format.requestId, format.resourcePath, format.status],
        ["$context.requestId", "$context.resourcePath", "$context.status"],
      );
      for (const type of ["aws:apigateway/restApi:RestApi", "aws:iam/role:Role"])
        assert.deepEqual(one(resources, type).inputs.tags, { team: "pricing" });
      assert.equal(await valueOf(endpoint.url), `https://observed-id.execute-api.${REGION}.amazonaws.com/v1/`);
    });
  });

  describe("bad input", () => {
    const rejects = (args: SyncEndpointArgs, expected: string[]) => {
      const before = registered.length;
      assert.throws(
        () => new SyncEndpoint("bad", args),
        (error: unknown) => {
          assert.ok(error instanceof InputError);
          assert.equal(error.resourceType, "sfn-workflows:index:SyncEndpoint");
          assert.deepEqual(
            error.problems.map((p) => p.input),
            expected,
          );
          return true;
        },
      );
      assert.equal(registered.length, before, "nothing is registered");
    };

    it("lists every problem at once and registers nothing", () => {
      rejects(
        {
          stateMachineArn: "arn:aws:lambda:us-east-1:123456789012:function:quote",
          apiType: "SOAP" as "REST",
          method: "TRACE" as "GET",
          path: "quotes/",
          authorization: "MAGIC" as "IAM",
          errorStatusCodes: { NotFound: 99, "Bad*Name": 400, "*": 500, "It's": 400 },
          failedStatusCode: 600,
          timedOutStatusCode: 504.5,
          stageName: "has space",
        },
        [
          "stateMachineArn",
          "apiType",
          "method",
          "authorization",
          "timedOutStatusCode",
          "path",
          "errorStatusCodes.NotFound",
          "errorStatusCodes.Bad*Name",
          "errorStatusCodes.*",
          "errorStatusCodes.It's",
          "failedStatusCode",
          "stageName",
        ],
      );
    });

    it("rejects bad paths", () => {
      for (const path of ["", "/a//b", "/a/", "/a b", "/{proxy+}/x", "/{a}/{a}", "/{1bad}"])
        rejects({ stateMachineArn: MACHINE, path }, ["path"]);
    });

    it("rejects authorization the API type cannot do, and authorizers without their settings", () => {
      rejects({ stateMachineArn: MACHINE, authorization: "JWT" }, ["jwt", "authorization"]);
      rejects({ stateMachineArn: MACHINE, authorization: "COGNITO" }, ["cognitoUserPoolArns"]);
      rejects({ stateMachineArn: MACHINE, apiType: "HTTP", authorization: "COGNITO", cognitoUserPoolArns: [POOL] }, ["authorization"]);
      rejects({ stateMachineArn: MACHINE, apiType: "HTTP", authorization: "API_KEY" }, ["authorization"]);
      rejects({ stateMachineArn: MACHINE, apiType: "HTTP", authorization: "JWT", jwt: { issuer: "https://i", audience: [] } }, ["jwt"]);
      rejects({ stateMachineArn: MACHINE, authorizationScopes: ["a"], request: { authorizerClaims: ["sub"] } }, [
        "authorizationScopes",
        "request.authorizerClaims",
      ]);
    });

    it("rejects bad request parts, CORS, throttle and log settings", () => {
      rejects(
        {
          stateMachineArn: MACHINE,
          request: { headers: ["X-'Quote"], context: ["password" as "requestId"] },
          cors: { allowOrigins: ["https://a.example.com", "https://b.example.com"] },
          throttle: { rateLimit: 0, burstLimit: -1 },
          accessLogs: { retentionInDays: 8 },
        },
        [
          "request.context[0]",
          "request.headers",
          "cors.allowOrigins",
          "throttle.rateLimit",
          "throttle.burstLimit",
          "accessLogs.retentionInDays",
        ],
      );
      rejects({ stateMachineArn: MACHINE, cors: { allowOrigins: ["*"], allowCredentials: true } }, ["cors.allowCredentials"]);
      rejects({ stateMachineArn: undefined as unknown as string }, ["stateMachineArn"]);
    });
  });

  describe("Workflow with syncEndpoint", () => {
    it("puts a SyncEndpoint in front of the EXPRESS machine and exports its URL", async () => {
      let workflow!: Workflow;
      const { result: resources, warnings } = await captureWarnings(() =>
        capture(() => {
          workflow = new Workflow("quote", {
            workflowType: "EXPRESS",
            definition: quoteDefinition(),
            definitionSubstitutions: { QuotesTable: "quotes" },
            syncEndpoint: { path: "/quotes/{sku}", errorStatusCodes: { "Validation.*": 400, NotFound: 404 } },
            tags: { team: "pricing" },
          });
          return [workflow.endpointUrl, workflow.stateMachineArn];
        }),
      );
      const endpoint = one(resources, "sfn-workflows:index:SyncEndpoint");
      assert.equal(endpoint.name, "quote-endpoint");
      const machineArn = await valueOf(workflow.stateMachineArn);
      assert.deepEqual(json(one(resources, "aws:iam/rolePolicy:RolePolicy", "quote-endpoint-role"), "policy").Statement, [
        { Effect: "Allow", Action: ["states:StartSyncExecution"], Resource: [machineArn] },
      ]);
      const template = (one(resources, "aws:apigateway/integration:Integration").inputs.requestTemplates as Record<string, string>)[
        "application/json"
      ];
      assert.ok(template.includes(`#set($machine = '${machineArn}')`));
      assert.equal(one(resources, "aws:apigateway/method:Method").inputs.authorization, "AWS_IAM");
      assert.deepEqual(one(resources, "aws:apigateway/restApi:RestApi").inputs.tags, { team: "pricing" });
      assert.equal(await valueOf(workflow.endpointUrl), `https://quote-endpoint-id.execute-api.${REGION}.amazonaws.com/api/quotes/{sku}`);
      // TimeoutSeconds 20 fits in API Gateway's 29 s.
      assert.deepEqual(
        warnings.filter((w) => w.message.includes("sync-endpoint")),
        [],
      );
    });

    it("has no endpoint and an undefined endpointUrl without syncEndpoint", async () => {
      let workflow!: Workflow;
      const resources = await capture(() => {
        workflow = new Workflow("plain", {
          workflowType: "EXPRESS",
          definition: quoteDefinition(),
          definitionSubstitutions: { QuotesTable: "q" },
        });
        return workflow.stateMachineArn;
      });
      assert.deepEqual(ofType(resources, "sfn-workflows:index:SyncEndpoint"), []);
      assert.equal(await valueOf(workflow.endpointUrl), undefined);
    });

    it("rejects a STANDARD workflow with syncEndpoint in the same error as every other problem, registering nothing", () => {
      const before = registered.length;
      assert.throws(
        () =>
          new Workflow("standard", {
            definition: approvalDefinition(),
            callbacks: { reviewers: {} },
            stateMachineName: "bad name!",
            syncEndpoint: { path: "no-slash", errorStatusCodes: { NotFound: 1000 } },
          }),
        (error: unknown) => {
          assert.ok(error instanceof InputError);
          assert.equal(error.resourceType, "sfn-workflows:index:Workflow");
          assert.deepEqual(
            error.problems.map((p) => [p.rule, p.input]),
            [
              ["bad-name", "stateMachineName"],
              ["invalid-option", "syncEndpoint.path"],
              ["invalid-option", "syncEndpoint.errorStatusCodes.NotFound"],
              ["sync-endpoint-needs-express", "syncEndpoint"],
            ],
          );
          assert.match(error.message, /StartSyncExecution runs EXPRESS workflows only/);
          return true;
        },
      );
      assert.equal(registered.length, before);
    });

    describe("warns when executions may outlast the integration timeout (callers see 504)", () => {
      const timeoutWarnings = async (definitionTimeout: number | undefined, apiType: "REST" | "HTTP") => {
        const definition = quoteDefinition();
        if (definitionTimeout === undefined) delete definition.TimeoutSeconds;
        else definition.TimeoutSeconds = definitionTimeout;
        let workflow!: Workflow;
        const { warnings } = await captureWarnings(() =>
          capture(() => {
            workflow = new Workflow(`timeout-${apiType}-${definitionTimeout}`, {
              workflowType: "EXPRESS",
              definition,
              definitionSubstitutions: { QuotesTable: "q" },
              syncEndpoint: { apiType },
            });
            return workflow.endpointUrl;
          }),
        );
        return warnings
          .filter((w) => w.message.startsWith("[sync-endpoint-timeout]"))
          .map((w) => ({ message: w.message, onWorkflow: w.resource === workflow }));
      };

      it("no top-level TimeoutSeconds", async () => {
        const warnings = await timeoutWarnings(undefined, "REST");
        assert.equal(warnings.length, 1);
        assert.ok(warnings[0].onWorkflow);
        assert.match(
          warnings[0].message,
          /no top-level TimeoutSeconds, so an execution may run 300 s but a REST API waits 29 s for the integration: slower executions answer callers 504/,
        );
      });
      it("TimeoutSeconds above 29 s on REST, above 30 s on HTTP", async () => {
        assert.equal((await timeoutWarnings(30, "REST")).length, 1);
        assert.equal((await timeoutWarnings(30, "HTTP")).length, 0);
        assert.match((await timeoutWarnings(31, "HTTP"))[0].message, /TimeoutSeconds is 31 but a HTTP API waits 30 s/);
        assert.equal((await timeoutWarnings(29, "REST")).length, 0);
      });
    });
  });
});
