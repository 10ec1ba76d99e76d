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
  /** Text messages over Twilio's REST API (docs/decisions/080); all unset: texts go to the development text inbox. */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "must be a Twilio account SID (AC + 32 hex)")
    .optional(),
  /** The sending number in E.164, or instead TWILIO_MESSAGING_SERVICE_SID (a pool of numbers, MG...). */
  TWILIO_FROM: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 number like +12015550123")
    .optional(),
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, "must be a messaging service SID (MG...)")
    .optional(),
  /** Only for tests and stand-ins: where Twilio's API lives. */
  TWILIO_API_BASE: z.url().default("https://api.twilio.com"),
});

/**
 * Sending is configured all or nothing: a half-set provider would silently send nothing, or fail every
 * text. The auth token alone is allowed: it only checks inbound webhooks (replies received while texts
 * still go to the development inbox, as in the end-to-end tests).
 */
function twilioProblems(vars: NodeJS.ProcessEnv): string[] {
  const set = (k: string) => Boolean(vars[k]);
  const any = ["TWILIO_ACCOUNT_SID", "TWILIO_FROM", "TWILIO_MESSAGING_SERVICE_SID"].some(set);
  if (!any) return [];
  const problems: string[] = [];
  if (!set("TWILIO_ACCOUNT_SID")) problems.push("  TWILIO_ACCOUNT_SID: required when any TWILIO_* is set");
  if (!set("TWILIO_AUTH_TOKEN")) problems.push("  TWILIO_AUTH_TOKEN: required when any TWILIO_* is set");
  if (set("TWILIO_FROM") === set("TWILIO_MESSAGING_SERVICE_SID"))
    problems.push("  TWILIO_FROM / TWILIO_MESSAGING_SERVICE_SID: set exactly one of them (the sender)");
  return problems;
}

export type TwilioConfig = {
  accountSid: string;
  authToken: string;
  sender: { from: string } | { messagingServiceSid: string };
  apiBase: string;
};

/** The SMS provider's settings, or null when texts go to the development text inbox. */
export function twilioConfig(config: Env = env()): TwilioConfig | null {
  if (!config.TWILIO_ACCOUNT_SID || !config.TWILIO_AUTH_TOKEN) return null;
  return {
    accountSid: config.TWILIO_ACCOUNT_SID,
    authToken: config.TWILIO_AUTH_TOKEN,
    sender: config.TWILIO_FROM
      ? { from: config.TWILIO_FROM }
      : { messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID! },
    apiBase: config.TWILIO_API_BASE,
  };
}

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
    ...twilioProblems(process.env),
  ];
  if (!parsed.success || lines.length) throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  cached = parsed.data;
  return cached;
}
