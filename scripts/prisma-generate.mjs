// Runs `prisma generate` offline (the postinstall step). The Prisma CLI insists
// on a schema-engine binary at start-up and tries to download one; prisma.config.ts
// points it at our WebAssembly stand-in (scripts/db/schema-engine-server.mjs).
// Set here too so this step does not depend on the config doing it; `generate`
// never actually starts the engine.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL("./db/schema-engine-server.mjs", import.meta.url));
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
