export const pipeline = {} as const satisfies Record<string, string>;
