import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/env.server";

describe("configuration", () => {
  it("uses the embedded defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: ".data", APP_URL: "http://localhost:3000", NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.MEILI_URL).toBeUndefined();
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", MEILI_URL: " ", PORT: "4000" })).toMatchObject({
      DATABASE_URL: undefined,
      MEILI_URL: undefined,
      PORT: 4000,
      APP_URL: "http://localhost:4000",
    });
  });

  it("stops with a message that names each wrong value", () => {
    const attempt = () => parseEnv({ PORT: "negentig", DATABASE_URL: "mysql://x", MEILI_URL: "geen-url" });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL: moet beginnen met postgres/);
      expect(message).toMatch(/MEILI_URL/);
    }
  });

  it("requires a session secret and the public URL in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET: is verplicht in productie[\s\S]*APP_URL/);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "kort", APP_URL: "https://werkbrug.nl" })).toThrow(
      /SESSION_SECRET: moet minstens 32 tekens/,
    );
    expect(
      parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), APP_URL: "https://werkbrug.nl" }).APP_URL,
    ).toBe("https://werkbrug.nl");
  });
});
