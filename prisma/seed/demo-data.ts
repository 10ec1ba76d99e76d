/**
 * The demo clinic. Used by `npm run demo` (once, on an empty database) and by
 * the end-to-end tests, which sign in with these same accounts.
 */
import { hash } from "@node-rs/argon2";
import { sealSecret } from "../../lib/auth/mfa-crypto";
import { ARGON2_OPTIONS } from "../../lib/auth/password-params";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DEFAULT_MONITORING_THRESHOLDS } from "../../lib/episodes/monitoring-defaults";
import { seedEpisodesDemo } from "./episodes-demo";
import { seedOutcomesDemo } from "./outcomes-demo";
import { seedIntakeDemo } from "./intake-demo";
import { seedBookingDemo } from "./booking-demo";
import { seedExercisesDemo } from "./exercises-demo";
import { seedFollowUpDemo } from "./follow-up-demo";

export const DEMO_PASSWORD = "mend-demo-password";

export const DEMO_CLINIC = {
  name: "Harbor Point Physical Therapy",
  address: "120 Wharf Street, Portland, ME 04101",
  phone: "(207) 555-0142",
  email: "frontdesk@harborpoint.example",
  timeZone: "America/New_York",
};

/**
 * Demo staff come with two-step sign-in already set up, with these published
 * (demo-only) authenticator secrets: add one to an authenticator app, or run
 * `npm run demo:codes` to print the current codes.
 */
export const DEMO_STAFF = [
  {
    email: "admin@harborpoint.example",
    name: "Dana Whitfield",
    role: "admin",
    totpSecret: "3TJMT4YVSNUFGGJ2YKM7KRFFWP42QDRT",
  },
  {
    email: "maya.chen@harborpoint.example",
    name: "Maya Chen, DPT",
    role: "therapist",
    totpSecret: "CSLIMQHGIEH7KD4T2S246OZ65NVR3X3D",
  },
  {
    email: "sam.okafor@harborpoint.example",
    name: "Sam Okafor, PT",
    role: "therapist",
    totpSecret: "ECIGW4S2H4UXUOZTQBTU2VHEZ56U2NPG",
  },
  {
    email: "frontdesk@harborpoint.example",
    name: "Priya Patel",
    role: "front_desk",
    totpSecret: "5SFKEI5DWER2IE4N7SEWXNDKDYRSRJUJ",
  },
] as const;

/** Each demo patient is on a therapist's caseload (the therapist workspace opens on "My patients"). */
export const DEMO_PATIENTS = [
  {
    firstName: "Alex",
    lastName: "Rivera",
    dateOfBirth: "1986-04-12",
    email: "alex.rivera@example.com",
    phone: "+12075550101",
    primaryTherapist: "maya.chen@harborpoint.example",
    account: true,
  },
  {
    firstName: "Jordan",
    lastName: "Lee",
    dateOfBirth: "1972-09-30",
    email: "jordan.lee@example.com",
    phone: "+12075550102",
    primaryTherapist: "sam.okafor@harborpoint.example",
    account: true,
  },
  {
    firstName: "Casey",
    lastName: "Morgan",
    preferredName: "Case",
    dateOfBirth: "1995-01-22",
    email: "casey.morgan@example.com",
    phone: "+12075550103",
    primaryTherapist: "maya.chen@harborpoint.example",
    account: true,
  },
  {
    firstName: "Riley",
    lastName: "Thompson",
    dateOfBirth: "1958-11-05",
    email: "riley.thompson@example.com",
    phone: "+12075550104",
    primaryTherapist: "sam.okafor@harborpoint.example",
    account: false,
  },
] as const;

export type SeededDemo = { clinicId: string; users: Record<string, string>; patients: Record<string, string> };

export type SeedOptions = {
  /** The app's MFA key material (MFA_ENCRYPTION_KEY or NEXTAUTH_SECRET), to seal the demo TOTP secrets. */
  mfaKeyMaterial: string;
};

export async function seedDemo(prisma: PrismaClient, options: SeedOptions): Promise<SeededDemo> {
  const core = await seedCore(prisma, options);
  for (const seedDomain of DOMAIN_SEEDS) await seedDomain(prisma, core);
  return core;
}

/** Each domain's demo data, seeded after the core; a domain adds its function here. */
const DOMAIN_SEEDS: Array<(prisma: PrismaClient, core: SeededDemo) => Promise<void>> = [
  seedIntakeDemo,
  (prisma, core) => seedBookingDemo(prisma, core),
  seedExercisesDemo,
  seedEpisodesDemo,
  seedFollowUpDemo,
  seedOutcomesDemo,
];

async function seedCore(prisma: PrismaClient, options: SeedOptions): Promise<SeededDemo> {
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  return prisma.$transaction(async (tx) => {
    const clinic = await tx.clinic.create({
      data: { ...DEMO_CLINIC, monitoringThresholds: { create: [...DEFAULT_MONITORING_THRESHOLDS] } },
    });
    const users: Record<string, string> = {};
    const patients: Record<string, string> = {};
    for (const s of DEMO_STAFF) {
      const u = await tx.user.create({
        data: {
          clinicId: clinic.id,
          email: s.email,
          name: s.name,
          role: s.role,
          passwordHash,
          mfaSecret: sealSecret(s.totpSecret, options.mfaKeyMaterial),
          mfaEnabledAt: new Date(),
        },
      });
      users[s.email] = u.id;
    }
    for (const p of DEMO_PATIENTS) {
      const { account, primaryTherapist, ...fields } = p;
      const user = account
        ? await tx.user.create({
            data: {
              clinicId: clinic.id,
              email: p.email,
              name: `${p.firstName} ${p.lastName}`,
              role: "patient",
              passwordHash,
            },
          })
        : null;
      if (user) users[p.email] = user.id;
      const patient = await tx.patient.create({
        data: {
          ...fields,
          dateOfBirth: new Date(`${p.dateOfBirth}T00:00:00Z`),
          clinicId: clinic.id,
          userId: user?.id ?? null,
          primaryTherapistId: users[primaryTherapist] ?? null,
        },
      });
      patients[p.email] = patient.id;
    }
    return { clinicId: clinic.id, users, patients };
  });
}

export function demoLoginsText(): string {
  const rows = [
    ...DEMO_STAFF.map((s) => [s.role.replace("_", " "), s.email]),
    ...DEMO_PATIENTS.filter((p) => p.account).map((p) => ["patient", p.email]),
  ];
  return [
    `Demo logins (password for all: ${DEMO_PASSWORD})`,
    ...rows.map(([role, email]) => `  ${role!.padEnd(11)} ${email}`),
    "Staff also enter a code from an authenticator app: run `npm run demo:codes` for the current ones.",
  ].join("\n");
}
