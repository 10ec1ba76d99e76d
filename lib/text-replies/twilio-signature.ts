import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Twilio-style webhook signatures (operations.md): X-Twilio-Signature is the
 * Base64 HMAC-SHA1, keyed by the auth token, of the full public URL followed
 * by every POST parameter sorted by name, each as name + value. A name sent
 * more than once contributes each value, in sorted order (as Twilio's own
 * validators do).
 */
export function twilioSignature(authToken: string, url: string, params: Iterable<[string, string]>): string {
  const sorted = [...params].sort(([an, av], [bn, bv]) =>
    an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  const data = url + sorted.map(([name, value]) => name + value).join("");
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** Constant-time comparison, so the time to refuse says nothing about how much of a forged signature was right. */
export function isValidTwilioSignature(
  authToken: string,
  url: string,
  params: Iterable<[string, string]>,
  signature: string | null,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
