import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "@/lib/auth/mfa-crypto";
import {
  checkTotp,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpCode,
  totpStep,
  totpUri,
} from "@/lib/auth/mfa-rules";

// RFC 6238 appendix B test secret ("12345678901234567890" in base32).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("matches the RFC 6238 SHA-1 test vectors (last 6 digits)", () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe("005924");
  });

  it("accepts the current code and one step either side, nothing further", () => {
    const now = 1_800_000_000_000;
    const secret = newTotpSecret();
    for (const offset of [-30_000, 0, 30_000])
      expect(checkTotp(secret, totpCode(secret, now + offset), null, now).ok).toBe(true);
    for (const offset of [-60_000, 60_000])
      expect(checkTotp(secret, totpCode(secret, now + offset), null, now)).toEqual({ ok: false, reason: "wrong" });
  });

  it("accepts a code only once: the same or an earlier step is refused", () => {
    const now = 1_800_000_000_000;
    const secret = newTotpSecret();
    const first = checkTotp(secret, totpCode(secret, now), null, now);
    expect(first).toEqual({ ok: true, step: totpStep(now) });
    expect(checkTotp(secret, totpCode(secret, now), totpStep(now), now)).toEqual({ ok: false, reason: "reused" });
    expect(checkTotp(secret, totpCode(secret, now - 30_000), totpStep(now), now)).toEqual({
      ok: false,
      reason: "reused",
    });
    expect(checkTotp(secret, totpCode(secret, now + 30_000), totpStep(now), now)).toEqual({
      ok: true,
      step: totpStep(now) + 1,
    });
  });

  it("tolerates spaces and refuses anything but six digits", () => {
    const now = 1_800_000_000_000;
    const secret = newTotpSecret();
    const code = totpCode(secret, now);
    expect(checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now).ok).toBe(true);
    for (const bad of ["", "12345", "1234567", "abcdef"])
      expect(checkTotp(secret, bad, null, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("builds an otpauth URI authenticator apps understand", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXP", "maya@clinic.example");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Mend:maya%40clinic\.example\?/);
    expect(uri).toContain("secret=JBSWY3DPEHPK3PXP");
    expect(uri).toContain("period=30");
  });
});

describe("recovery codes", () => {
  it("makes distinct, readable codes and recognises them however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(looksLikeRecoveryCode(code.toUpperCase().replace("-", " "))).toBe(true);
      expect(hashRecoveryCode(code.toUpperCase())).toBe(hashRecoveryCode(code));
    }
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});

describe("sealed TOTP secrets", () => {
  it("round-trips, hides the secret, and refuses the wrong key or a tampered value", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", "key-one");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(sealed, "key-one")).toBe("JBSWY3DPEHPK3PXP");
    expect(() => openSecret(sealed, "key-two")).toThrow();
    const parts = sealed.split(":");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => openSecret(parts.join(":"), "key-one")).toThrow();
  });
});
