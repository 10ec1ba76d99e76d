import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Before anything reads the environment: uploads go to a throw-away folder.
const mediaDir = mkdtempSync(path.join(tmpdir(), "mend-media-"));
process.env.EXERCISE_MEDIA_DIR = mediaDir;

const { db } = await import("@/lib/db");
const { getExercise } = await import("@/lib/exercises/get-exercise");
const { listExercises, listLibraryMuscles } = await import("@/lib/exercises/list-exercises");
const { openExerciseMedia } = await import("@/lib/exercises/open-exercise-media");
const { createExercise, setExerciseArchived, updateExercise } = await import("@/lib/exercises/save-exercise");
const { uploadExerciseMedia } = await import("@/lib/exercises/upload-exercise-media");
const { saveProgram } = await import("@/lib/programs/save-program");
const { todayIn } = await import("@/lib/time/calendar-rules");
const { createClinic, createClinicWithPeople, createStaffActor } = await import("../factories");
const { itemInput } = await import("../factories/exercises");

const input = (patch: Record<string, unknown> = {}) => ({
  name: "Side plank",
  summary: "Builds the side of the trunk.",
  bodyArea: "core",
  position: "lying_on_side",
  equipment: ["mat"],
  targetMuscles: "Obliques, Quadratus Lumborum, obliques",
  steps: "1. Lie on your side.\n2. Lift your hips.\n\n- Hold.",
  cues: "Keep a straight line",
  cautions: "",
  figureKey: "",
  defaultDosage: { kind: "hold", sets: "3", holdSeconds: "15", side: "both" },
  ...patch,
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

describe("exercise library", () => {
  it("adds an exercise from form input, normalising lists, and finds it by search and filters", async () => {
    const { therapist } = await createClinicWithPeople();
    const created = await createExercise(therapist, input());
    expect(created).toMatchObject({
      targetMuscles: ["obliques", "quadratus lumborum"],
      steps: ["Lie on your side.", "Lift your hips.", "Hold."],
      cues: ["Keep a straight line"],
      cautions: [],
      figureKey: null,
      defaultDosageText: "Hold 15 seconds, 3 times, each side · once a day, every day",
    });
    await createExercise(
      therapist,
      input({ name: "Wall ball release", position: "standing", equipment: ["ball", "wall"], bodyArea: "lower_back" }),
    );

    const names = async (q: Record<string, string>) => (await listExercises(therapist, q)).map((e) => e.name);
    expect(await names({ q: "plank" })).toEqual(["Side plank"]);
    expect(await names({ q: "quadratus" })).toEqual(["Side plank", "Wall ball release"]);
    expect(await names({ q: "plank obliq" })).toEqual(["Side plank"]);
    expect(await names({ q: "100%_" })).toEqual([]);
    expect(await names({ muscle: "quadratus lumborum" })).toEqual(["Side plank", "Wall ball release"]);
    expect(await names({ equipment: "ball" })).toEqual(["Wall ball release"]);
    expect(await names({ position: "lying_on_side", bodyArea: "core" })).toEqual(["Side plank"]);
    expect(await listLibraryMuscles(therapist)).toEqual(["obliques", "quadratus lumborum"]);
  });

  it("refuses bad input with field messages and a duplicate name", async () => {
    const { therapist } = await createClinicWithPeople();
    await expect(
      createExercise(
        therapist,
        input({ name: "", steps: "", bodyArea: "toes", defaultDosage: { kind: "reps", sets: 2 } }),
      ),
    ).rejects.toMatchObject({
      code: "validation",
      fieldErrors: {
        name: ["Enter a name of at least 2 characters."],
        steps: ["Enter at least one step."],
        bodyArea: ["Choose a body area."],
        "defaultDosage.reps": ["Enter the number of reps."],
      },
    });
    await createExercise(therapist, input());
    await expect(createExercise(therapist, input())).rejects.toMatchObject({
      code: "conflict",
      fieldErrors: { name: [expect.any(String)] },
    });
    await expect(listExercises(therapist, { bodyArea: "toes" })).rejects.toMatchObject({ code: "validation" });
  });

  it("edits and archives; archived entries leave the search but can be listed and restored", async () => {
    const { therapist } = await createClinicWithPeople();
    const e = await createExercise(therapist, input());
    const edited = await updateExercise(therapist, e.id, input({ summary: "Changed." }));
    expect(edited.summary).toBe("Changed.");
    await setExerciseArchived(therapist, e.id, true);
    expect(await listExercises(therapist, {})).toEqual([]);
    expect((await listExercises(therapist, { status: "archived" })).map((x) => x.id)).toEqual([e.id]);
    await setExerciseArchived(therapist, e.id, false);
    expect((await getExercise(therapist, e.id)).archived).toBe(false);
  });

  it("keeps each clinic's library to itself and front desk and patients out of it", async () => {
    const { therapist, frontDesk, patientA } = await createClinicWithPeople();
    const e = await createExercise(therapist, input());
    const outsider = await createStaffActor((await createClinic()).id, "admin");
    await expect(getExercise(outsider, e.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateExercise(outsider, e.id, input())).rejects.toMatchObject({ code: "not_found" });
    expect(await listExercises(outsider, {})).toEqual([]);
    await expect(listExercises(frontDesk, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(createExercise(frontDesk, input())).rejects.toMatchObject({ code: "forbidden" });
    await expect(listExercises(patientA.actor, {})).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("exercise pictures and videos", () => {
  it("stores an upload in the configured folder and replaces the previous one", async () => {
    const { therapist } = await createClinicWithPeople();
    const e = await createExercise(therapist, input());
    const first = await uploadExerciseMedia(therapist, e.id, { name: "side plank.png", bytes: PNG });
    const second = await uploadExerciseMedia(therapist, e.id, { name: "../../etc/passwd.png", bytes: PNG });
    expect(second.media?.id).not.toBe(first.media?.id);
    const rows = await db.exerciseMedia.findMany({ where: { exerciseId: e.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.replacedAt === null)).toEqual([false, true]);
    expect(rows[1]!.originalName).not.toContain("/");
    const file = path.join(mediaDir, rows[1]!.storageKey);
    expect(file.startsWith(mediaDir)).toBe(true);
    expect(readFileSync(file)).toEqual(Buffer.from(PNG));
  });

  it("refuses a file whose bytes are not an accepted picture or video, whatever its name", async () => {
    const { therapist } = await createClinicWithPeople();
    const e = await createExercise(therapist, input());
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(uploadExerciseMedia(therapist, e.id, { name: "figure.png", bytes: svg })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { file: ["Upload a PNG, JPEG or WebP picture, or an MP4 or WebM video."] },
    });
    expect(await db.exerciseMedia.count({ where: { exerciseId: e.id } })).toBe(0);
  });

  it("serves a file to prescribers and to a patient whose program uses it, and to nobody else", async () => {
    const { clinic, therapist, frontDesk, patientA, patientB } = await createClinicWithPeople();
    const e = await createExercise(therapist, input());
    const { media } = await uploadExerciseMedia(therapist, e.id, { name: "a.png", bytes: PNG });
    await saveProgram(therapist, patientA.patient.id, {
      baseVersion: null,
      title: "P",
      startDate: todayIn(clinic.timeZone, new Date()),
      items: [itemInput(e.id)],
    });
    const opened = await openExerciseMedia(therapist, media!.id);
    expect(opened.contentType).toBe("image/png");
    expect(existsSync(opened.path)).toBe(true);
    expect((await openExerciseMedia(patientA.actor, media!.id)).path).toBe(opened.path);
    await expect(openExerciseMedia(patientB.actor, media!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(openExerciseMedia(frontDesk, media!.id)).rejects.toMatchObject({ code: "not_found" });
    const outsider = await createStaffActor((await createClinic()).id, "therapist");
    await expect(openExerciseMedia(outsider, media!.id)).rejects.toMatchObject({ code: "not_found" });
  });
});
