import { describe, expect, expectTypeOf, it } from "vitest";
import type { CandidateIdentity } from "#db/schema";
import {
  IDENTITY_KEYS,
  type PublicProfile,
  type PublicProfileSource,
  toPublicProfile,
  toPublicProfileIndexSource,
} from "~/domain/candidates/public-profile";

/** Every key at any depth of a type (array elements included). */
type DeepKeys<T> = T extends readonly (infer U)[]
  ? DeepKeys<U>
  : T extends object
    ? { [K in keyof T & string]: K | DeepKeys<T[K]> }[keyof T & string]
    : never;

type Forbidden = (typeof IDENTITY_KEYS)[number] | keyof CandidateIdentity;

// Compile-time: the public type shares no key with identity (tsc fails here if one is added).
const noIdentityKeys: [Extract<DeepKeys<PublicProfile>, Forbidden>] extends [never] ? true : false = true;

const source: PublicProfileSource = {
  headline: "Orderpicker met heftruckcertificaat",
  summary: "Werkt nauwkeurig.",
  motivation: "Ik wil aan het werk.",
  sectors: ["logistiek"],
  skills: ["orderpicken", "scannen", "orderpicken"],
  occupationCodes: ["wb:orderpicker"],
  certificates: [
    { name: "VCA", verified: true },
    { name: "heftruckcertificaat", verified: false },
  ],
  licences: ["B"],
  languages: [{ language: "Nederlands", level: "moedertaal" }],
  educationLevel: "mbo-2",
  experience: [{ title: "Medewerker logistiek", sector: "logistiek", months: 10, duringDetention: true, verified: true }],
  hoursMin: 24,
  hoursMax: 40,
  shifts: ["dag"],
  transport: ["fiets"],
  regionName: "Lelystad",
  travelKm: 30,
  availableDuringDetentionFrom: "2027-03-14",
  availableAfterReleaseFrom: "2027-06-02",
};

function allKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) allKeys(v, into);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      allKeys(v, into);
    }
  }
  return into;
}

describe("the public-profile projection", () => {
  it("has no identity keys, at compile time and at run time", () => {
    expect(noIdentityKeys).toBe(true);
    expectTypeOf<Extract<keyof PublicProfile, keyof CandidateIdentity>>().toEqualTypeOf<never>();
    const profile = toPublicProfile(source, { publicCode: "WB-7KQ3MX", coachingOrganisationName: "Werkwaarts" });
    const keys = [...allKeys(profile)];
    const forbidden = new Set<string>([...IDENTITY_KEYS, "firstName", "lastName", "dateOfBirth", "phone", "email", "address", "prisonName"]);
    expect(keys.filter((k) => forbidden.has(k))).toEqual([]);
  });

  it("copies only its own fields, even when the input carries identity", () => {
    const polluted = {
      ...source,
      candidateId: "0b7c1c43-8c80-4c1f-a7a3-5a1f0a9f2d11",
      firstName: "CANARY-FIRST",
      lastName: "CANARY-LAST",
      dateOfBirth: "1990-05-17",
      phone: "0600000000",
      email: "canary@example.nl",
      address: "Canarystraat 1",
      prisonName: "PI Canary",
      lat: 52.5,
      lon: 5.47,
      regionMunicipalityCode: "0995",
    } as PublicProfileSource;
    const json = JSON.stringify(toPublicProfile(polluted, { publicCode: "WB-7KQ3MX", coachingOrganisationName: null }));
    for (const canary of ["CANARY", "1990-05-17", "0600000000", "canary@", "Canarystraat", "52.5", "5.47", "0995", "0b7c1c43"]) {
      expect(json).not.toContain(canary);
    }
  });

  it("shows availability by month, the region, the code and the coaching organisation", () => {
    const profile = toPublicProfile(source, { publicCode: "WB-7KQ3MX", coachingOrganisationName: "Werkwaarts Jobcoaching" });
    expect(profile.availability).toEqual({ duringDetentionFrom: "2027-03", afterReleaseFrom: "2027-06" });
    expect(JSON.stringify(profile)).not.toContain("2027-03-14");
    expect(profile).toMatchObject({
      code: "WB-7KQ3MX",
      region: "Lelystad",
      travelKm: 30,
      hours: { min: 24, max: 40 },
      coachingOrganisation: "Werkwaarts Jobcoaching",
      occupations: ["orderpicker"],
      skills: ["orderpicken", "scannen"],
      certificates: [
        { title: "VCA", verified: true },
        { title: "heftruckcertificaat", verified: false },
      ],
      experience: [{ title: "Medewerker logistiek", sector: "logistiek", months: 10, duringDetention: true, verified: true }],
    });
  });

  it("is deterministic: the same input gives the same output (candidate view = employer view)", () => {
    const context = { publicCode: "WB-7KQ3MX", coachingOrganisationName: "X" };
    expect(toPublicProfile(source, context)).toEqual(toPublicProfile(structuredClone(source), context));
  });

  it("gives the search index the public profile plus matching-only values", () => {
    const indexed = toPublicProfileIndexSource(
      { ...source, lat: 52.5, lon: 5.47, publishedAt: new Date("2026-01-01T00:00:00Z") },
      { publicCode: "WB-7KQ3MX", coachingOrganisationName: "X" },
    );
    expect(indexed.profile).toEqual(toPublicProfile(source, { publicCode: "WB-7KQ3MX", coachingOrganisationName: "X" }));
    expect(indexed.matching).toMatchObject({ lat: 52.5, lon: 5.47, availableFrom: "2027-03-14", occupationCodes: ["wb:orderpicker"] });
  });
});
