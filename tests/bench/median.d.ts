export function median(values: readonly (number | undefined)[]): number | undefined;
