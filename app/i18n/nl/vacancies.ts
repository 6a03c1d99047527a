export const vacancies = {} as const satisfies Record<string, string>;
