import { z } from "zod";

/**
 * Validated configuration. Read once; a missing or malformed variable fails at
 * start-up with a message naming it, rather than deep inside a request.
 */
const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z
    .string({ error: "required: signs session cookies (openssl rand -base64 32)" })
    .min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  /** Encrypts TOTP secrets at rest; defaults to NEXTAUTH_SECRET. Changing it invalidates enrolled authenticators. */
  MFA_ENCRYPTION_KEY: z.string().min(32).optional(),
  APP_URL: z.url().default("http://localhost:3000"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Mend <no-reply@mend.localhost>"),
  /** "off": this process runs no background work (mail delivery, reminders, audit sealing), e.g. an extra app instance. */
  OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
  /** Where uploaded exercise pictures and videos are kept (served only through an access-checked route). */
  EXERCISE_MEDIA_DIR: z.string().min(1).default(".data/exercise-media"),
  /**
   * Text replies: the provider's auth token, which signs its inbound-message webhooks (X-Twilio-Signature,
   * checked against APP_URL + /api/sms/inbound). Unset: the webhook answers 404 and replies can only be
   * simulated on /clinic/admin/text-replies.
   */
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

/** A production server must not fall back to the development defaults: emailed links would point at localhost. */
function productionProblems(vars: NodeJS.ProcessEnv): string[] {
  if (vars.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (!vars.APP_URL) problems.push("  APP_URL: required in production (the public https:// address of Mend)");
  return problems;
}

export type Env = z.infer<typeof schema>;

/** Keys the audit log's hash chain (HMAC); defaults to NEXTAUTH_SECRET. */
export function auditChainKey(): string {
  return process.env.AUDIT_CHAIN_KEY ?? env().NEXTAUTH_SECRET;
}

export function mfaKeyMaterial(): string {
  return env().MFA_ENCRYPTION_KEY ?? env().NEXTAUTH_SECRET;
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  const lines = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`)),
    ...productionProblems(process.env),
  ];
  if (!parsed.success || lines.length) throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  cached = parsed.data;
  return cached;
}
