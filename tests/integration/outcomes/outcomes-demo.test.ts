import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getOutcomeReport } from "@/lib/outcomes/get-outcome-report";
import { seedDemo } from "../../../prisma/seed/demo-data";
import { prismaFor } from "../../../scripts/db/prisma-client";
import { actorFor } from "../../factories/index";

describe("outcome demo data", () => {
  it("gives the default report figures for Maya and medium risk, and 'fewer than 5' for Sam and low risk", async () => {
    const prisma = prismaFor(process.env.DATABASE_URL!);
    const core = await seedDemo(prisma, { mfaKeyMaterial: "integration-test-key-material-0123456789" });
    await prisma.$disconnect();
    const maya = await db.user.findUniqueOrThrow({ where: { id: core.users["maya.chen@harborpoint.example"]! } });
    const report = await getOutcomeReport(await actorFor(maya), {});

    expect(report.overall).toMatchObject({ suppressed: false, episodes: 11 });
    const byName = Object.fromEntries(report.byTherapist.map((g) => [g.label, g]));
    expect(byName["Maya Chen, DPT"]).toMatchObject({ suppressed: false, episodes: 8 });
    expect(byName["Sam Okafor, PT"]).toMatchObject({ suppressed: true });
    expect(report.byRisk.map((g) => [g.key, g.suppressed])).toEqual([
      ["low", true],
      ["medium", false],
      ["high", true],
    ]);
    // Every demo episode has a home program with logs, and some visits.
    expect(report.byAdherence.withoutProgram).toBe(0);
  });
});
