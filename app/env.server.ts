import { z } from "zod";

// Empty variables count as unset, so `FOO= npm start` behaves like leaving FOO out.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optional(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "moet beginnen met postgres:// of postgresql://"),
    ),
    DATA_DIR: z.string().min(1).default(".data"),
    MEILI_URL: optional(z.url()),
    MEILI_MASTER_KEY: optional(z.string().min(1)),
    RESEND_API_KEY: optional(z.string().min(1)),
    RESEND_BASE_URL: optional(z.url()),
    EMAIL_FROM: z.string().min(3).default("Werkbrug <noreply@werkbrug.nl>"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: optional(z.url()),
    SESSION_SECRET: optional(z.string().min(32, "moet minstens 32 tekens lang zijn")),
    // Run the outbox workers inside the web process (default) or only via `npm run worker`.
    IN_PROCESS_WORKERS: z.enum(["on", "off"]).default("on"),
    // Seed the demo world on first start of the embedded quickstart.
    SEED_DEMO: z.enum(["auto", "off"]).default("auto"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (!env.SESSION_SECRET)
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is verplicht in productie" });
    if (!env.APP_URL)
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is verplicht in productie" });
  });

export type Env = z.infer<typeof envSchema> & { APP_URL: string; SESSION_SECRET: string };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Ongeldige configuratie (omgevingsvariabelen):\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    // Development only: a per-process secret. Production requires SESSION_SECRET (checked above).
    SESSION_SECRET: env.SESSION_SECRET ?? devSecret(),
  };
}

let devSecretValue: string | undefined;
function devSecret() {
  devSecretValue ??= Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
  return devSecretValue;
}

let cached: Env | undefined;
/** The parsed environment; parsed once per process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Tests change the environment; this forgets the parsed copy. */
export function resetEnvForTests() {
  cached = undefined;
}
