import { describe, expect, it } from "vitest";
import { buildFhirRecordBundle, type FhirRecordInput } from "@/lib/episodes/fhir-record-rules";
import { computeScores } from "@/lib/intake/intake-rules";
import { draftAnswersSchema } from "@/lib/intake/schema";
import type { PainRegionCode } from "@/lib/pain-map/regions";
import { completeInitialAnswers } from "../../factories/intake";
import { fhirBundleProblems } from "../../fhir/validate-bundle";

type Json = Record<string, unknown>;

const PATIENT = "0190a000-0000-7000-8000-000000000001";
const EPISODE = "0190a000-0000-7000-8000-0000000000e1";
const INTAKE = "0190a000-0000-7000-8000-0000000000a1";
const VISIT = "0190a000-0000-7000-8000-0000000000b1";

function input(overrides: Partial<FhirRecordInput> = {}): FhirRecordInput {
  const answers = draftAnswersSchema.parse(completeInitialAnswers());
  return {
    patient: { id: PATIENT, firstName: "Ana", lastName: "Silva", dateOfBirth: "1980-05-05" },
    episodes: [
      {
        id: EPISODE,
        status: "active",
        reason: "Low back pain since moving house",
        icd10Code: "M54.50",
        goals: ["Lift my toddler", "Sit at my desk for an hour"],
        visitsPerWeek: 2,
        weeks: 6,
        startDate: "2026-01-05",
        plannedEndDate: "2026-02-15",
        dischargedOn: null,
        createdAt: new Date("2026-01-05T15:00:00Z"),
      },
    ],
    intakes: [
      {
        id: INTAKE,
        formVersion: "2026-01",
        submittedAt: new Date("2026-01-04T18:00:00Z"),
        answers: answers as Record<string, unknown>,
        scores: computeScores(answers),
        marks: answers.painMap!.marks!.map((m) => ({
          code: m.code as PainRegionCode,
          intensity: m.intensity!,
          qualities: m.qualities,
          role: m.role,
          spreadFrom: m.spreadFrom as PainRegionCode | null,
        })),
      },
    ],
    programs: [
      {
        id: "0190a000-0000-7000-8000-0000000000c1",
        episodeId: EPISODE,
        status: "active",
        title: "Back basics",
        startDate: "2026-01-06",
        endDate: null,
        items: [
          {
            id: "i1",
            exerciseName: "Bird dog",
            dosageText: "2 sets of 10",
            timesPerDay: 2,
            daysPerWeek: 5,
            notes: "Slowly",
          },
        ],
      },
    ],
    appointments: [
      {
        id: VISIT,
        episodeId: EPISODE,
        status: "completed",
        startsAt: new Date("2026-01-07T14:00:00Z"),
        endsAt: new Date("2026-01-07T14:45:00Z"),
        typeName: "Follow-up",
        therapistName: "Sam Lee, PT",
      },
    ],
    ...overrides,
  };
}

const resources = (bundle: Json) => (bundle.entry as { resource: Json }[]).map((e) => e.resource);
const ofType = (bundle: Json, type: string) => resources(bundle).filter((r) => r.resourceType === type);
const codeOf = (r: Json) => ((r.code as { coding?: { system: string; code: string }[] }).coding ?? [])[0];

describe("FHIR record bundle", () => {
  const bundle = buildFhirRecordBundle(input(), new Date("2026-02-01T00:00:00Z"));

  it("validates against the R4 schema, every entry too, and every reference resolves inside the Bundle", () => {
    expect(fhirBundleProblems(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
  });

  it("the validator does catch an invalid resource and a dangling reference (the check can fail)", () => {
    const broken = structuredClone(bundle) as Json;
    const entries = broken.entry as { resource: Json }[];
    (entries[0]!.resource as Json).birthDate = "05/05/1980";
    (entries.find((e) => e.resource.resourceType === "Goal")!.resource.subject as Json).reference =
      "urn:uuid:0190a000-0000-7000-8000-00000000dead";
    const problems = fhirBundleProblems(broken);
    expect(problems.some((p) => p.startsWith("entry[0] Patient"))).toBe(true);
    expect(problems.some((p) => p.includes("00000000dead does not resolve"))).toBe(true);
  });

  it("has one QuestionnaireResponse per questionnaire answered", () => {
    const qrs = ofType(bundle, "QuestionnaireResponse");
    expect(qrs.map((q) => (q.item as { linkId: string }[])[0]!.linkId)).toEqual([
      "painMap",
      "odi",
      "startBack",
      "psfs",
    ]);
  });

  it("codes the scores with LOINC where LOINC has a code, and PSFS with the local system", () => {
    const obs = ofType(bundle, "Observation");
    const byCode = new Map(obs.map((o) => [codeOf(o)!.code, o]));
    expect(byCode.get("97909-6")).toMatchObject({ valueQuantity: { value: 35.6, unit: "%" } });
    // Three items agreed plus "very much" bothersome: 4 of 9, distress 1 -> medium risk.
    expect(byCode.get("91351-7")).toMatchObject({ valueInteger: 4 });
    const risk = (byCode.get("91351-7")!.component as Json[])[1] as Json;
    expect(risk).toMatchObject({ valueCodeableConcept: { coding: [{ code: "LA8982-6" }] } });
    expect(codeOf(byCode.get("psfs-mean")!)).toMatchObject({ system: "urn:mend:codesystem:outcome-measures" });
    expect(byCode.get("psfs-mean")).toMatchObject({ valueQuantity: { value: 3 } });
    // NPRS overall plus one per pain-map region (three marked), all LOINC 72514-3.
    expect(obs.filter((o) => codeOf(o)!.code === "72514-3")).toHaveLength(4);
    expect(obs.filter((o) => o.bodySite)).toHaveLength(3);
  });

  it("holds the plan of care as a CarePlan: dates, status, goals, visits and home exercises", () => {
    const [plan] = ofType(bundle, "CarePlan");
    expect(plan).toMatchObject({
      status: "active",
      intent: "plan",
      period: { start: "2026-01-05", end: "2026-02-15" },
    });
    expect(plan!.goal).toHaveLength(2);
    const activity = plan!.activity as Json[];
    const exercise = activity.find((a) => (a.detail as Json | undefined)?.code) as { detail: Json } | undefined;
    expect(activity[0]).toMatchObject({ detail: { scheduledTiming: { repeat: { frequency: 2, periodUnit: "wk" } } } });
    expect(activity[1]).toMatchObject({
      detail: { code: { text: "Bird dog" }, scheduledTiming: { repeat: { frequency: 2, periodUnit: "d" } } },
    });
    expect(String(activity[1]!.detail && (activity[1]!.detail as Json).description)).toContain("2 sets of 10");
    expect(exercise).toBeDefined();
    expect(activity.at(-1)).toEqual({ reference: { reference: `urn:uuid:${VISIT}` } });
    expect(ofType(bundle, "Condition")[0]).toMatchObject({ code: { coding: [{ code: "M54.50" }] } });
  });

  it("maps statuses: a discharged episode's plan is completed, a finished visit fulfilled", () => {
    const base = input();
    const discharged = buildFhirRecordBundle(
      { ...base, episodes: [{ ...base.episodes[0]!, status: "discharged", dischargedOn: "2026-02-10" }] },
      new Date(),
    );
    expect(ofType(discharged, "CarePlan")[0]).toMatchObject({ status: "completed", period: { end: "2026-02-10" } });
    expect(ofType(discharged, "Appointment")[0]).toMatchObject({ status: "fulfilled" });
    expect(fhirBundleProblems(discharged)).toEqual([]);
  });

  it("a record with nothing but the patient is still a valid Bundle", () => {
    const empty = buildFhirRecordBundle(
      input({ episodes: [], intakes: [], programs: [], appointments: [] }),
      new Date(),
    );
    expect(resources(empty).map((r) => r.resourceType)).toEqual(["Patient"]);
    expect(fhirBundleProblems(empty)).toEqual([]);
  });
});
