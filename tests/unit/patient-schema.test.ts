import { describe, expect, it } from "vitest";
import { patientSearchSchema, registerPatientSchema, updatePatientSchema } from "@/lib/patients/schema";

const valid = {
  firstName: " Alex ",
  lastName: "Rivera",
  dateOfBirth: "1986-04-12",
  email: "Alex@Example.com",
  phone: "(207) 555-0101",
};

describe("registerPatientSchema", () => {
  it("trims names, lower-cases email and stores the phone as digits", () => {
    const parsed = registerPatientSchema.parse(valid);
    expect(parsed).toMatchObject({ firstName: "Alex", email: "alex@example.com", phone: "2075550101" });
  });

  it("keeps a leading + on international numbers", () => {
    expect(registerPatientSchema.parse({ ...valid, phone: "+44 20 7946 0958" }).phone).toBe("+442079460958");
  });

  it("treats empty optional fields as absent", () => {
    const parsed = registerPatientSchema.parse({ ...valid, email: "", phone: "", preferredName: "" });
    expect(parsed.email).toBeUndefined();
    expect(parsed.phone).toBeUndefined();
    expect(parsed.preferredName).toBeUndefined();
  });

  it.each([
    ["2026-02-30", "That date does not exist."],
    ["12/04/1986", "Enter the date of birth as YYYY-MM-DD."],
    ["2999-01-01", "The date of birth cannot be in the future."],
    ["1850-01-01", "Check the year of birth."],
  ])("explains what is wrong with the date of birth %s", (dateOfBirth, message) => {
    const result = registerPatientSchema.safeParse({ ...valid, dateOfBirth });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === "dateOfBirth")?.message).toBe(message);
  });

  it("names each missing required field", () => {
    const result = registerPatientSchema.safeParse({});
    const fields = result.error?.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["firstName", "lastName", "dateOfBirth"]));
  });
});

describe("updatePatientSchema", () => {
  it("tells absent (unchanged) from empty (cleared)", () => {
    const parsed = updatePatientSchema.parse({ expectedVersion: 2, email: "", phone: "", city: "" });
    expect(parsed).toMatchObject({ expectedVersion: 2, email: null, phone: null, city: null });
    expect(parsed.preferredName).toBeUndefined();
    expect(parsed.firstName).toBeUndefined();
  });

  it("normalises phones like registration does, and an empty therapist choice to none", () => {
    const parsed = updatePatientSchema.parse({
      expectedVersion: 0,
      emergencyContactPhone: "(207) 555-0456",
      primaryTherapistId: "",
      sex: "",
    });
    expect(parsed).toMatchObject({ emergencyContactPhone: "2075550456", primaryTherapistId: null, sex: null });
  });

  it("needs the version the form was loaded with", () => {
    expect(updatePatientSchema.safeParse({ phone: "2075550101" }).success).toBe(false);
  });
});

describe("patientSearchSchema", () => {
  it("leaves inactive patients out unless asked, in JSON or a query string", () => {
    expect(patientSearchSchema.parse({}).includeInactive).toBe(false);
    expect(patientSearchSchema.parse({ includeInactive: true }).includeInactive).toBe(true);
    expect(patientSearchSchema.parse({ includeInactive: "true" }).includeInactive).toBe(true);
    expect(patientSearchSchema.parse({ includeInactive: "false" }).includeInactive).toBe(false);
    expect(patientSearchSchema.safeParse({ includeInactive: "yes" }).success).toBe(false);
  });
});
