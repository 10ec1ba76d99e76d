/**
 * FHIR R4 export of a submitted intake: a collection Bundle holding the
 * Patient, a QuestionnaireResponse with every answer, an Observation for the
 * overall pain now, and one Observation per marked region (LOINC 72514-3,
 * body site SNOMED CT + CHOIR code, laterality extension). Pure.
 */
import { regionLabel, regionOf, type PainRegionCode } from "@/lib/pain-map/regions";
import { SNOMED_LATERALITY, SNOMED_SITE_BY_PART } from "@/lib/pain-map/snomed-sites";
import { PAIN_QUALITY_WORD, type PainQuality } from "@/lib/pain-map/schema";
import { NPRS_LOINC } from "@/lib/scoring/nprs-rules";
import { localDateOfDateColumn } from "@/lib/time/date-column";

export const SNOMED = "http://snomed.info/sct";
export const LOINC = "http://loinc.org";
/** CHOIR has no registered FHIR code system; this local URI names it without claiming someone else's URL. */
export const CHOIR_SYSTEM = "urn:mend:codesystem:choir-body-map";
export const LATERALITY_EXTENSION = "http://hl7.org/fhir/StructureDefinition/observation-structureLaterality";

type Json = Record<string, unknown>;

export type FhirIntakeInput = {
  intakeId: string;
  formVersion: string;
  submittedAt: Date;
  patient: { id: string; firstName: string; lastName: string; dateOfBirth: Date };
  answers: unknown;
  nprsNow: number | null;
  marks: readonly {
    code: PainRegionCode;
    intensity: number;
    qualities: readonly string[];
    role: "origin" | "spread";
    spreadFrom: PainRegionCode | null;
  }[];
};

export const PAIN_CODE = {
  coding: [
    { system: LOINC, code: NPRS_LOINC, display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" },
  ],
  text: "Pain intensity 0-10",
};
export const SURVEY = [
  {
    coding: [
      { system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey", display: "Survey" },
    ],
  },
];

/** One QuestionnaireResponse item per answered field; empty answers are left out (FHIR forbids empty values). */
export function questionnaireItems(value: unknown, linkId: string): Json[] {
  if (value === null || value === undefined || value === "") return [];
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) {
      const answer = value.flatMap(answerOf);
      return answer.length ? [{ linkId, answer }] : [];
    }
    const rows = value.map((v, i) => ({
      linkId: `${linkId}.${i}`,
      item: questionnaireItems(v, `${linkId}.${i}`).flatMap((x) => (x.item as Json[]) ?? [x]),
    }));
    const kept = rows.filter((r) => r.item.length);
    return kept.length ? [{ linkId, item: kept }] : [];
  }
  if (typeof value === "object") {
    const children = Object.entries(value as Json).flatMap(([k, v]) => questionnaireItems(v, `${linkId}.${k}`));
    return children.length ? [{ linkId, item: children }] : [];
  }
  const answer = answerOf(value);
  return answer.length ? [{ linkId, answer }] : [];
}

function answerOf(v: unknown): Json[] {
  if (typeof v === "boolean") return [{ valueBoolean: v }];
  if (typeof v === "number") return [Number.isInteger(v) ? { valueInteger: v } : { valueDecimal: v }];
  if (typeof v === "string" && v.trim() !== "") return [{ valueString: v }];
  return [];
}

/**
 * A bundle-local UUID for a resource derived from the intake: the intake's
 * own UUID with its last 12 hex digits replaced by `n`, so exports are stable.
 */
export function derivedId(intakeId: string, n: number): string {
  return `${intakeId.slice(0, 24)}${n.toString(16).padStart(12, "0")}`;
}

export function regionObservation(
  input: Pick<FhirIntakeInput, "intakeId" | "submittedAt">,
  mark: FhirIntakeInput["marks"][number],
  qrRef: string,
  patientRef: string,
): Json {
  const region = regionOf(mark.code);
  const site = SNOMED_SITE_BY_PART[region.part]!;
  const words = mark.qualities.map((q) => PAIN_QUALITY_WORD[q as PainQuality] ?? q);
  const spread =
    mark.role === "spread" && mark.spreadFrom
      ? `; spreads here from ${regionLabel(mark.spreadFrom)}`
      : "; pain starts here";
  return {
    resourceType: "Observation",
    id: derivedId(input.intakeId, mark.code),
    status: "final",
    category: SURVEY,
    code: PAIN_CODE,
    subject: { reference: patientRef },
    effectiveDateTime: input.submittedAt.toISOString(),
    derivedFrom: [{ reference: qrRef }],
    valueInteger: mark.intensity,
    bodySite: {
      extension: [
        {
          url: LATERALITY_EXTENSION,
          valueCodeableConcept: { coding: [{ system: SNOMED, ...SNOMED_LATERALITY[region.side] }] },
        },
      ],
      coding: [
        { system: SNOMED, code: site.code, display: site.display },
        { system: CHOIR_SYSTEM, code: String(mark.code), display: regionLabel(mark.code) },
      ],
      text: regionLabel(mark.code),
    },
    note: [{ text: `${words.length ? words.join(", ") : "no quality given"}${spread}` }],
  };
}

export function buildIntakeFhirBundle(input: FhirIntakeInput, now: Date): Json {
  const patientRef = `urn:uuid:${input.patient.id}`;
  const qrRef = `urn:uuid:${input.intakeId}`;
  const answers = (input.answers ?? {}) as Json;
  const questionnaireResponse = {
    resourceType: "QuestionnaireResponse",
    id: input.intakeId,
    questionnaire: `urn:mend:questionnaire:${input.formVersion}`,
    status: "completed",
    subject: { reference: patientRef },
    source: { reference: patientRef },
    authored: input.submittedAt.toISOString(),
    item: Object.entries(answers).flatMap(([step, value]) => questionnaireItems(value, step)),
  };
  const entries: Json[] = [
    {
      fullUrl: patientRef,
      resource: {
        resourceType: "Patient",
        id: input.patient.id,
        name: [{ family: input.patient.lastName, given: [input.patient.firstName] }],
        birthDate: localDateOfDateColumn(input.patient.dateOfBirth),
      },
    },
    { fullUrl: qrRef, resource: questionnaireResponse },
  ];
  if (input.nprsNow !== null) {
    entries.push({
      fullUrl: `urn:uuid:${derivedId(input.intakeId, 1)}`,
      resource: {
        resourceType: "Observation",
        id: derivedId(input.intakeId, 1),
        status: "final",
        category: SURVEY,
        code: PAIN_CODE,
        subject: { reference: patientRef },
        effectiveDateTime: input.submittedAt.toISOString(),
        derivedFrom: [{ reference: qrRef }],
        valueInteger: input.nprsNow,
        note: [{ text: "Pain right now (overall)" }],
      },
    });
  }
  for (const mark of input.marks) {
    const obs = regionObservation(input, mark, qrRef, patientRef);
    entries.push({ fullUrl: `urn:uuid:${obs.id as string}`, resource: obs });
  }
  return { resourceType: "Bundle", type: "collection", timestamp: now.toISOString(), entry: entries };
}
