import { z } from "zod";
import type { Gazetteer } from "~/domain/geo/gazetteer";
import type { Taxonomy } from "~/domain/taxonomy/taxonomy";
import { t } from "~/i18n";

/*
 * The profile editor's vocabulary and form schemas. Codes (not UI text) in line with the
 * search documents, the occupation taxonomy and the demo data; labels come from the catalogue.
 *
 * Unknown taxonomy entries (docs/decisions/009-anonymised-profile-and-publication.md): the target
 * occupations drive matching, so they must be taxonomy labels (a typo gets a "did you mean");
 * job titles in the work experience and skills are the person's own words and are accepted
 * as free text (the matcher resolves titles itself; the editor only suggests).
 */

export const SECTORS = ["logistiek", "transport", "techniek", "productie", "bouw", "schoonmaak", "groen", "horeca"] as const;
export const LICENCES = ["AM", "B", "BE", "C1", "C", "CE", "D", "T"] as const;
export const SHIFTS = ["dag", "avond", "nacht", "weekend"] as const;
export const TRANSPORT = ["fiets", "ov", "auto", "scooter"] as const;
export const EDUCATION_LEVELS = ["geen", "basisonderwijs", "vmbo", "mbo-1", "mbo-2", "mbo-3", "mbo-4", "havo", "vwo", "hbo", "wo"] as const;
export const LANGUAGE_LEVELS = ["basis", "A2", "B1", "B2", "C1", "moedertaal"] as const;
export const COMMON_CERTIFICATES = [
  "VCA",
  "heftruckcertificaat",
  "reachtruckcertificaat",
  "lasdiploma",
  "code 95",
  "HACCP",
  "NEN 3140",
  "sociale hygiëne",
  "motorkettingzaag",
] as const;

export const LIMITS = {
  headline: 120,
  summary: 1500,
  motivation: 1000,
  skill: 60,
  skills: 30,
  certificate: 60,
  certificates: 20,
  occupations: 3,
  experienceTitle: 100,
  experience: 15,
  languages: 8,
  note: 1000,
} as const;

const trimmed = (max: number, message = t("profile.error.tooLong", { max })) =>
  z.string().trim().max(max, { error: message });

/** Lines or commas → a clean, de-duplicated list. */
function listOf(max: number, each: number) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const items = [
        ...new Set(
          (value ?? "")
            .split(/[\n,;]+/)
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      if (items.length > max) ctx.addIssue({ code: "custom", message: t("profile.error.tooMany", { max }) });
      const long = items.find((s) => s.length > each);
      if (long) ctx.addIssue({ code: "custom", message: t("profile.error.itemTooLong", { max: each }) });
      return items;
    });
}

const isoDay = z.iso.date({ error: t("profile.error.date") });

/** Checkbox groups: absent = none; Conform gives a string for one box, an array for more. */
const choices = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { error: t("profile.error.choice") })).max(values.length),
  );

const ExperienceRow = z.object({
  title: trimmed(LIMITS.experienceTitle).optional(),
  sector: z.enum(SECTORS, { error: t("profile.error.choice") }).optional(),
  months: z.coerce
    .number({ error: t("profile.error.months") })
    .int({ error: t("profile.error.months") })
    .min(0, { error: t("profile.error.months") })
    .max(600, { error: t("profile.error.months") })
    .optional(),
  duringDetention: z.literal("on").optional(),
});

const LanguageRow = z.object({
  language: trimmed(40).optional(),
  level: z.enum(LANGUAGE_LEVELS, { error: t("profile.error.choice") }).optional(),
});

/** Rows left completely empty (the spare rows of the form) are dropped. */
function rows<T extends z.ZodType>(row: T, max: number) {
  return z.preprocess(
    (v) =>
      (Array.isArray(v) ? v : v === undefined ? [] : [v])
        .filter((r): r is Record<string, unknown> => Boolean(r) && typeof r === "object")
        .map((r) =>
          Object.fromEntries(
            Object.entries(r).map(([k, x]) => [k, typeof x === "string" && x.trim() === "" ? undefined : x]),
          ),
        )
        .filter((r) => Object.values(r).some((x) => x !== undefined)),
    z.array(row).max(max, { error: t("profile.error.tooMany", { max }) }),
  );
}

export type ProfileSchemaDeps = { taxonomy: Taxonomy; gazetteer: Pick<Gazetteer, "findPlace" | "suggestPlaces"> };

/** The editor's "save" form. Resolves target occupations and the region on the way. */
export function createProfileSchema({ taxonomy, gazetteer }: ProfileSchemaDeps) {
  return z
    .object({
      intent: z.literal("save"),
      headline: trimmed(LIMITS.headline).default(""),
      summary: trimmed(LIMITS.summary).default(""),
      motivation: trimmed(LIMITS.motivation).default(""),
      sectors: choices(SECTORS),
      occupations: z.preprocess(
        (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string" && x.trim() !== ""),
        z.array(trimmed(100)).max(LIMITS.occupations),
      ),
      skills: listOf(LIMITS.skills, LIMITS.skill),
      certificates: choices(COMMON_CERTIFICATES),
      otherCertificates: listOf(LIMITS.certificates, LIMITS.certificate),
      licences: choices(LICENCES),
      languages: rows(LanguageRow, LIMITS.languages),
      educationLevel: z.enum(EDUCATION_LEVELS, { error: t("profile.error.choice") }).optional(),
      experience: rows(ExperienceRow, LIMITS.experience),
      hoursMin: z.coerce.number({ error: t("profile.error.hours") }).int({ error: t("profile.error.hours") }).min(0, { error: t("profile.error.hours") }).max(60, { error: t("profile.error.hours") }).optional(),
      hoursMax: z.coerce.number({ error: t("profile.error.hours") }).int({ error: t("profile.error.hours") }).min(0, { error: t("profile.error.hours") }).max(60, { error: t("profile.error.hours") }).optional(),
      shifts: choices(SHIFTS),
      transport: choices(TRANSPORT),
      region: trimmed(80).optional(),
      travelKm: z.coerce.number({ error: t("profile.error.travel") }).int({ error: t("profile.error.travel") }).min(0, { error: t("profile.error.travel") }).max(300, { error: t("profile.error.travel") }).optional(),
      availableDuringDetentionFrom: isoDay.optional(),
      availableAfterReleaseFrom: isoDay.optional(),
    })
    .superRefine((v, ctx) => {
      if (v.hoursMin !== undefined && v.hoursMax !== undefined && v.hoursMin > v.hoursMax) {
        ctx.addIssue({ code: "custom", path: ["hoursMax"], message: t("profile.error.hoursOrder") });
      }
      if ((v.hoursMin === undefined) !== (v.hoursMax === undefined)) {
        ctx.addIssue({
          code: "custom",
          path: [v.hoursMin === undefined ? "hoursMin" : "hoursMax"],
          message: t("profile.error.hoursBoth"),
        });
      }
      if (
        v.availableDuringDetentionFrom &&
        v.availableAfterReleaseFrom &&
        v.availableDuringDetentionFrom > v.availableAfterReleaseFrom
      ) {
        ctx.addIssue({ code: "custom", path: ["availableAfterReleaseFrom"], message: t("profile.error.availabilityOrder") });
      }
      v.experience.forEach((row, i) => {
        if (!row.title) ctx.addIssue({ code: "custom", path: ["experience", i, "title"], message: t("profile.error.experienceTitle") });
        if (!row.sector) ctx.addIssue({ code: "custom", path: ["experience", i, "sector"], message: t("profile.error.experienceSector") });
        if (row.months === undefined) ctx.addIssue({ code: "custom", path: ["experience", i, "months"], message: t("profile.error.months") });
      });
      v.languages.forEach((row, i) => {
        if (!row.language) ctx.addIssue({ code: "custom", path: ["languages", i, "language"], message: t("profile.error.language") });
        if (!row.level) ctx.addIssue({ code: "custom", path: ["languages", i, "level"], message: t("profile.error.languageLevel") });
      });
      v.occupations.forEach((title, i) => {
        if (!title) return;
        const exact = taxonomy.resolveTitle(title).filter((o) => o.byLabel && o.confidence === 1);
        if (exact.length === 0) {
          const close = taxonomy
            .resolveTitle(title)
            .slice(0, 3)
            .map((o) => o.title);
          ctx.addIssue({
            code: "custom",
            path: ["occupations", i],
            message: close.length
              ? t("profile.error.occupationSuggest", { title, suggestions: close.join(", ") })
              : t("profile.error.occupationUnknown", { title }),
          });
        }
      });
      if (v.region && !gazetteer.findPlace(v.region)) {
        const close = gazetteer.suggestPlaces(v.region, 3).map((p) => p.name);
        ctx.addIssue({
          code: "custom",
          path: ["region"],
          message: close.length
            ? t("profile.error.regionSuggest", { region: v.region, suggestions: close.join(", ") })
            : t("profile.error.regionUnknown", { region: v.region }),
        });
      }
    })
    .transform((v) => {
      const occupationCodes = [
        ...new Set(
          v.occupations
            .filter(Boolean)
            .map((title) => taxonomy.resolveTitle(title).find((o) => o.byLabel && o.confidence === 1)?.code)
            .filter((c): c is string => Boolean(c)),
        ),
      ];
      const place = v.region ? gazetteer.findPlace(v.region) : undefined;
      const certificates = [...new Set([...v.certificates, ...v.otherCertificates])];
      return {
        headline: v.headline,
        summary: v.summary,
        motivation: v.motivation,
        sectors: v.sectors,
        occupationCodes,
        skills: v.skills,
        certificates,
        licences: v.licences,
        languages: v.languages.map((l) => ({ language: l.language!, level: l.level! })),
        educationLevel: v.educationLevel ?? null,
        experience: v.experience.map((e) => ({
          title: e.title!,
          sector: e.sector!,
          months: e.months!,
          duringDetention: e.duringDetention === "on",
        })),
        hoursMin: v.hoursMin ?? null,
        hoursMax: v.hoursMax ?? null,
        shifts: v.shifts,
        transport: v.transport,
        region: place
          ? { name: place.name, municipalityCode: place.municipalityCode, lat: place.lat, lon: place.lon }
          : null,
        travelKm: v.travelKm ?? null,
        availableDuringDetentionFrom: v.availableDuringDetentionFrom ?? null,
        availableAfterReleaseFrom: v.availableAfterReleaseFrom ?? null,
      };
    });
}

export type ProfileInput = z.output<ReturnType<typeof createProfileSchema>>;

/** A note (candidate's change request, approver's refusal). */
export const NoteSchema = z
  .string({ error: t("profile.error.noteRequired") })
  .trim()
  .min(3, { error: t("profile.error.noteRequired") })
  .max(LIMITS.note, { error: t("profile.error.tooLong", { max: LIMITS.note }) });
