/**
 * FHIR R4 export of a patient's care: one episode (staff) or the whole record
 * (the patient's own download). A "collection" Bundle (docs/decisions/098):
 * Patient; per submitted intake one QuestionnaireResponse per questionnaire
 * answered (pain map and NPRS, ODI, STarT Back, PSFS) with score Observations
 * derived from it; the pain map as one Observation per region (reusing
 * lib/intake/fhir-rules.ts); per episode a CarePlan (plan of care and home
 * program) with its Goals and diagnosis Condition; the visits as
 * Appointments. Every reference is a urn:uuid fullUrl inside the Bundle. Pure.
 */
import {
  LOINC,
  PAIN_CODE,
  SURVEY,
  derivedId,
  questionnaireItems,
  regionObservation,
  type FhirIntakeInput,
} from "@/lib/intake/fhir-rules";
import type { IntakeScores } from "@/lib/intake/intake-rules";
import type { LocalDate } from "@/lib/time/calendar-rules";

type Json = Record<string, unknown>;

/**
 * Measures LOINC has no code for (PSFS, checked on loinc.org): a local system
 * that names them without inventing LOINC codes (docs/decisions/098).
 */
export const MEND_MEASURES = "urn:mend:codesystem:outcome-measures";
export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
const UCUM = "http://unitsofmeasure.org";

/** LOINC codes confirmed on loinc.org (docs/decisions/098). */
export const OUTCOME_LOINC = {
  odiScore: { code: "97909-6", display: "Oswestry disability index score ODI" },
  startBackTotal: { code: "91351-7", display: "Total score [STarT Back]" },
  startBackDistress: { code: "91350-9", display: "Distress subscore [STarT Back]" },
  startBackRisk: { code: "91352-5", display: "STarT Back Screening risk level" },
} as const;
/** LOINC answer list LL3578-3 for 91352-5. */
const START_BACK_RISK_ANSWER = {
  low: { code: "LA9194-7", display: "Low" },
  medium: { code: "LA8982-6", display: "Medium" },
  high: { code: "LA9193-9", display: "High" },
} as const;

export type FhirRecordIntake = {
  id: string;
  formVersion: string;
  submittedAt: Date;
  answers: Record<string, unknown>;
  scores: Partial<IntakeScores> | null;
  marks: FhirIntakeInput["marks"];
};

export type FhirRecordEpisode = {
  id: string;
  status: "active" | "on_hold" | "discharged";
  reason: string;
  icd10Code: string | null;
  goals: readonly string[];
  visitsPerWeek: number;
  weeks: number;
  startDate: LocalDate;
  plannedEndDate: LocalDate;
  dischargedOn: LocalDate | null;
  createdAt: Date;
};

export type FhirRecordProgram = {
  id: string;
  episodeId: string | null;
  status: "active" | "ended";
  title: string;
  startDate: LocalDate;
  endDate: LocalDate | null;
  items: readonly {
    id: string;
    exerciseName: string;
    dosageText: string;
    timesPerDay: number;
    daysPerWeek: number;
    notes: string | null;
  }[];
};

export type FhirRecordAppointment = {
  id: string;
  episodeId: string | null;
  status: "booked" | "checked_in" | "completed" | "cancelled" | "no_show";
  startsAt: Date;
  endsAt: Date;
  typeName: string;
  therapistName: string;
};

export type FhirRecordInput = {
  patient: { id: string; firstName: string; lastName: string; dateOfBirth: LocalDate };
  episodes: readonly FhirRecordEpisode[];
  intakes: readonly FhirRecordIntake[];
  programs: readonly FhirRecordProgram[];
  appointments: readonly FhirRecordAppointment[];
};

/** The questionnaires of the intake form, by answer step; the NPRS is asked on the pain-map step. */
const QUESTIONNAIRES = [
  { step: "painMap", n: 0x10001, title: "Pain map and pain intensity (NPRS)" },
  { step: "odi", n: 0x10002, title: "Oswestry Disability Index" },
  { step: "startBack", n: 0x10003, title: "STarT Back Screening Tool" },
  { step: "psfs", n: 0x10004, title: "Patient-Specific Functional Scale" },
] as const;

const APPOINTMENT_STATUS = {
  booked: "booked",
  checked_in: "checked-in",
  completed: "fulfilled",
  cancelled: "cancelled",
  no_show: "noshow",
} as const;
const CAREPLAN_STATUS = { active: "active", on_hold: "on-hold", discharged: "completed" } as const;

const urn = (id: string) => `urn:uuid:${id}`;

function scoreObservation(
  id: string,
  patientRef: string,
  qrRef: string,
  effective: Date,
  code: Json,
  value: Json,
  extra: Json = {},
): Json {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    category: SURVEY,
    code,
    subject: { reference: patientRef },
    effectiveDateTime: effective.toISOString(),
    derivedFrom: [{ reference: qrRef }],
    ...value,
    ...extra,
  };
}

function intakeEntries(intake: FhirRecordIntake, patientRef: string): Json[] {
  const entries: Json[] = [];
  const qrRefOf = new Map<string, string>();
  for (const q of QUESTIONNAIRES) {
    const item = questionnaireItems(intake.answers[q.step], q.step);
    if (item.length === 0) continue;
    const id = derivedId(intake.id, q.n);
    qrRefOf.set(q.step, urn(id));
    entries.push({
      fullUrl: urn(id),
      resource: {
        resourceType: "QuestionnaireResponse",
        id,
        questionnaire: `urn:mend:questionnaire:${q.step}:${intake.formVersion}`,
        status: "completed",
        subject: { reference: patientRef },
        source: { reference: patientRef },
        authored: intake.submittedAt.toISOString(),
        item: [{ linkId: q.step, text: q.title, item }],
      },
    });
  }
  const s = intake.scores ?? {};
  const at = intake.submittedAt;
  const push = (n: number, step: string, code: Json, value: Json, extra?: Json) => {
    const qrRef = qrRefOf.get(step);
    if (!qrRef) return;
    const id = derivedId(intake.id, n);
    entries.push({ fullUrl: urn(id), resource: scoreObservation(id, patientRef, qrRef, at, code, value, extra) });
  };
  if (s.nprs)
    push(
      0x20001,
      "painMap",
      PAIN_CODE,
      { valueInteger: s.nprs.value },
      { note: [{ text: "Pain right now (overall)" }] },
    );
  if (s.odi)
    push(
      0x20002,
      "odi",
      { coding: [{ system: LOINC, ...OUTCOME_LOINC.odiScore }], text: "Oswestry Disability Index (%)" },
      { valueQuantity: { value: s.odi.display, unit: "%", system: UCUM, code: "%" } },
    );
  const risk = s.startBack
    ? (START_BACK_RISK_ANSWER as Record<string, { code: string; display: string } | undefined>)[s.startBack.risk]
    : undefined;
  if (s.startBack)
    push(
      0x20003,
      "startBack",
      { coding: [{ system: LOINC, ...OUTCOME_LOINC.startBackTotal }], text: "STarT Back total score (0-9)" },
      { valueInteger: s.startBack.total },
      {
        component: [
          {
            code: { coding: [{ system: LOINC, ...OUTCOME_LOINC.startBackDistress }] },
            valueInteger: s.startBack.subscale,
          },
          ...(risk
            ? [
                {
                  code: { coding: [{ system: LOINC, ...OUTCOME_LOINC.startBackRisk }] },
                  valueCodeableConcept: { coding: [{ system: LOINC, ...risk }], text: `${risk.display} risk` },
                },
              ]
            : []),
        ],
      },
    );
  if (s.psfs)
    push(
      0x20004,
      "psfs",
      {
        coding: [{ system: MEND_MEASURES, code: "psfs-mean", display: "Patient-Specific Functional Scale, mean" }],
        text: "PSFS mean (0-10, higher is better)",
      },
      { valueQuantity: { value: s.psfs.mean, unit: "score", system: UCUM, code: "{score}" } },
      {
        component: s.psfs.activities.map((a) => ({
          code: { coding: [{ system: MEND_MEASURES, code: "psfs-activity" }], text: a.activity },
          valueInteger: a.rating,
        })),
      },
    );
  const painQr = qrRefOf.get("painMap");
  if (painQr)
    for (const mark of intake.marks) {
      const obs = regionObservation({ intakeId: intake.id, submittedAt: at }, mark, painQr, patientRef);
      entries.push({ fullUrl: urn(obs.id as string), resource: obs });
    }
  return entries;
}

function episodeEntries(
  episode: FhirRecordEpisode,
  programs: readonly FhirRecordProgram[],
  appointments: readonly FhirRecordAppointment[],
  patientRef: string,
): Json[] {
  const entries: Json[] = [];
  const conditionId = derivedId(episode.id, 0x30001);
  entries.push({
    fullUrl: urn(conditionId),
    resource: {
      resourceType: "Condition",
      id: conditionId,
      clinicalStatus: {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/condition-clinical",
            code: episode.status === "discharged" ? "resolved" : "active",
          },
        ],
      },
      code: {
        ...(episode.icd10Code ? { coding: [{ system: ICD10CM, code: episode.icd10Code }] } : {}),
        text: episode.reason,
      },
      subject: { reference: patientRef },
      recordedDate: episode.createdAt.toISOString(),
    },
  });
  const goalRefs = episode.goals.map((text, i) => {
    const id = derivedId(episode.id, 0x31000 + i);
    entries.push({
      fullUrl: urn(id),
      resource: {
        resourceType: "Goal",
        id,
        lifecycleStatus: episode.status === "discharged" ? "completed" : "active",
        description: { text },
        subject: { reference: patientRef },
        addresses: [{ reference: urn(conditionId) }],
      },
    });
    return { reference: urn(id) };
  });
  const bounds = { start: episode.startDate, end: episode.dischargedOn ?? episode.plannedEndDate };
  const activity: Json[] = [
    {
      detail: {
        kind: "Appointment",
        code: { text: "Physical therapy visits" },
        status:
          episode.status === "discharged" ? "completed" : episode.status === "on_hold" ? "on-hold" : "in-progress",
        scheduledTiming: {
          repeat: { boundsPeriod: bounds, frequency: episode.visitsPerWeek, period: 1, periodUnit: "wk" },
        },
        description: `${episode.visitsPerWeek} visit${episode.visitsPerWeek === 1 ? "" : "s"} a week for ${episode.weeks} week${episode.weeks === 1 ? "" : "s"}`,
      },
    },
  ];
  for (const program of programs) {
    for (const item of program.items) {
      activity.push({
        detail: {
          code: { text: item.exerciseName },
          status: program.status === "ended" ? "stopped" : "in-progress",
          scheduledTiming: {
            repeat: {
              boundsPeriod: { start: program.startDate, ...(program.endDate ? { end: program.endDate } : {}) },
              frequency: item.timesPerDay,
              period: 1,
              periodUnit: "d",
            },
          },
          description: [
            `Home exercise (${program.title}): ${item.dosageText}`,
            `${item.daysPerWeek} day${item.daysPerWeek === 1 ? "" : "s"} a week`,
            item.notes,
          ]
            .filter(Boolean)
            .join("; "),
        },
      });
    }
  }
  // A visit is a reference only: R4 allows reference or detail on one activity, not both (cpl-3).
  for (const a of appointments) activity.push({ reference: { reference: urn(a.id) } });
  entries.push({
    fullUrl: urn(episode.id),
    resource: {
      resourceType: "CarePlan",
      id: episode.id,
      status: CAREPLAN_STATUS[episode.status],
      intent: "plan",
      category: [{ text: "Physical therapy plan of care" }],
      title: `Plan of care: ${episode.reason}`.slice(0, 200),
      subject: { reference: patientRef },
      period: bounds,
      created: episode.createdAt.toISOString(),
      addresses: [{ reference: urn(conditionId) }],
      ...(goalRefs.length ? { goal: goalRefs } : {}),
      activity,
    },
  });
  return entries;
}

function appointmentEntry(a: FhirRecordAppointment, patientRef: string): Json {
  return {
    fullUrl: urn(a.id),
    resource: {
      resourceType: "Appointment",
      id: a.id,
      status: APPOINTMENT_STATUS[a.status],
      serviceType: [{ text: a.typeName }],
      start: a.startsAt.toISOString(),
      end: a.endsAt.toISOString(),
      participant: [
        { actor: { reference: patientRef }, status: "accepted" },
        { actor: { display: a.therapistName }, status: "accepted" },
      ],
    },
  };
}

export function buildFhirRecordBundle(input: FhirRecordInput, now: Date): Json {
  const patientRef = urn(input.patient.id);
  const entries: Json[] = [
    {
      fullUrl: patientRef,
      resource: {
        resourceType: "Patient",
        id: input.patient.id,
        name: [{ family: input.patient.lastName, given: [input.patient.firstName] }],
        birthDate: input.patient.dateOfBirth,
      },
    },
  ];
  for (const intake of input.intakes) entries.push(...intakeEntries(intake, patientRef));
  for (const episode of input.episodes) {
    entries.push(
      ...episodeEntries(
        episode,
        input.programs.filter((p) => p.episodeId === episode.id),
        input.appointments.filter((a) => a.episodeId === episode.id),
        patientRef,
      ),
    );
  }
  for (const a of input.appointments) entries.push(appointmentEntry(a, patientRef));
  return { resourceType: "Bundle", type: "collection", timestamp: now.toISOString(), entry: entries };
}
