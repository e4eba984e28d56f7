/** The routes of the REST APIs a deployment derived: method, path and the stage's invoke URL. */
import type { Derived } from "./derive";

export interface Route {
  method: string;
  /** `/quote`, `/orders/{id}` */
  path: string;
  /** The stage's base URL in LocalStack (`.../restapis/ID/STAGE/_user_request_`). */
  invokeUrl: string;
}

export function routes(derived: Derived[]): Route[] {
  const byId = new Map(derived.map((r) => [r.id, r]));
  const pathOf = (resourceId: string): string => {
    const resource = byId.get(resourceId);
    if (resource?.type !== "aws:apigateway/resource:Resource") return "";
    return `${pathOf(String(resource.inputs.parentId))}/${String(resource.inputs.pathPart)}`;
  };
  const stages = derived.filter((r) => r.type === "aws:apigateway/stage:Stage");
  return derived
    .filter((r) => r.type === "aws:apigateway/integration:Integration")
    .flatMap((integration) => {
      const stage = stages.find((s) => s.inputs.restApi === integration.inputs.restApi);
      if (!stage) return [];
      return [
        {
          method: String(integration.inputs.httpMethod),
          path: pathOf(String(integration.inputs.resourceId)) || "/",
          invokeUrl: String(stage.state.invokeUrl),
        },
      ];
    });
}

/** Whether a request path is the route's (`{name}` matches one segment). */
export function matches(route: Route, path: string): boolean {
  const pattern = route.path
    .split("/")
    .map((segment) => (/^\{[^}]+\}$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${pattern}/?$`).test(path);
}
