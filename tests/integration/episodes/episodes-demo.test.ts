import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { summarizeAuthorizations } from "@/lib/episodes/authorization-rules";
import { loadEpisodeVisitFacts } from "@/lib/episodes/load-episode-visits";
import { todayIn } from "@/lib/time/calendar-rules";
import { seedDemo } from "../../../prisma/seed/demo-data";
import { DEMO_PAYER } from "../../../prisma/seed/episodes-demo";
import { prismaFor } from "../../../scripts/db/prisma-client";

describe("demo episodes of care", () => {
  it("puts each patient with a submitted intake in an authorised plan holding their intakes, program and visits", async () => {
    const prisma = prismaFor(process.env.DATABASE_URL!);
    const core = await seedDemo(prisma, { mfaKeyMaterial: "integration-test-key-material-0123456789" });
    await prisma.$disconnect();
    const clinic = await db.clinic.findUniqueOrThrow({ where: { id: core.clinicId } });
    const alexId = core.patients["alex.rivera@example.com"]!;

    // The outcome demo's discharged episodes (prisma/seed/outcomes-demo.ts) are not these plans.
    const episodes = await db.episode.findMany({
      where: { clinicId: core.clinicId, status: { not: "discharged" } },
      include: { authorizations: true },
    });
    expect(episodes.map((e) => e.patientId)).toContain(alexId);
    expect(episodes.every((e) => e.status === "active" && e.authorizations[0]?.payerName === DEMO_PAYER)).toBe(true);
    const alexEpisode = episodes.find((e) => e.patientId === alexId)!;
    expect(alexEpisode.goals.length).toBeGreaterThan(0);
    expect(await db.intake.count({ where: { patientId: alexId, episodeId: null } })).toBe(0);
    expect(await db.program.count({ where: { patientId: alexId, episodeId: alexEpisode.id } })).toBe(1);

    const facts = (await loadEpisodeVisitFacts(db, core.clinicId, clinic.timeZone, [alexEpisode.id])).get(
      alexEpisode.id,
    )!;
    expect(facts.visits.length).toBeGreaterThan(0);
    const summary = summarizeAuthorizations(facts.authorizations, facts.visits, todayIn(clinic.timeZone, Date.now()));
    expect(summary.current?.visitsAuthorized).toBe(24);
    expect(summary.current!.used).toBe(facts.visits.filter((v) => v.counted).length);
  });
});
