/** sfn-workflows: Pulumi components for AWS Step Functions, and the analysis they are built on. */
export { Workflow } from "./components/workflow";
export { CallbackQueue } from "./components/callbackQueue";
export { SyncEndpoint } from "./components/syncEndpoint/component";
export { InputError } from "./components/errors";
export type * from "./components/args";
export type * from "./components/syncEndpoint/args";
export { analyze } from "./analysis/analyze";
export type * from "./model/types";
export { OPTIMIZED_INTEGRATIONS } from "./integrations/table";
