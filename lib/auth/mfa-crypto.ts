/**
 * TOTP secrets are stored encrypted (AES-256-GCM) so that a copy of the
 * database alone does not hand out everyone's second factor. The key is
 * derived from MFA_ENCRYPTION_KEY, or NEXTAUTH_SECRET when that is unset.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

function keyFrom(material: string): Buffer {
  return Buffer.from(hkdfSync("sha256", material, "mend", "mfa-totp-secret", 32));
}

export function sealSecret(plain: string, keyMaterial: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(keyMaterial), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(
    ":",
  );
}

export function openSecret(sealed: string, keyMaterial: string): string {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unknown sealed-secret format");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(keyMaterial), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
