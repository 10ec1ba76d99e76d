import { describe, expect, it } from "vitest";
import { splitServerErrors } from "@/components/ui/server-errors";

describe("splitServerErrors: server field errors go beside the form's own fields", () => {
  it("gives each known field its messages, and keeps the rest for the form's summary", () => {
    const { byField, other } = splitServerErrors(
      { email: ["Already used.", "Check it."], "days.2.work": ["Ends before it starts."], name: [] },
      ["name", "email"],
    );
    expect(byField).toEqual({ email: "Already used. Check it." });
    expect(other).toEqual(["Ends before it starts."]);
  });

  it("has nothing to show when the server sent no field errors", () => {
    expect(splitServerErrors(undefined, ["name"])).toEqual({ byField: {}, other: [] });
  });
});
