/** Types for moto.js (plain JavaScript so the benchmark can load it without a TypeScript loader). */

export interface Moto {
  /** `http://127.0.0.1:PORT` */
  endpoint: string;
  port: number;
  pid: number | undefined;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s); safe to call twice. */
  stop(): Promise<void>;
  /** The server's last lines of output. */
  output(): string;
}

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
