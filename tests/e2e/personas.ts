import type { APIRequestContext, Browser } from "@playwright/test";
import { DEMO_PATIENTS, DEMO_STAFF } from "../../prisma/seed/demo-data";
import { OTHER_CLINIC } from "./e2e-state";
import { signIn } from "./fixtures";

/**
 * The seven people every security test asks about: nobody, two patients of
 * the demo clinic, its front desk, therapist and admin, and a therapist of
 * another clinic.
 */
export const PERSONAS = {
  anonymous: null,
  patientA: DEMO_PATIENTS[0].email,
  patientB: DEMO_PATIENTS[1].email,
  frontDesk: DEMO_STAFF[3].email,
  therapist: DEMO_STAFF[1].email,
  otherClinicTherapist: OTHER_CLINIC.therapistEmail,
  admin: DEMO_STAFF[0].email,
} as const;
export type Persona = keyof typeof PERSONAS;
export const PERSONA_NAMES = Object.keys(PERSONAS) as Persona[];

/**
 * An API client signed in as the persona (through the real sign-in form and
 * second step), against `baseURL` (the normal or the proxy-less server).
 */
export async function personaRequest(
  browser: Browser,
  persona: Persona,
  baseURL: string,
): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL });
  const email = PERSONAS[persona];
  if (email) {
    const page = await context.newPage();
    await signIn(page, email);
    await page.close();
  }
  return { request: context.request, close: () => context.close() };
}
