/**
 * `npm run setup`: first run against a clinic's own database. Applies pending
 * migrations, then creates the clinic and its first admin (never demo data),
 * and refuses once any clinic exists. The work itself is
 * lib/clinics/create-clinic-with-admin.ts; this file only gathers the input:
 * prompts in a terminal, flags in scripts. The password never goes on the
 * command line (it would sit in shell history and `ps`): it comes from
 * MEND_ADMIN_PASSWORD, from stdin with --admin-password-stdin, or from a
 * prompt that does not echo.
 *
 * Exit codes: 0 created; 2 bad or missing input; 3 a clinic already exists
 * (nothing written); 1 anything else.
 */
import readline from "node:readline/promises";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { CLINIC_EXISTS_MESSAGE, createClinicWithAdmin } from "../lib/clinics/create-clinic-with-admin";
import { adminAccountSchema, clinicDetailsSchema } from "../lib/clinics/schema";
import { canonicalTimeZone } from "../lib/clinics/time-zone-rules";
import { isAppError } from "../lib/errors";
import { withDatabase } from "./db/database-url";
import { applyMigrations } from "./db/migrations";
import { prismaFor } from "./db/prisma-client";

const EXIT_INVALID = 2;
const EXIT_CLINIC_EXISTS = 3;
const PASSWORD_ENV = "MEND_ADMIN_PASSWORD";

type Field = {
  path: `${"clinic" | "admin"}.${string}`;
  flag: string;
  prompt: string;
  schema: z.ZodType;
};

const FIELDS: Field[] = [
  { path: "clinic.name", flag: "clinic-name", prompt: "Clinic name", schema: clinicDetailsSchema.shape.name },
  { path: "clinic.address", flag: "clinic-address", prompt: "Address", schema: clinicDetailsSchema.shape.address },
  { path: "clinic.phone", flag: "clinic-phone", prompt: "Phone", schema: clinicDetailsSchema.shape.phone },
  { path: "clinic.email", flag: "clinic-email", prompt: "Clinic email", schema: clinicDetailsSchema.shape.email },
  {
    path: "clinic.timeZone",
    flag: "time-zone",
    prompt: "Time zone (IANA name, e.g. America/New_York)",
    schema: clinicDetailsSchema.shape.timeZone,
  },
  { path: "admin.name", flag: "admin-name", prompt: "Admin's full name", schema: adminAccountSchema.shape.name },
  { path: "admin.email", flag: "admin-email", prompt: "Admin's email", schema: adminAccountSchema.shape.email },
];

const USAGE = `Create your clinic and its first admin (first run; refuses once a clinic exists).

  npm run setup                      asks for everything in the terminal
  MEND_ADMIN_PASSWORD=... npm run setup -- --clinic-name "..." --clinic-address "..." \\
      --clinic-phone "..." --clinic-email ... --time-zone Area/City \\
      --admin-name "..." --admin-email ...

Flags:
${FIELDS.map((f) => `  --${f.flag.padEnd(22)} ${f.prompt}`).join("\n")}
  --admin-password-stdin   read the admin's password from the first line of stdin
  --non-interactive        never prompt: fail on anything missing (the default when stdin is not a terminal)
  --help                   this text

The admin's password comes from ${PASSWORD_ENV}, from stdin (--admin-password-stdin), or
from a prompt; never from a flag. DATABASE_URL names the database (unset: the project's
embedded PostgreSQL in .data/postgres). Pending migrations are applied first.
Exit codes: 0 created, 2 bad input, 3 a clinic already exists, 1 other errors.`;

class InputError extends Error {}

/** Ends the command with these lines and exit code, after the database (and an embedded server) is closed. */
class SetupExit extends Error {
  constructor(
    readonly lines: string[],
    readonly exitCode: number,
  ) {
    super(lines.join("\n"));
  }
}

function fail(lines: string[], code: number): never {
  throw new SetupExit(lines, code);
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        ...Object.fromEntries(FIELDS.map((f) => [f.flag, { type: "string" as const }])),
        "admin-password-stdin": { type: "boolean" },
        "non-interactive": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const passwordFlag = /password/i.test(text) && !/stdin/.test(text);
    fail(
      [
        passwordFlag
          ? `Never put a password on the command line: set ${PASSWORD_ENV} or pass --admin-password-stdin.`
          : text,
        "Run `npm run setup -- --help` for the flags.",
      ],
      EXIT_INVALID,
    );
  }
}

/** A readline whose echo can be switched off, for the password. */
function terminal() {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  return {
    ask: (question: string) => rl.question(`${question}: `),
    async askHidden(question: string) {
      process.stdout.write(`${question}: `);
      muted = true;
      try {
        return await rl.question("");
      } finally {
        muted = false;
        process.stdout.write("\n");
      }
    },
    close: () => rl.close(),
  };
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

function firstError(schema: z.ZodType, value: unknown): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? "This is not valid.");
}

function setPath(target: Record<string, Record<string, unknown>>, path: string, value: unknown) {
  const [group, key] = path.split(".") as [string, string];
  (target[group] ??= {})[key] = value;
}

async function gatherInput(flags: Record<string, string | boolean | undefined>, interactive: boolean) {
  const input: Record<string, Record<string, unknown>> = { clinic: {}, admin: {} };
  const problems: string[] = [];
  const tty = interactive ? terminal() : null;
  try {
    for (const field of FIELDS) {
      let value = flags[field.flag] as string | undefined;
      if (value !== undefined) {
        const error = firstError(field.schema, value);
        if (error && !tty) problems.push(`--${field.flag}: ${error}`);
        if (error && tty) console.error(`--${field.flag}: ${error}`);
        if (!error) {
          setPath(input, field.path, value);
          continue;
        }
      }
      if (!tty) {
        if (value === undefined) problems.push(`--${field.flag}: missing (${field.prompt}).`);
        continue;
      }
      const suggested = field.flag === "time-zone" ? canonicalTimeZone(localZone()) : null;
      for (;;) {
        value = (await tty.ask(suggested ? `${field.prompt} [${suggested}]` : field.prompt)).trim() || suggested || "";
        const error = firstError(field.schema, value);
        if (!error) break;
        console.error(`  ${error}`);
      }
      setPath(input, field.path, value);
    }

    let password = process.env[PASSWORD_ENV];
    if (password === undefined && flags["admin-password-stdin"]) password = await readStdinLine();
    if (password !== undefined) {
      const error = firstError(adminAccountSchema.shape.password, password);
      if (error) problems.push(`admin password (${PASSWORD_ENV} or stdin): ${error}`);
    } else if (!tty) {
      problems.push(`admin password: missing. Set ${PASSWORD_ENV} or pass --admin-password-stdin.`);
    } else {
      for (;;) {
        password = await tty.askHidden("Admin's password (at least 10 characters; not shown)");
        const error = firstError(adminAccountSchema.shape.password, password);
        if (error) {
          console.error(`  ${error}`);
          continue;
        }
        if ((await tty.askHidden("The same password again")) === password) break;
        console.error("  The two passwords differ. Try again.");
      }
    }
    setPath(input, "admin.password", password);
  } finally {
    tty?.close();
  }
  if (problems.length) throw new InputError(problems.join("\n"));
  return input;
}

function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The database's address without its password, to say where the clinic went. */
function describeDatabase(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
}

async function main() {
  const flags = parseCommandLine();
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const interactive =
    !flags["non-interactive"] &&
    !flags["admin-password-stdin"] &&
    Boolean(process.stdin.isTTY) &&
    Boolean(process.stdout.isTTY);
  // Without a terminal every answer must already be here: check it before touching any database.
  const preset = interactive ? null : await gatherInput(flags, false).catch(reportInputError);

  await withDatabase(async (url) => {
    const applied = await applyMigrations(url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    const prisma = prismaFor(url);
    try {
      if ((await prisma.clinic.count()) > 0) fail([CLINIC_EXISTS_MESSAGE], EXIT_CLINIC_EXISTS);
      if (interactive) console.log(`Setting up a new clinic in ${describeDatabase(url)}.\n`);
      const input = preset ?? (await gatherInput(flags, true).catch(reportInputError));
      const created = await createClinicWithAdmin(prisma, input).catch((e: unknown) => {
        if (isAppError(e) && e.code === "conflict") fail([e.message], EXIT_CLINIC_EXISTS);
        if (isAppError(e) && e.fieldErrors) {
          const flagOf = (path: string) => FIELDS.find((f) => f.path === path)?.flag;
          fail(
            Object.entries(e.fieldErrors).map(([path, messages]) => {
              const flag = flagOf(path);
              return `${flag ? `--${flag}` : path}: ${messages.join(" ")}`;
            }),
            EXIT_INVALID,
          );
        }
        throw e;
      });
      const appUrl = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
      console.log(
        [
          "",
          `Created ${created.clinicName} in ${describeDatabase(url)}, with its admin ${created.adminEmail}.`,
          "",
          "Next steps:",
          '  1. Start Mend against this database (README, "Run Mend for your clinic").',
          `  2. Open ${appUrl}/sign-in and sign in as ${created.adminEmail} with the password you chose.`,
          "  3. You will be asked to set up two-step sign-in: have an authenticator app ready to scan",
          "     the QR code, and keep the recovery codes it then shows somewhere safe.",
          "  4. Then: Booking setup (appointment types, hours), your staff accounts, Clinic settings.",
        ].join("\n"),
      );
    } finally {
      await prisma.$disconnect();
    }
  });
}

function reportInputError(e: unknown): never {
  if (e instanceof InputError) fail([e.message, "Run `npm run setup -- --help` for the flags."], EXIT_INVALID);
  throw e;
}

main().catch((e: unknown) => {
  if (e instanceof SetupExit) {
    for (const line of e.lines) console.error(line);
    process.exitCode = e.exitCode;
    return;
  }
  console.error(`Setup failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
