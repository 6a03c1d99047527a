export const home = {} as const satisfies Record<string, string>;
