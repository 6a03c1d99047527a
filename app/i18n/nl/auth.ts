export const auth = {} as const satisfies Record<string, string>;
