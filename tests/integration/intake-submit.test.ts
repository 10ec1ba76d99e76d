import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PUT as putDraft } from "@/app/api/intake/[token]/draft/route";
import { GET as getByToken } from "@/app/api/intake/[token]/route";
import { POST as postSubmit } from "@/app/api/intake/[token]/submit/route";
import { POST as postAccountRoute } from "@/app/api/intake/account/route";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { getIntakeForFilling } from "@/lib/intake/get-intake-for-filling";
import { hasUnacknowledgedEmergencyFlag } from "@/lib/intake/red-flag-status";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";
import { sendIntakeLink } from "@/lib/intake/send-intake-link";
import { submitIntake } from "@/lib/intake/submit-intake";
import { createClinicWithPeople, createPatient } from "../factories";
import { completeInitialAnswers, linkActorFor, ORIGIN, tokenOf } from "../factories/intake";

const json = (method: string, body: unknown) =>
  new Request("http://test/api", {
    method,
    headers: { "content-type": "application/json", "user-agent": ORIGIN.userAgent },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const postAccount = (req: Request) => postAccountRoute(req, {});
const params = (token: string) => ({ params: Promise.resolve({ token }) });

async function linkFor() {
  const people = await createClinicWithPeople();
  const patient = await createPatient(people.clinic.id);
  const sent = await sendIntakeLink(people.frontDesk, patient.id, {});
  return { ...people, patient, sent, token: tokenOf(sent.url) };
}

describe("intake draft API", () => {
  it("answers hostile or malformed drafts with a 4xx and field errors, never a 500, and writes nothing", async () => {
    const { token, sent } = await linkFor();
    const cases: [unknown, number][] = [
      ["{not json", 422],
      [{ answers: "everything", baseRevision: 0 }, 422],
      [{ answers: { painMap: { marks: [{ code: 999 }] } }, baseRevision: 0 }, 422],
      [{ answers: { painMap: { marks: [{ code: 218, intensity: 11 }] } }, baseRevision: 0 }, 422],
      [{ answers: { odi: { sections: [1, 2, 3, 4, 5, 6] } }, baseRevision: 0 }, 422],
      [{ answers: { reason: { reason: "x".repeat(5000) } }, baseRevision: 0 }, 422],
      [{ answers: { redFlags: { saddleNumbness: "maybe" } }, baseRevision: 0 }, 422],
      [{ answers: {}, baseRevision: "0" }, 422],
      ["x".repeat(300 * 1024), 422],
    ];
    for (const [body, status] of cases) {
      const res = await putDraft(json("PUT", body), params(token));
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      const payload = await res.json();
      expect(payload.error.code).toBe("validation");
    }
    const bad = await putDraft(
      json("PUT", { answers: { painMap: { marks: [{ code: 218, intensity: 11 }] } }, baseRevision: 0 }),
      params(token),
    );
    expect((await bad.json()).error.fieldErrors).toHaveProperty(["answers.painMap.marks.0.intensity"]);
    const intake = await db.intake.findUniqueOrThrow({ where: { id: sent.intakeId } });
    expect(intake.revision).toBe(0);
    expect(intake.startedAt).toBeNull();
  });

  it("saves drafts, bumps the revision, and refuses a save based on an older revision (another device)", async () => {
    const { token, sent } = await linkFor();
    const first = await putDraft(
      json("PUT", { answers: { reason: { reason: "Knee" } }, baseRevision: 0, currentStep: "reason" }),
      params(token),
    );
    expect(first.status).toBe(200);
    expect((await first.json()).saved).toMatchObject({ revision: 1, emergency: false });

    // Another device opens the intake and sees what the first typed.
    const other = await getByToken(new Request("http://test"), params(token));
    expect((await other.json()).intake).toMatchObject({
      revision: 1,
      currentStep: "reason",
      answers: { reason: { reason: "Knee" } },
    });

    const stale = await putDraft(
      json("PUT", { answers: { reason: { reason: "Old" } }, baseRevision: 0 }),
      params(token),
    );
    expect(stale.status).toBe(409);
    const intake = await db.intake.findUniqueOrThrow({ where: { id: sent.intakeId } });
    expect(intake.answers).toMatchObject({ reason: { reason: "Knee" } });
    expect(intake.startedAt).not.toBeNull();
  });

  it("an emergency answer raises the flag at once, on the draft, and blocks self-booking until acknowledged", async () => {
    const { token, sent, patient, clinic } = await linkFor();
    const res = await putDraft(
      json("PUT", { answers: { redFlags: { bladderBowel: "yes" } }, baseRevision: 0 }),
      params(token),
    );
    expect((await res.json()).saved.emergency).toBe(true);
    const flags = await db.redFlag.findMany({ where: { intakeId: sent.intakeId } });
    expect(flags).toEqual([
      expect.objectContaining({ ruleId: "bladder_bowel", tier: "emergency", ruleVersion: "ahcpr-1994/mend-1" }),
    ]);
    expect(await hasUnacknowledgedEmergencyFlag(patient.id, clinic.id)).toBe(true);
    // Scoped by clinic: another clinic id sees nothing.
    expect(await hasUnacknowledgedEmergencyFlag(patient.id, randomUUID())).toBe(false);
    // Saving again does not duplicate it.
    await putDraft(json("PUT", { answers: { redFlags: { bladderBowel: "yes" } }, baseRevision: 1 }), params(token));
    expect(await db.redFlag.count({ where: { intakeId: sent.intakeId } })).toBe(1);
  });
});

describe("submitting an intake", () => {
  it("refuses an incomplete intake with field errors by step, and leaves it a draft", async () => {
    const { token, sent } = await linkFor();
    await putDraft(json("PUT", { answers: { reason: { reason: "Back" } }, baseRevision: 0 }), params(token));
    const res = await postSubmit(json("POST", { submissionKey: randomUUID() }), params(token));
    expect(res.status).toBe(422);
    const { error } = await res.json();
    // A save replaces the whole draft (the browser sends all it has), so the contact step is empty here too.
    expect(error.fieldErrors["contact.lastName"]).toEqual(["Enter your last name."]);
    expect(error.fieldErrors["painMap.nprsNow"]).toEqual(["Choose how strong your pain is right now, from 0 to 10."]);
    expect(error.fieldErrors["redFlags.saddleNumbness"]).toEqual(["Please answer this question."]);
    expect((await db.intake.findUniqueOrThrow({ where: { id: sent.intakeId } })).status).toBe("draft");
  });

  it("submits once: scores, pain marks and flags stored; retries with the same key get the same answer", async () => {
    const { token, sent, patient } = await linkFor();
    await putDraft(json("PUT", { answers: completeInitialAnswers(), baseRevision: 0 }), params(token));
    const key = randomUUID();
    // A double click: two submits in flight at once.
    const [a, b] = await Promise.all([
      postSubmit(json("POST", { submissionKey: key }), params(token)),
      postSubmit(json("POST", { submissionKey: key }), params(token)),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [ra, rb] = [(await a.json()).submitted, (await b.json()).submitted];
    expect(ra.intakeId).toBe(rb.intakeId);
    expect(ra.submittedAt).toBe(rb.submittedAt);

    const intake = await db.intake.findUniqueOrThrow({ where: { id: sent.intakeId } });
    expect(intake.status).toBe("submitted");
    expect(intake.painSummary).toBe("Lower back, left: 7/10 aching; spreads to left buttock and left hip");
    expect(intake.scores).toMatchObject({
      nprs: { value: 6, band: "moderate" },
      odi: { display: 35.6, sectionsAnswered: 9, band: "moderate" },
      startBack: { total: 4, subscale: 1, risk: "medium" },
      psfs: { display: 3 },
    });
    expect(await db.painMark.count({ where: { intakeId: intake.id } })).toBe(3);
    const flags = await db.redFlag.findMany({ where: { intakeId: intake.id }, orderBy: { ruleId: "asc" } });
    expect(flags.map((f) => [f.ruleId, f.tier])).toEqual([["tingling_numbness", "routine"]]);
    expect(await db.auditEvent.count({ where: { action: "intake.submit", patientId: patient.id } })).toBe(1);

    // A later retry with the same key: same answer. A different key: the link is dead.
    const retry = await postSubmit(json("POST", { submissionKey: key }), params(token));
    expect(retry.status).toBe(200);
    expect((await retry.json()).submitted.submittedAt).toBe(ra.submittedAt);
    expect((await postSubmit(json("POST", { submissionKey: randomUUID() }), params(token))).status).toBe(410);
    expect((await getByToken(new Request("http://test"), params(token))).status).toBe(410);
    expect((await putDraft(json("PUT", { answers: {}, baseRevision: 1 }), params(token))).status).toBe(410);
  });

  it("refuses to change a submitted intake even from inside the database connection", async () => {
    const { token, sent } = await linkFor();
    await putDraft(json("PUT", { answers: completeInitialAnswers(), baseRevision: 0 }), params(token));
    await postSubmit(json("POST", { submissionKey: randomUUID() }), params(token));
    await expect(db.intake.update({ where: { id: sent.intakeId }, data: { answers: {} } })).rejects.toThrow(
      /submitted and cannot be changed/,
    );
  });

  it("lets a patient without an account choose a password, once, and then sign in as the same patient", async () => {
    const { token, patient } = await linkFor();
    await putDraft(json("PUT", { answers: completeInitialAnswers(), baseRevision: 0 }), params(token));
    const res = await postSubmit(json("POST", { submissionKey: randomUUID() }), params(token));
    const { submitted } = await res.json();
    expect(submitted.hasAccount).toBe(false);
    expect(submitted.accountSetupToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const weak = await postAccount(
      json("POST", { setupToken: submitted.accountSetupToken, email: patient.email, password: "short" }),
    );
    expect(weak.status).toBe(422);
    expect((await weak.json()).error.fieldErrors.password).toEqual(["Use at least 10 characters."]);

    const ok = await postAccount(
      json("POST", {
        setupToken: submitted.accountSetupToken,
        email: patient.email,
        password: "a long enough password",
      }),
    );
    expect(ok.status).toBe(201);
    const linked = await db.patient.findUniqueOrThrow({ where: { id: patient.id }, include: { user: true } });
    expect(linked.user).toMatchObject({ role: "patient", email: patient.email, clinicId: patient.clinicId });

    const again = await postAccount(
      json("POST", {
        setupToken: submitted.accountSetupToken,
        email: "other@test.example",
        password: "a long enough password",
      }),
    );
    expect(again.status).toBe(410);

    const signedIn = await signInWithPassword({ email: patient.email, password: "a long enough password" }, ORIGIN);
    expect(signedIn.userId).toBe(linked.userId);
  });

  it("refuses an email that already has an account, next to the email field", async () => {
    const { token, therapist } = await linkFor();
    await putDraft(json("PUT", { answers: completeInitialAnswers(), baseRevision: 0 }), params(token));
    const { submitted } = await (await postSubmit(json("POST", { submissionKey: randomUUID() }), params(token))).json();
    const staffEmail = (await db.user.findUniqueOrThrow({ where: { id: therapist.userId } })).email;
    const res = await postAccount(
      json("POST", { setupToken: submitted.accountSetupToken, email: staffEmail, password: "a long enough password" }),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).error.fieldErrors.email[0]).toMatch(/already exists/);
  });
});

describe("filling from the portal (signed-in patient)", () => {
  it("a patient fills and submits their own intake; not another patient's; staff cannot fill", async () => {
    const { frontDesk, therapist, patientA, patientB } = await createClinicWithPeople();
    const mine = await sendIntakeLink(frontDesk, patientA.patient.id, {});
    const theirs = await sendIntakeLink(frontDesk, patientB.patient.id, {});

    const opened = await getIntakeForFilling(patientA.actor, mine.intakeId);
    expect(opened.patient.hasAccount).toBe(true);
    await expect(getIntakeForFilling(patientA.actor, theirs.intakeId)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      saveIntakeDraft(patientA.actor, theirs.intakeId, { answers: {}, baseRevision: 0 }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(getIntakeForFilling(therapist, mine.intakeId)).rejects.toMatchObject({ code: "forbidden" });

    await saveIntakeDraft(patientA.actor, mine.intakeId, { answers: completeInitialAnswers(), baseRevision: 0 });
    const done = await submitIntake(patientA.actor, mine.intakeId, { submissionKey: randomUUID() });
    expect(done).toMatchObject({ accountSetupToken: null, hasAccount: true, emergency: false });
    // The link the front desk sent is dead now too.
    await expect(linkActorFor(mine.url)).rejects.toThrow(/used/);
  });
});

describe("age in red-flag rules", () => {
  it("is the patient's age on the clinic's day, not the UTC day", async () => {
    const { sent } = await linkFor();
    // 20 on 15 June: at 02:00 UTC that day it is still 14 June in New York, so the patient is 19 at the clinic.
    await db.patient.update({
      where: { id: (await db.intake.findUniqueOrThrow({ where: { id: sent.intakeId } })).patientId },
      data: { dateOfBirth: new Date("2006-06-15T00:00:00Z") },
    });
    const answers = completeInitialAnswers();
    answers.history = { ...answers.history, onsetAgo: "1_2_weeks" };
    const actor = await linkActorFor(sent.url);
    await saveIntakeDraft(actor, sent.intakeId, { answers, baseRevision: 0 });
    await submitIntake(actor, sent.intakeId, { submissionKey: randomUUID() }, new Date("2026-06-15T02:00:00Z"));
    const flags = await db.redFlag.findMany({ where: { intakeId: sent.intakeId }, select: { ruleId: true } });
    expect(flags.map((f) => f.ruleId)).toContain("age_new_pain");
  });
});
