import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  delete process.env.TWILIO_AUTH_TOKEN;
});

import { POST } from "@/app/api/sms/inbound/route";
import { db } from "@/lib/db";
import { simulateInboundText } from "@/lib/text-replies/text-reply-log";
import { createAppointmentType } from "../../factories/booking";
import { createClinic, createPatient, createStaffActor, createUser } from "../../factories";

describe("POST /api/sms/inbound without a text provider", () => {
  it("answers 404 and changes nothing", async () => {
    const body = new URLSearchParams({ MessageSid: `SM${"a".repeat(32)}`, From: "+15550000000", To: "+1", Body: "C" });
    const res = await POST(
      new Request("http://localhost/api/sms/inbound", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "x" },
        body,
      }),
      undefined,
    );
    expect(res.status).toBe(404);
    expect(await db.inboundText.count()).toBe(0);
  });

  it("lets an admin simulate a reply from their own clinic's patient, through the same handling", async () => {
    const clinic = await createClinic();
    const admin = await createStaffActor(clinic.id, "admin");
    const therapist = await createUser(clinic.id, "therapist");
    const type = await createAppointmentType(clinic.id, { durationMinutes: 30 });
    const patient = await createPatient(clinic.id);
    await db.patient.update({ where: { id: patient.id }, data: { phone: "+12075550123" } });
    const startsAt = new Date(Math.ceil((Date.now() + 72 * 3_600_000) / 60_000) * 60_000);
    const visit = await db.appointment.create({
      data: {
        clinicId: clinic.id,
        therapistId: therapist.id,
        patientId: patient.id,
        appointmentTypeId: type.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        blockedUntil: new Date(startsAt.getTime() + 30 * 60_000),
        bookedById: therapist.id,
        bookedVia: "staff",
      },
    });
    const result = await simulateInboundText(admin, { from: "+12075550123", body: "yes" });
    expect(result).toMatchObject({ duplicate: false, outcome: "confirmed" });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: visit.id } })).confirmedVia).toBe("text");
    expect(await db.auditEvent.count({ where: { action: "text_reply.simulate", actorId: admin.userId } })).toBe(1);
    await expect(simulateInboundText(admin, { from: "0123", body: "" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { from: expect.any(Array), body: expect.any(Array) },
    });
  });
});
