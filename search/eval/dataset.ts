import { z } from "zod";

/* The matching dataset of ../shared/eval/FORMAT.md. */

const sector = z.string();

export const evalVacancySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  sector,
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  licences: z.array(z.string()),
  hoursPerWeek: z.number(),
  municipality: z.string(),
  lat: z.number(),
  lon: z.number(),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  vogRequired: z.boolean(),
  maxDistanceKm: z.number(),
});

export const evalCandidateSchema = z.object({
  id: z.string(),
  headline: z.string(),
  summary: z.string(),
  sectors: z.array(sector),
  experience: z.array(
    z.object({ title: z.string(), sector, months: z.number(), duringDetention: z.boolean() }),
  ),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  licences: z.array(z.string()),
  hoursPerWeek: z.object({ min: z.number(), max: z.number() }),
  municipality: z.string(),
  lat: z.number(),
  lon: z.number(),
  travelKm: z.number(),
  availableFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  vogExpected: z.enum(["yes", "unknown", "no"]),
});

export const evalDatasetSchema = z.object({
  version: z.literal(1),
  vacancies: z.array(evalVacancySchema),
  candidates: z.array(evalCandidateSchema),
  judgments: z.array(
    z.object({ vacancyId: z.string(), candidateId: z.string(), grade: z.number().int().min(0).max(3) }),
  ),
});

export type EvalDataset = z.infer<typeof evalDatasetSchema>;
export type EvalVacancy = z.infer<typeof evalVacancySchema>;
export type EvalCandidate = z.infer<typeof evalCandidateSchema>;
