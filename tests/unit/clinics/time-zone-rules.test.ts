import { describe, expect, it } from "vitest";
import { clinicDetailsSchema, timeZoneSchema } from "@/lib/clinics/schema";
import { canonicalTimeZone, supportedTimeZones, timeZonesByArea } from "@/lib/clinics/time-zone-rules";

describe("clinic time zones", () => {
  it("offers exactly the runtime's list, sorted", () => {
    const runtime = Intl.supportedValuesOf("timeZone");
    expect([...supportedTimeZones()].sort()).toEqual([...runtime].sort());
    expect(supportedTimeZones()).toContain("America/New_York");
  });

  it("accepts a listed zone as it is and stores another spelling of it as the list's name", () => {
    expect(canonicalTimeZone("Europe/London")).toBe("Europe/London");
    expect(canonicalTimeZone("europe/london")).toBe("Europe/London");
    expect(canonicalTimeZone("US/Eastern")).toBe("America/New_York");
    const kolkata = canonicalTimeZone("Asia/Kolkata");
    expect(kolkata).not.toBeNull();
    expect(supportedTimeZones()).toContain(kolkata);
  });

  it("refuses what is not a zone", () => {
    for (const bad of ["Mars/Olympus_Mons", "", "New York", "+05:00", "America/New_York\u0000"])
      expect(canonicalTimeZone(bad), bad).toBeNull();
  });

  it("gives the form a field error in words, not a crash", () => {
    const r = timeZoneSchema.safeParse("Mars/Olympus_Mons");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/Choose a time zone from the list/);
    const details = clinicDetailsSchema.safeParse({
      name: " Riverbend ",
      address: "5 Mill Lane",
      phone: "abc",
      email: "HELLO@Riverbend.example",
      timeZone: "Europe/London",
    });
    expect(details.error?.issues.map((i) => i.path.join("."))).toEqual(["phone"]);
  });

  it("groups zones by area for the select, keeping every zone once", () => {
    const groups = timeZonesByArea(["America/Chicago", "Europe/London", "America/New_York", "UTC"]);
    expect(groups).toEqual([
      { area: "America", zones: ["America/Chicago", "America/New_York"] },
      { area: "Europe", zones: ["Europe/London"] },
      { area: "Other", zones: ["UTC"] },
    ]);
  });
});
