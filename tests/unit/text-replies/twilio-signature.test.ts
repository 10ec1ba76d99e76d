import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidTwilioSignature, twilioSignature } from "@/lib/text-replies/twilio-signature";

/**
 * Twilio's published example (docs "Webhooks security"; the same vector is in
 * Twilio's own SDK tests): auth token 12345, this URL, these POST parameters.
 */
const TOKEN = "12345";
const URL_ = "https://mycompany.com/myapp.php?foo=1&bar=2";
const PARAMS: Array<[string, string]> = [
  ["To", "+18005551212"],
  ["Caller", "+14158675309"],
  ["Digits", "1234"],
  ["From", "+14158675309"],
  ["CallSid", "CA1234567890ABCDE"],
];
const PUBLISHED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

/** An independent computation (Web Crypto, the string written out by hand), so the test does not check the code against itself. */
async function byHand(): Promise<string> {
  const data =
    "https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675309Digits1234From+14158675309To+18005551212";
  const key = await webcrypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(TOKEN),
    { name: "HMAC", hash: "SHA-1" },
    false,
    ["sign"],
  );
  const mac = await webcrypto.subtle.sign("HMAC", key, new TextEncoder().encode(data));
  return Buffer.from(mac).toString("base64");
}

describe("Twilio webhook signatures", () => {
  it("match Twilio's published example, computed independently", async () => {
    expect(await byHand()).toBe(PUBLISHED);
    expect(twilioSignature(TOKEN, URL_, PARAMS)).toBe(PUBLISHED);
    expect(isValidTwilioSignature(TOKEN, URL_, PARAMS, PUBLISHED)).toBe(true);
  });

  it("refuse a missing signature, a changed parameter, another URL or another token", () => {
    expect(isValidTwilioSignature(TOKEN, URL_, PARAMS, null)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, URL_, PARAMS, "")).toBe(false);
    const changed = PARAMS.map(([k, v]): [string, string] => [k, k === "Digits" ? "9999" : v]);
    expect(isValidTwilioSignature(TOKEN, URL_, changed, PUBLISHED)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, "https://evil.example/myapp.php?foo=1&bar=2", PARAMS, PUBLISHED)).toBe(false);
    expect(isValidTwilioSignature("54321", URL_, PARAMS, PUBLISHED)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, URL_, PARAMS, `${PUBLISHED}x`)).toBe(false);
  });

  it("sorts repeated parameter names by value, so the order they arrive in does not matter", () => {
    const a = twilioSignature("t", "https://x.test/", [
      ["MediaUrl", "b"],
      ["MediaUrl", "a"],
    ]);
    const b = twilioSignature("t", "https://x.test/", [
      ["MediaUrl", "a"],
      ["MediaUrl", "b"],
    ]);
    expect(a).toBe(b);
  });
});
