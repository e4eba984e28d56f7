/** Every optimized integration, one realistic case each. */
import { COMPUTE_CASES } from "./compute";
import { DATA_ML_CASES } from "./dataMl";
import type { IntegrationCase } from "./helpers";
import { MESSAGING_CASES } from "./messaging";

export * from "./helpers";

export const INTEGRATION_CASES: readonly IntegrationCase[] = [...MESSAGING_CASES, ...COMPUTE_CASES, ...DATA_ML_CASES];
