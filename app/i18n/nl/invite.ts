export const invite = {} as const satisfies Record<string, string>;
