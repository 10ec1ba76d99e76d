import { afterEach, describe, expect, it, vi } from "vitest";

const base = {
  DATABASE_URL: "postgresql://localhost:5432/mend",
  NEXTAUTH_SECRET: "a-secret-that-is-at-least-32-characters",
};

async function envWith(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  const { env } = await import("@/lib/env");
  return env;
}

afterEach(() => vi.unstubAllEnvs());

describe("configuration at start-up", () => {
  it("requires APP_URL in production, by name", async () => {
    const env = await envWith({ ...base, NODE_ENV: "production", APP_URL: undefined });
    expect(() => env()).toThrow(/APP_URL: required in production/);
  });

  it("names a missing NEXTAUTH_SECRET", async () => {
    const env = await envWith({
      ...base,
      NODE_ENV: "production",
      APP_URL: "https://mend.example",
      NEXTAUTH_SECRET: undefined,
    });
    expect(() => env()).toThrow(/NEXTAUTH_SECRET: required/);
  });

  it("keeps the development default for APP_URL outside production", async () => {
    const env = await envWith({ ...base, NODE_ENV: "development", APP_URL: undefined });
    expect(env().APP_URL).toBe("http://localhost:3000");
  });
});
