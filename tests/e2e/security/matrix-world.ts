import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import pg from "pg";
import { DEMO_CLINIC, DEMO_PATIENTS } from "../../../prisma/seed/demo-data";
import { OTHER_CLINIC, readE2eState } from "../e2e-state";
import { personaRequest, type Persona } from "../personas";
import { PROBE_EXERCISE_BODY, type MatrixIds, type PatientRecords } from "./http-matrix-table";

/**
 * What the authorization matrix needs from the running app: ids of real demo
 * records read from the database, throwaway records made through the API as
 * the staff who would make them, and the strings each persona must never see
 * in a response body.
 */
export type MatrixWorld = { ids: MatrixIds; forbiddenText: Record<Persona, string[]> };

export async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: readE2eState().databaseUrl });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

const one = async <T extends pg.QueryResultRow>(db: pg.Client, sql: string, params: unknown[] = []) => {
  const r = await db.query<T>(sql, params);
  if (!r.rows[0]) throw new Error(`no row for: ${sql} ${JSON.stringify(params)}`);
  return r.rows[0];
};

function localDay(offsetDays: number, timeZone = DEMO_CLINIC.timeZone): { date: string; weekday: number } {
  const at = new Date(Date.now() + offsetDays * 86_400_000);
  const date = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    at,
  );
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(
    new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" }).format(at),
  );
  return { date, weekday: weekday + 1 };
}

async function patientRecords(db: pg.Client, email: string): Promise<PatientRecords> {
  const patient = await one<{ id: string }>(db, `SELECT id FROM "Patient" WHERE email = $1`, [email]);
  const intakes = await db.query<{ id: string; status: string }>(
    `SELECT id, status FROM "Intake" WHERE "patientId" = $1 ORDER BY (status = 'submitted') DESC, "createdAt" ASC`,
    [patient.id],
  );
  const appointment = await one<{ id: string }>(
    db,
    `SELECT id FROM "Appointment" WHERE "patientId" = $1 ORDER BY "startsAt" DESC LIMIT 1`,
    [patient.id],
  );
  const program = (
    await db.query<{ id: string; itemId: string }>(
      `SELECT p.id, i.id AS "itemId" FROM "Program" p
         JOIN "ProgramVersion" v ON v."programId" = p.id AND v.version = p."currentVersion"
         JOIN "ProgramItem" i ON i."versionId" = v.id
       WHERE p."patientId" = $1 ORDER BY p.status ASC LIMIT 1`,
      [patient.id],
    )
  ).rows[0];
  const episode = (
    await db.query<{ id: string }>(
      `SELECT id FROM "Episode" WHERE "patientId" = $1 ORDER BY (status = 'discharged') ASC, "createdAt" DESC LIMIT 1`,
      [patient.id],
    )
  ).rows[0];
  return {
    patientId: patient.id,
    intakeId: intakes.rows[0]!.id,
    draftIntakeId: intakes.rows.find((i) => i.status === "draft")?.id ?? null,
    appointmentId: appointment.id,
    programId: program?.id ?? null,
    programItemId: program?.itemId ?? null,
    episodeId: episode?.id ?? null,
  };
}

/** Throwaway records, made through the API by the staff who would make them; archived so no library list shows them. */
async function makeProbes(browser: Browser) {
  const { baseUrl } = readE2eState();
  const tag = randomBytes(3).toString("hex");
  const frontDesk = await personaRequest(browser, "frontDesk", baseUrl);
  const created = await frontDesk.request.post("/api/patients", {
    data: { firstName: "Matrix", lastName: `Probe${tag}`, dateOfBirth: "1990-02-02" },
  });
  if (created.status() !== 201) throw new Error(`probe patient: ${created.status()}`);
  const { patient } = (await created.json()) as { patient: { id: string } };
  const sent = await frontDesk.request.post(`/api/patients/${patient.id}/intake-links`, { data: { kind: "initial" } });
  if (sent.status() !== 201) throw new Error(`probe intake link: ${sent.status()}`);
  const { link } = (await sent.json()) as { link: { url: string } };
  await frontDesk.close();

  const therapist = await personaRequest(browser, "therapist", baseUrl);
  const exercise = async (name: string) => {
    const res = await therapist.request.post("/api/exercises", { data: PROBE_EXERCISE_BODY(name) });
    if (res.status() !== 201) throw new Error(`probe exercise: ${res.status()} ${await res.text()}`);
    return ((await res.json()) as { exercise: { id: string } }).exercise.id;
  };
  const editable = await exercise(`Matrix probe ${tag} editable`);
  const withMedia = await exercise(`Matrix probe ${tag} media`);
  const upload = await therapist.request.post(`/api/exercises/${withMedia}/media`, {
    multipart: {
      file: {
        name: "probe.png",
        mimeType: "image/png",
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]),
      },
    },
  });
  if (upload.status() !== 201) throw new Error(`probe media: ${upload.status()}`);
  const mediaId = ((await upload.json()) as { exercise: { media: { id: string } } }).exercise.media.id;
  for (const id of [editable, withMedia])
    await therapist.request.patch(`/api/exercises/${id}`, { data: { archived: true } });
  // The PUT row renames the editable probe to this name every time (idempotent).
  await therapist.request.put(`/api/exercises/${editable}`, {
    data: PROBE_EXERCISE_BODY(`Matrix probe ${editable.slice(-8)}`),
  });
  await therapist.close();
  return { exerciseId: editable, mediaId, intakeToken: link.url.split("/intake/")[1]! };
}

export async function buildMatrixWorld(browser: Browser): Promise<MatrixWorld> {
  const probe = await makeProbes(browser);
  return withDb(async (db) => {
    const clinic = await one<{ id: string }>(db, `SELECT id FROM "Clinic" WHERE name = $1`, [DEMO_CLINIC.name]);
    const [alex, jordan] = [
      await patientRecords(db, DEMO_PATIENTS[0].email),
      await patientRecords(db, DEMO_PATIENTS[1].email),
    ];
    const other = await one<{ id: string }>(
      db,
      `SELECT p.id FROM "Patient" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1`,
      [OTHER_CLINIC.patientEmail],
    );
    const exercise = await one<{ id: string }>(
      db,
      `SELECT id FROM "Exercise" WHERE "clinicId" = $1 AND "archivedAt" IS NULL ORDER BY name LIMIT 1`,
      [clinic.id],
    );
    const template = await one<{ id: string }>(
      db,
      `SELECT id FROM "ProgramTemplate" WHERE "clinicId" = $1 AND "archivedAt" IS NULL AND name NOT LIKE 'Matrix probe%' ORDER BY "createdAt" LIMIT 1`,
      [clinic.id],
    );
    const type = await one<{ id: string }>(
      db,
      `SELECT id FROM "AppointmentType" WHERE "clinicId" = $1 AND active AND "onlineBookable" ORDER BY name LIMIT 1`,
      [clinic.id],
    );
    const therapist = await one<{ id: string }>(
      db,
      `SELECT id FROM "User" WHERE email = 'maya.chen@harborpoint.example'`,
    );
    const flag = await one<{ id: string }>(
      db,
      `SELECT id FROM "RedFlag" WHERE "patientId" = $1 AND "acknowledgedAt" IS NOT NULL LIMIT 1`,
      [alex.patientId],
    );
    // Clinical detail the front desk must never receive (domain.md, "minimum necessary"), per patient.
    const clinical = await db.query<{ email: string; text: string }>(
      `SELECT p.email, t.text FROM "Patient" p CROSS JOIN LATERAL (
           SELECT i."painSummary" AS text FROM "Intake" i WHERE i."patientId" = p.id
           UNION SELECT i.answers->'reason'->>'reason' FROM "Intake" i WHERE i."patientId" = p.id
           UNION SELECT r.label FROM "RedFlag" r WHERE r."patientId" = p.id) t
         WHERE p."clinicId" = $1 AND t.text IS NOT NULL`,
      [clinic.id],
    );
    const clinicalOf = (email: string) => clinical.rows.filter((r) => r.email === email).map((r) => r.text);

    const yesterday = localDay(-1);
    const ids: MatrixIds = {
      alex,
      jordan,
      otherClinicPatientId: other.id,
      exerciseId: exercise.id,
      templateId: template.id,
      onlineTypeId: type.id,
      therapistId: therapist.id,
      acknowledgedFlagId: flag.id,
      probe,
      dates: {
        today: localDay(0).date,
        yesterday: yesterday.date,
        yesterdayWeekday: yesterday.weekday,
        inTwoWeeks: localDay(14).date,
      },
    };

    const secrets = (p: (typeof DEMO_PATIENTS)[number]) => [
      // Jordan's last name (Lee) is also the other clinic's therapist's first name: match Jordan by first name.
      p.lastName === "Lee" ? p.firstName : p.lastName,
      p.email,
      p.dateOfBirth,
      ...clinicalOf(p.email),
    ];
    const [a, b, c, d] = DEMO_PATIENTS.map(secrets) as [string[], string[], string[], string[]];
    const allClinical = DEMO_PATIENTS.flatMap((p) => clinicalOf(p.email));
    const otherClinicPatient = ["Pat Other", OTHER_CLINIC.patientEmail];
    return {
      ids,
      forbiddenText: {
        anonymous: [...a, ...b, ...c, ...d, ...otherClinicPatient],
        patientA: [...b, ...c, ...d, ...otherClinicPatient],
        patientB: [...a, ...c, ...d, ...otherClinicPatient],
        frontDesk: [...allClinical, ...otherClinicPatient],
        therapist: otherClinicPatient,
        admin: otherClinicPatient,
        otherClinicTherapist: [...a, ...b, ...c, ...d],
      },
    };
  });
}
