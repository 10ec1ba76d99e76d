#!/usr/bin/env node
// Prisma's CLI spawns this in place of its native `schema-engine` binary:
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here. The engine itself
// is TypeScript (scripts/db/schema-engine-rpc.ts), loaded through tsx.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./schema-engine-rpc.ts");
const code = await main(process.argv.slice(2));
// The WASM engine leaves a 10 s timer behind after some calls; do not wait for it.
process.exit(code);
