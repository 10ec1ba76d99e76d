/** `npm run db:seed`: loads the demo clinic into an empty database (refuses a non-empty one). */
import { demoLoginsText, seedDemo } from "../../prisma/seed/demo-data";
import { mfaKeyMaterial } from "./app-secret";
import { withDatabase } from "./database-url";
import { applyMigrations } from "./migrations";
import { prismaFor } from "./prisma-client";

await withDatabase(async (url) => {
  await applyMigrations(url);
  const prisma = prismaFor(url);
  try {
    if ((await prisma.clinic.count()) > 0) {
      console.log("The database already has a clinic; demo data not loaded.");
      return;
    }
    await seedDemo(prisma, { mfaKeyMaterial: mfaKeyMaterial() });
    console.log(demoLoginsText());
  } finally {
    await prisma.$disconnect();
  }
});
