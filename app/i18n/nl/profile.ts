export const profile = {} as const satisfies Record<string, string>;
