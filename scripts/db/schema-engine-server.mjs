#!/usr/bin/env node
// Prisma's CLI spawns this in place of its native `schema-engine` binary when
// PRISMA_SCHEMA_ENGINE_BINARY points here (`npm run prisma -- <args>` does).
// The engine itself is TypeScript: scripts/db/schema-engine-server.ts.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./schema-engine-server.ts");
const code = await main(process.argv.slice(2));
// The WASM engine leaves a 10 s timer behind after some calls; do not wait for it.
process.exit(code);
