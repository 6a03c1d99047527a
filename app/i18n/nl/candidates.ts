export const candidates = {} as const satisfies Record<string, string>;
