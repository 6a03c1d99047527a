import { nl } from "./nl";

/*
 * The message catalogue. Every text the UI shows comes from here, so another language can
 * follow by adding a catalogue with the same keys. Keys are grouped per area
 * (`app/i18n/nl/<area>.ts`); placeholders are written as {name}.
 */
export const catalogues = { nl } as const;
export type Locale = keyof typeof catalogues;
export type MessageKey = keyof typeof nl;

export function t(
  key: MessageKey,
  vars?: Record<string, string | number>,
  locale: Locale = "nl",
): string {
  const template: string = catalogues[locale][key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}
