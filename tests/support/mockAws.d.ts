/** Types for mockAws.js (plain JavaScript so the benchmark can load it without a TypeScript loader). */
export const ACCOUNT: string;
export const REGION: string;
export function fakeState(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown>;
export function fakeId(name: string): string;
export function fakeCall(token: string, inputs: Record<string, unknown>, caller: string): Record<string, unknown>;
