/** `npm run demo:codes`: the current authenticator codes of the demo staff (demo secrets are published). */
import { totpCode, TOTP_PERIOD_SECONDS } from "../lib/auth/mfa-rules";
import { DEMO_STAFF } from "../prisma/seed/demo-data";

const now = Date.now();
const left = TOTP_PERIOD_SECONDS - (Math.floor(now / 1000) % TOTP_PERIOD_SECONDS);
console.log(`Demo staff authenticator codes (valid ~${left} s more; each works once):`);
for (const s of DEMO_STAFF) console.log(`  ${totpCode(s.totpSecret, now)}  ${s.email}`);
console.log("Or add a secret from prisma/seed/demo-data.ts to your authenticator app.");
