import { afterEach, describe, expect, it, vi } from "vitest";

const base = {
  DATABASE_URL: "postgresql://localhost:5432/mend",
  NEXTAUTH_SECRET: "a-secret-that-is-at-least-32-characters",
  TWILIO_ACCOUNT_SID: undefined,
  TWILIO_AUTH_TOKEN: undefined,
  TWILIO_FROM: undefined,
  TWILIO_MESSAGING_SERVICE_SID: undefined,
  TWILIO_API_BASE: undefined,
};
const SID = `AC${"0f".repeat(16)}`;

async function load(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries({ ...base, ...vars })) vi.stubEnv(k, v);
  return import("@/lib/env");
}

afterEach(() => vi.unstubAllEnvs());

describe("text message provider settings", () => {
  it("is off with nothing set: texts go to the development inbox", async () => {
    const { twilioConfig } = await load({});
    expect(twilioConfig()).toBeNull();
  });

  it("reads a complete Twilio set, with the default API host", async () => {
    const { twilioConfig } = await load({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: "t",
      TWILIO_FROM: "+12015550100",
    });
    expect(twilioConfig()).toEqual({
      accountSid: SID,
      authToken: "t",
      sender: { from: "+12015550100" },
      apiBase: "https://api.twilio.com",
    });
  });

  it("refuses a half-configured provider at start-up, by name", async () => {
    const { env } = await load({ TWILIO_ACCOUNT_SID: SID, TWILIO_FROM: "+12015550100" });
    expect(() => env()).toThrow(/TWILIO_AUTH_TOKEN: required when any TWILIO_\* is set/);
    const both = await load({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: "t",
      TWILIO_FROM: "+12015550100",
      TWILIO_MESSAGING_SERVICE_SID: `MG${"0f".repeat(16)}`,
    });
    expect(() => both.env()).toThrow(/set exactly one of them/);
  });

  it("accepts the auth token alone: it checks inbound webhooks while texts still go to the development inbox", async () => {
    const { env, twilioConfig } = await load({ TWILIO_AUTH_TOKEN: "t" });
    expect(env().TWILIO_AUTH_TOKEN).toBe("t");
    expect(twilioConfig()).toBeNull();
  });

  it("refuses a sender that is not E.164", async () => {
    const { env } = await load({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "t", TWILIO_FROM: "(201) 555-0100" });
    expect(() => env()).toThrow(/TWILIO_FROM: must be an E.164 number/);
  });
});
