import { describe, expect, it } from "vitest";
import {
  editDistance,
  isLikelyDuplicate,
  likelyDuplicates,
  normaliseName,
  similarNames,
  type PersonName,
} from "@/lib/patients/duplicate-rules";

const alex: PersonName = { firstName: "Alex", lastName: "Rivera", dateOfBirth: "1986-04-12" };
const dob = alex.dateOfBirth;
const person = (firstName: string, lastName: string, dateOfBirth = dob, preferredName?: string): PersonName => ({
  firstName,
  lastName,
  dateOfBirth,
  preferredName,
});

describe("normaliseName", () => {
  it.each([
    ["José", "jose"],
    ["  O'Brien ", "obrien"],
    ["Mary Ann", "maryann"],
    ["Müller-Lüdenscheidt", "mullerludenscheidt"],
    ["Straße", "strasse"],
    ["Søren", "soren"],
    ["Łukasz", "lukasz"],
    ["ＡＬＥＸ", "alex"],
  ])("%s -> %s", (name, expected) => expect(normaliseName(name)).toBe(expected));
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one step each", () => {
    expect(editDistance("john", "jon")).toBe(1);
    expect(editDistance("rivera", "rviera")).toBe(1);
    expect(editDistance("rivera", "riviera")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});

describe("similarNames", () => {
  it("accepts a short form that is a prefix, a listed nickname, or a typo", () => {
    expect(similarNames("alex", "alexander")).toBe(true);
    expect(similarNames("bob", "robert")).toBe(true);
    expect(similarNames("jon", "john")).toBe(true);
    expect(similarNames("catherine", "katherine")).toBe(true);
  });

  it("does not treat one changed letter of a three-letter name as a typo, or a two-letter prefix as a short form", () => {
    expect(similarNames("sam", "pam")).toBe(false);
    expect(similarNames("al", "alice")).toBe(false);
    expect(similarNames("ann", "amy")).toBe(false);
  });
});

describe("isLikelyDuplicate", () => {
  it.each<[string, PersonName]>([
    ["the same name", person("Alex", "Rivera")],
    ["another case and spacing", person(" ALEX", "rivera ")],
    ["accents", person("Álex", "Rivéra")],
    ["first and last swapped", person("Rivera", "Alex")],
    ["the long form of the first name", person("Alexander", "Rivera")],
    ["a typo in the family name", person("Alex", "Rivero")],
    ["letters swapped in the family name", person("Alex", "Rviera")],
    ["a second family name", person("Alex", "Rivera Santos")],
    ["a hyphenated family name", person("Alex", "Santos-Rivera")],
  ])("flags %s on the same date of birth", (_, candidate) => {
    expect(isLikelyDuplicate(candidate, alex)).toBe(true);
  });

  it("matches the existing patient's preferred name", () => {
    const casey = person("Casey", "Morgan", "1995-01-22", "Case");
    expect(isLikelyDuplicate(person("Case", "Morgan", "1995-01-22"), casey)).toBe(true);
    expect(isLikelyDuplicate(person("Robert", "Lane", "1950-01-01"), person("Bob", "Lane", "1950-01-01"))).toBe(true);
  });

  it("never flags a different date of birth, however alike the names", () => {
    expect(isLikelyDuplicate(person("Alex", "Rivera", "1986-04-13"), alex)).toBe(false);
  });

  it.each<[string, PersonName]>([
    ["another first name", person("Maria", "Rivera")],
    ["another family name", person("Alex", "Thompson")],
    ["a short family name one letter off", person("Alex", "Rio")],
  ])("does not flag %s", (_, candidate) => {
    expect(isLikelyDuplicate(candidate, alex)).toBe(false);
  });

  it("keeps a short different family name apart (Lee / Li)", () => {
    expect(isLikelyDuplicate(person("Jordan", "Li", "1972-09-30"), person("Jordan", "Lee", "1972-09-30"))).toBe(false);
  });
});

describe("likelyDuplicates", () => {
  it("returns only the matching patients, in order", () => {
    const rows = [
      { id: "1", ...person("Alexander", "Rivera") },
      { id: "2", ...person("Jordan", "Rivera") },
      { id: "3", ...person("Rivera", "Alex") },
    ];
    expect(likelyDuplicates(alex, rows).map((r) => r.id)).toEqual(["1", "3"]);
  });
});

describe("names with digits", () => {
  it("match only exactly: a digit is not a typo", () => {
    expect(similarNames("intakea1b2c3", "intakea1b2c4")).toBe(false);
    expect(similarNames("quill1764770000000", "quill1764770000001")).toBe(false);
    expect(similarNames("probe7", "probe7")).toBe(true);
  });
});
