export const email = {} as const satisfies Record<string, string>;
