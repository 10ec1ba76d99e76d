import { describe, expect, it } from "vitest";
import {
  countryOptions,
  formatPhone,
  invalidPhoneMessage,
  isCountryCode,
  toE164,
} from "@/lib/patients/phone-number-rules";

describe("toE164", () => {
  it("reads a national number in the clinic's country", () => {
    expect(toE164("(201) 555-0123", "US")).toBe("+12015550123");
    expect(toE164("201.555.0123", "US")).toBe("+12015550123");
    expect(toE164("07400 123456", "GB")).toBe("+447400123456");
    expect(toE164("030 123456", "DE")).toBe("+4930123456");
  });

  it("reads a number with + as international, whatever the clinic's country", () => {
    expect(toE164("+44 7400 123456", "US")).toBe("+447400123456");
    expect(toE164("+1 201 555 0123", "GB")).toBe("+12015550123");
  });

  it("refuses what cannot be parsed or is not a valid number", () => {
    expect(toE164("call me", "US")).toBeNull();
    expect(toE164("555-0123", "US")).toBeNull(); // seven digits: no area code
    expect(toE164("(201) 555-01234", "US")).toBeNull();
    expect(toE164("07400 123456", "US")).toBeNull(); // a UK mobile read as American
    expect(toE164("", "US")).toBeNull();
  });

  it("falls back to the US for an unknown country code", () => {
    expect(toE164("(201) 555-0123", "XX")).toBe("+12015550123");
  });
});

describe("formatPhone and the error message", () => {
  it("shows a number of the clinic's country nationally, another internationally", () => {
    expect(formatPhone("+12015550123", "US")).toBe("(201) 555-0123");
    expect(formatPhone("+447400123456", "US")).toBe("+44 7400 123456");
    expect(formatPhone("+447400123456", "GB")).toBe("07400 123456");
    expect(formatPhone(null, "US")).toBe("");
  });

  it("gives an example number in the clinic's country's own format", () => {
    expect(invalidPhoneMessage("US")).toBe("Enter a valid phone number, e.g. (201) 555-0123.");
    expect(invalidPhoneMessage("GB")).toBe("Enter a valid phone number, e.g. 07400 123456.");
  });

  it("knows ISO 3166 alpha-2 codes", () => {
    expect(isCountryCode("GB")).toBe(true);
    expect(isCountryCode("gb")).toBe(false);
    expect(isCountryCode("ZZ")).toBe(false);
    expect(countryOptions().find((c) => c.code === "US")?.name).toBe("United States");
  });
});
