import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acknowledgeRedFlag } from "@/lib/intake/acknowledge-red-flag";
import { exportIntakeFhir } from "@/lib/intake/export-intake-fhir";
import { getIntakeForReview } from "@/lib/intake/get-intake-for-review";
import { getIntakeStatus } from "@/lib/intake/get-intake-status";
import { getPatientProgress } from "@/lib/intake/get-patient-progress";
import { listRedFlagAlerts } from "@/lib/intake/list-red-flag-alerts";
import { hasUnacknowledgedEmergencyFlag } from "@/lib/intake/red-flag-status";
import { saveIntakeDraft } from "@/lib/intake/save-intake-draft";
import { sendIntakeLink } from "@/lib/intake/send-intake-link";
import { submitIntake } from "@/lib/intake/submit-intake";
import { createClinicWithPeople } from "../factories";
import { completeInitialAnswers, linkActorFor, submittedIntakeFor } from "../factories/intake";

describe("red-flag alerts", () => {
  it("lists open flags emergency first; the front desk sees tier only; a therapist acknowledges with a note", async () => {
    const { frontDesk, therapist, patientA, patientB, clinic } = await createClinicWithPeople();
    // Patient B: a same-day flag (history of cancer). Patient A: an emergency (saddle numbness).
    await submittedIntakeFor(
      frontDesk,
      patientB.patient.id,
      completeInitialAnswers({ redFlags: { ...completeInitialAnswers().redFlags, cancerHistory: "yes" } }),
    );
    const sent = await sendIntakeLink(frontDesk, patientA.patient.id, {});
    const link = await linkActorFor(sent.url);
    await saveIntakeDraft(link, link.intakeId, { answers: { redFlags: { saddleNumbness: "yes" } }, baseRevision: 0 });

    const forTherapist = await listRedFlagAlerts(therapist);
    expect(forTherapist.map((a) => a.tier)).toEqual(["emergency", "same_day", "routine"]);
    expect(forTherapist[0]).toMatchObject({
      patient: { id: patientA.patient.id },
      detail: { label: "Numbness in the saddle area", ruleVersion: "ahcpr-1994/mend-1", intakeId: sent.intakeId },
    });
    const forDesk = await listRedFlagAlerts(frontDesk);
    expect(forDesk.map((a) => [a.tier, a.detail])).toEqual([
      ["emergency", null],
      ["same_day", null],
      ["routine", null],
    ]);
    await expect(listRedFlagAlerts(patientA.actor)).rejects.toMatchObject({ code: "forbidden" });

    const emergency = forTherapist[0]!;
    await expect(acknowledgeRedFlag(frontDesk, emergency.id, { note: "Called patient" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(acknowledgeRedFlag(therapist, emergency.id, { note: "" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { note: expect.any(Array) },
    });
    expect(await hasUnacknowledgedEmergencyFlag(patientA.patient.id, clinic.id)).toBe(true);
    await acknowledgeRedFlag(therapist, emergency.id, { note: "Called patient; advised ED, attended same day." });
    expect(await hasUnacknowledgedEmergencyFlag(patientA.patient.id, clinic.id)).toBe(false);
    await expect(acknowledgeRedFlag(therapist, emergency.id, { note: "Again" })).rejects.toMatchObject({
      code: "conflict",
    });
    const row = await db.redFlag.findUniqueOrThrow({ where: { id: emergency.id } });
    expect(row).toMatchObject({ acknowledgedById: therapist.userId, acknowledgedByName: therapist.name });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "red_flag.acknowledge", recordId: emergency.id },
    });
    expect(audit).toMatchObject({ actorId: therapist.userId, patientId: patientA.patient.id });
    expect((await listRedFlagAlerts(therapist)).map((a) => a.tier)).toEqual(["same_day", "routine"]);
  });

  it("never crosses clinics", async () => {
    const a = await createClinicWithPeople();
    const b = await createClinicWithPeople();
    await submittedIntakeFor(
      a.frontDesk,
      a.patientA.patient.id,
      completeInitialAnswers({ redFlags: { ...completeInitialAnswers().redFlags, legWeakness: "yes" } }),
    );
    const [flag] = await listRedFlagAlerts(a.therapist);
    expect(await listRedFlagAlerts(b.therapist)).toEqual([]);
    await expect(acknowledgeRedFlag(b.therapist, flag!.id, { note: "Not my clinic" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await hasUnacknowledgedEmergencyFlag(a.patientA.patient.id, b.clinic.id)).toBe(false);
  });
});

describe("reading a submitted intake", () => {
  it("clinicians and the patient themself may read it (audited); the front desk and other patients may not", async () => {
    const { frontDesk, therapist, admin, patientA, patientB } = await createClinicWithPeople();
    const { submitted } = await submittedIntakeFor(frontDesk, patientA.patient.id);
    const review = await getIntakeForReview(therapist, submitted.intakeId);
    expect(review.painSummary).toBe("Lower back, left: 7/10 aching; spreads to left buttock and left hip");
    expect(review.marks.map((m) => m.code)).toEqual([218, 223, 222]);
    expect(review.scores.odi).toMatchObject({ display: 35.6, band: "moderate" });
    expect(await db.auditEvent.count({ where: { action: "intake.read", actorId: therapist.userId } })).toBe(1);

    await expect(getIntakeForReview(admin, submitted.intakeId)).resolves.toBeTruthy();
    await expect(getIntakeForReview(patientA.actor, submitted.intakeId)).resolves.toBeTruthy();
    await expect(getIntakeForReview(frontDesk, submitted.intakeId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getIntakeForReview(patientB.actor, submitted.intakeId)).rejects.toMatchObject({ code: "not_found" });
    const other = await createClinicWithPeople();
    await expect(getIntakeForReview(other.therapist, submitted.intakeId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("clinicians can open a draft in progress (an emergency can be raised before submit); patients cannot", async () => {
    const { frontDesk, therapist, patientA } = await createClinicWithPeople();
    const sent = await sendIntakeLink(frontDesk, patientA.patient.id, {});
    const link = await linkActorFor(sent.url);
    const answers = completeInitialAnswers({ redFlags: { legWeakness: "yes" } });
    await saveIntakeDraft(link, link.intakeId, { answers, baseRevision: 0 });
    const draft = await getIntakeForReview(therapist, sent.intakeId);
    expect(draft).toMatchObject({ status: "draft", submittedAt: null, scores: { nprs: { value: 6 } } });
    expect(draft.painSummary).toContain("Lower back, left: 7/10");
    expect(draft.redFlags.map((f) => f.ruleId)).toEqual(["leg_weakness"]);
    await expect(getIntakeForReview(patientA.actor, sent.intakeId)).rejects.toMatchObject({ code: "not_found" });
    await expect(exportIntakeFhir(therapist, sent.intakeId)).rejects.toMatchObject({ code: "conflict" });
  });

  it("the front desk sees status only: not sent, sent, in progress, submitted", async () => {
    const { frontDesk, therapist, patientA } = await createClinicWithPeople();
    const status = () => getIntakeStatus(frontDesk, patientA.patient.id);
    expect((await status()).initial).toBe("not_sent");
    const sent = await sendIntakeLink(frontDesk, patientA.patient.id, {});
    expect(await status()).toMatchObject({ initial: "sent", intakes: [{ link: { state: "active" } }] });
    const link = await linkActorFor(sent.url);
    await saveIntakeDraft(link, link.intakeId, { answers: completeInitialAnswers(), baseRevision: 0 });
    expect((await status()).initial).toBe("in_progress");
    await submitIntake(link, link.intakeId, { submissionKey: randomUUID() });
    const done = await status();
    expect(done).toMatchObject({ initial: "submitted", intakes: [{ link: { state: "used" } }] });
    expect(done.openFlags).toEqual([{ tier: "routine", count: 1 }]);
    // No answers, scores or summary anywhere in what the front desk gets.
    const text = JSON.stringify(done);
    for (const clinical of ["painSummary", "answers", "scores", "Lower back", "aching"])
      expect(text).not.toContain(clinical);
    await expect(getIntakeStatus(patientA.actor, patientA.patient.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getIntakeStatus(therapist, patientA.patient.id)).resolves.toBeTruthy();
  });
});

describe("repeat questionnaires and progress", () => {
  it("a follow-up re-rates the same PSFS activities; progress shows change against the thresholds", async () => {
    const { frontDesk, therapist, patientA } = await createClinicWithPeople();
    const first = await submittedIntakeFor(frontDesk, patientA.patient.id);

    const follow = await sendIntakeLink(frontDesk, patientA.patient.id, { kind: "follow_up" });
    const link = await linkActorFor(follow.url);
    const base = completeInitialAnswers();
    await saveIntakeDraft(link, link.intakeId, {
      baseRevision: 0,
      answers: {
        painMap: {
          nprsNow: 3,
          marks: [
            { code: 218, intensity: 4, qualities: ["stiffness"], role: "origin", spreadFrom: null },
            { code: 219, intensity: 2, qualities: ["aching"], role: "origin", spreadFrom: null },
          ],
        },
        redFlags: base.redFlags,
        // 1+1+1+0+1+1+0+1+0 = 6 / 45 -> 13.3%
        odi: { sections: [1, 1, 1, 0, 1, 1, 0, null, 1, 0] },
        // The names sent here are ignored: follow-ups keep the baseline activities.
        psfs: {
          activities: [
            { activity: "Changed name", rating: 7 },
            { activity: "x", rating: 6 },
            { activity: "y", rating: 5 },
          ],
        },
      },
    });
    await submitIntake(link, link.intakeId, { submissionKey: randomUUID() });

    const progress = await getPatientProgress(therapist, patientA.patient.id);
    expect(progress.intakes.map((i) => i.kind)).toEqual(["initial", "follow_up"]);
    expect(progress.odi.map((r) => r.value)).toEqual([35.6, 13.3]);
    expect(progress.odi[1]!.fromBaseline).toMatchObject({ delta: -22.3, direction: "better", meaningful: true });
    expect(progress.nprs[1]!.fromPrevious).toMatchObject({ delta: -3, direction: "better", meaningful: true });
    expect(progress.psfs.map((r) => r.value)).toEqual([3, 6]);
    expect(progress.psfs[1]!.fromBaseline).toMatchObject({ delta: 3, meaningful: true });
    expect(progress.psfsActivities.map((a) => a.activity)).toEqual([
      "Sitting at my desk",
      "Lifting my toddler",
      "Running",
    ]);
    expect(progress.psfsActivities[1]!.fromBaseline).toMatchObject({ delta: 4, meaningful: true });
    await expect(getPatientProgress(frontDesk, patientA.patient.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(first.submitted.intakeId).toBe(progress.intakes[0]!.id);
  });
});

describe("FHIR export", () => {
  it("exports a QuestionnaireResponse and one pain Observation per region with SNOMED + CHOIR codes and laterality", async () => {
    const { frontDesk, therapist, patientA } = await createClinicWithPeople();
    const { submitted } = await submittedIntakeFor(frontDesk, patientA.patient.id);
    const bundle = (await exportIntakeFhir(therapist, submitted.intakeId)) as {
      resourceType: string;
      type: string;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- FHIR JSON is walked freely in assertions
      entry: { fullUrl: string; resource: Record<string, any> }[];
    };
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const types = bundle.entry.map((e) => e.resource.resourceType);
    expect(types).toEqual([
      "Patient",
      "QuestionnaireResponse",
      "Observation",
      "Observation",
      "Observation",
      "Observation",
    ]);
    for (const e of bundle.entry)
      expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const qr = bundle.entry[1]!.resource;
    expect(qr).toMatchObject({ status: "completed", subject: { reference: `urn:uuid:${patientA.patient.id}` } });
    expect(JSON.stringify(qr.item)).toContain('"linkId":"odi.sections"');

    const lowerBack = bundle.entry.find((e) => e.resource.bodySite?.coding?.[1]?.code === "218")!.resource;
    expect(lowerBack).toMatchObject({
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "72514-3" }] },
      valueInteger: 7,
      bodySite: {
        coding: [
          { system: "http://snomed.info/sct", code: "37822005" },
          { system: "urn:mend:codesystem:choir-body-map", code: "218", display: "Lower back, left" },
        ],
        extension: [
          {
            url: "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality",
            valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: "7771000" }] },
          },
        ],
      },
    });
    // FHIR forbids empty strings and empty arrays anywhere.
    const walk = (v: unknown): void => {
      if (v === "" || (Array.isArray(v) && v.length === 0)) throw new Error("empty value in FHIR output");
      if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(bundle);
    await expect(exportIntakeFhir(frontDesk, submitted.intakeId)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.auditEvent.count({ where: { action: "intake.export_fhir", actorId: therapist.userId } })).toBe(1);
  });
});
