import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getProgramFollowUp } from "@/lib/programs/get-program-follow-up";
import { getToday } from "@/lib/programs/get-today";
import { listLowAdherence } from "@/lib/programs/list-low-adherence";
import { listProgramTemplates } from "@/lib/programs/program-templates";
import { STARTER_EXERCISES } from "@/lib/exercises/starter-library";
import { seedDemo } from "../../prisma/seed/demo-data";
import { DEMO_TEMPLATE_NAME } from "../../prisma/seed/exercises-demo";
import { prismaFor } from "../../scripts/db/prisma-client";
import { actorFor } from "../factories";

describe("demo data for home exercise programs", () => {
  it("shows a populated library, the template, and patients whose adherence and charts say something", async () => {
    const prisma = prismaFor(process.env.DATABASE_URL!);
    const core = await seedDemo(prisma, { mfaKeyMaterial: "integration-test-key-material-0123456789" });
    await prisma.$disconnect();

    const user = async (email: string) => db.user.findUniqueOrThrow({ where: { email } });
    const maya = await actorFor(await user("maya.chen@harborpoint.example"));
    const alexPatientId = core.patients["alex.rivera@example.com"]!;
    const alex = await actorFor(await user("alex.rivera@example.com"), alexPatientId);

    expect(await db.exercise.count({ where: { clinicId: core.clinicId } })).toBe(STARTER_EXERCISES.length);
    expect((await listProgramTemplates(maya)).map((t) => t.name)).toEqual([DEMO_TEMPLATE_NAME]);

    const f = await getProgramFollowUp(maya, alexPatientId);
    expect(f.program?.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(f.program?.versions.every((v) => v.logCount > 0)).toBe(true);
    expect(f.insights!.recentTally.ratio).toBeGreaterThan(0.5);
    expect(f.insights!.recentTally.ratio).toBeLessThan(1);
    expect(f.insights!.pain.length).toBeGreaterThan(20);
    expect(f.insights!.painFlags.map((p) => p.exerciseName)).toContain("Seal stretch");
    // Alex's intake and follow-up scores sit beside the session pain trend.
    expect(f.intakeScores.filter((s) => s.measure === "ODI")).toHaveLength(2);
    expect(f.intakeScores.filter((s) => s.measure === "NPRS").length).toBeGreaterThanOrEqual(2);

    const today = await getToday(alex);
    expect(today.state).toBe("active");
    expect(today.items.some((i) => i.status === "due")).toBe(true);
    expect(today.items.every((i) => i.doneToday === 0)).toBe(true);

    const low = await listLowAdherence(maya);
    expect(low.rows.map((r) => r.patientName)).toEqual(["Case Morgan"]);
  });
});
