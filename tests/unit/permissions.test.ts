import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, roleHas } from "@/lib/auth/permissions";

describe("role permission table (domain.md, People and what they may do)", () => {
  it("keeps clinical detail from the front desk (minimum necessary)", () => {
    for (const p of ["patient:read:clinical", "intake:read", "program:read", "clinical-note:write"] as const) {
      expect(roleHas("front_desk", p)).toBe(false);
    }
    expect(roleHas("front_desk", "red-flag:read-summary")).toBe(true);
    expect(roleHas("front_desk", "intake-status:read")).toBe(true);
  });

  it("gives patients only their own-record permissions", () => {
    expect(ROLE_PERMISSIONS.patient.every((p) => p.endsWith(":own"))).toBe(true);
  });

  it("keeps clinic settings and staff accounts to admins", () => {
    for (const role of ROLES) {
      expect(roleHas(role, "staff:manage")).toBe(role === "admin");
      expect(roleHas(role, "clinic:configure")).toBe(role === "admin");
      expect(roleHas(role, "audit:read")).toBe(role === "admin");
    }
  });

  it("lets therapists prescribe and acknowledge red flags", () => {
    expect(roleHas("therapist", "program:write")).toBe(true);
    expect(roleHas("therapist", "red-flag:acknowledge")).toBe(true);
    expect(roleHas("therapist", "staff:manage")).toBe(false);
  });

  it("only grants permissions that exist", () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
});
