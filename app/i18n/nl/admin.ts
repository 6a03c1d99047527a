export const admin = {} as const satisfies Record<string, string>;
