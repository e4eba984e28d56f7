/** Types for moto.js (plain JavaScript so the benchmark can load it without a TypeScript loader). */
import type { EngineProcess } from "../../provider/src/local/process";

export type Moto = EngineProcess;

export function startMoto(options?: { executable?: string }): Promise<Moto>;

export function motoClientConfig(
  endpoint: string,
  region?: string,
): {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  disableHostPrefix: boolean;
};

export const MOTO_ACCOUNT: string;
export const MOTO_CREDENTIALS: { accessKeyId: string; secretAccessKey: string };
