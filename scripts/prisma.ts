/**
 * `npm run prisma -- <args>`: the stock Prisma CLI, e.g.
 * `npm run prisma -- migrate status`. prisma.config.ts points the CLI at our
 * WebAssembly schema engine (scripts/db/schema-engine-server.mjs), so plain
 * `npx prisma ...` works too; this wrapper adds one thing: when DATABASE_URL is
 * not set, `migrate` and `db` commands run against the embedded demo server
 * (.data/postgres, database `mend`), as `npm run db:migrate` does.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { withDatabase } from "./db/database-url";

const args = process.argv.slice(2);
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const needsDatabase = (args[0] === "migrate" || args[0] === "db") && !args.includes("--help") && !args.includes("-h");

function runCli(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// Ctrl-C reaches the CLI directly (same terminal); stay alive to stop the embedded server after it.
process.on("SIGINT", () => undefined);

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const code =
  needsDatabase && !process.env.DATABASE_URL
    ? await withDatabase((url) => {
        console.error("DATABASE_URL is not set: using the embedded demo database (.data/postgres, database mend).");
        return runCli({ ...env, DATABASE_URL: url });
      })
    : await runCli(env);
process.exit(code);
