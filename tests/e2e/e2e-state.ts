import { readFileSync } from "node:fs";
import path from "node:path";

/** Shared between the e2e server (which writes it) and tests (which read it). */
export type E2eState = { databaseUrl: string; baseUrl: string; proxylessBaseUrl: string; logFile: string };

export const E2E_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e";
/** Signs the text-reply webhooks the e2e tests post as the provider would (TWILIO_AUTH_TOKEN of the test server). */
export const E2E_TWILIO_AUTH_TOKEN = "e2e-twilio-auth-token";

export const OTHER_CLINIC = {
  name: "Lakeside Physio (second clinic)",
  therapistEmail: "lee.other@lakeside.example",
  therapistTotpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
  patientEmail: "pat.other@lakeside.example",
};

export function e2eStateFile(port: number): string {
  return path.join(import.meta.dirname, "..", "..", ".data", `e2e-state-${port}.json`);
}

export function readE2eState(): E2eState {
  return JSON.parse(readFileSync(e2eStateFile(Number(process.env.E2E_PORT ?? 3100)), "utf8")) as E2eState;
}
