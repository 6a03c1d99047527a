export const search = {} as const satisfies Record<string, string>;
