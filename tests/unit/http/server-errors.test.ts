import { describe, expect, it } from "vitest";
import { shownFields, splitServerErrors } from "@/components/ui/server-errors";

describe("splitServerErrors: server field errors go beside the form's own fields", () => {
  it("gives each known field its messages, and keeps the rest for the form's summary", () => {
    const { byField, other } = splitServerErrors(
      { email: ["Already used.", "Check it."], "days.2.work": ["Ends before it starts."], name: [] },
      shownFields(["name", "email"], new Set()),
    );
    expect(byField).toEqual({ email: "Already used. Check it." });
    expect(other).toEqual(["Ends before it starts."]);
  });

  it("puts a nested item's error beside that item's field when the form rendered it", () => {
    const rendered = new Set(["items.0.dosage.sets", "items.2.dosage.sets", "items.2.exerciseId"]);
    const { byField, other } = splitServerErrors(
      {
        "items.2.dosage.sets": ["Use at most 10 sets."],
        "items.2.exerciseId": ["That exercise is archived."],
        "items.7.dosage.sets": ["Use at least 1 sets."],
        items: ["Add at least one exercise."],
      },
      shownFields(["title", "items"], rendered),
    );
    expect(byField).toEqual({
      "items.2.dosage.sets": "Use at most 10 sets.",
      "items.2.exerciseId": "That exercise is archived.",
      items: "Add at least one exercise.",
    });
    // A row the form no longer shows still reaches the user in the summary.
    expect(other).toEqual(["Use at least 1 sets."]);
  });

  it("does not take a nested path for shown because its top-level value is", () => {
    const shows = shownFields(["defaultDosage"], new Set());
    expect(shows("defaultDosage")).toBe(true);
    expect(shows("defaultDosage.sets")).toBe(false);
  });

  it("has nothing to show when the server sent no field errors", () => {
    expect(splitServerErrors(undefined, shownFields(["name"], new Set()))).toEqual({ byField: {}, other: [] });
  });
});
