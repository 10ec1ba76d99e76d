/**
 * Is a new registration likely the same person as an existing patient? Same
 * date of birth and a similar name. "Similar" catches what a front desk
 * actually types differently: accents and case ("José" / "Jose"), punctuation
 * and spacing ("O'Brien" / "OBrien", "Mary Ann" / "Maryann"), first and last
 * name swapped, a short form of the first name ("Alex" / "Alexander", "Bob" /
 * "Robert"), a preferred name, and a typo or two. It errs towards asking: a
 * false alarm costs one click ("Register anyway"), a missed duplicate splits
 * a chart in two.
 */

export type PersonName = {
  firstName: string;
  lastName: string;
  preferredName?: string | null;
  /** YYYY-MM-DD */
  dateOfBirth: string;
};

/** Letters that Unicode decomposition does not split into a base letter and an accent. */
const FOLD: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/** Lower case, accents off, punctuation and spacing dropped: the letters a person would read out. */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Common English short forms whose letters are not a prefix of the full name
 * (prefixes such as Alex/Alexander are caught without a list). Kept short on
 * purpose: the rule only needs to raise the question, not settle identity.
 */
const NICKNAMES: Record<string, readonly string[]> = {
  robert: ["bob", "bobby", "rob", "robbie", "bert"],
  william: ["bill", "billy", "will", "liam"],
  richard: ["dick", "rick", "rich"],
  margaret: ["peggy", "maggie", "meg", "greta"],
  elizabeth: ["liz", "beth", "betty", "eliza", "lisa", "libby"],
  katherine: ["kate", "katie", "kathy", "kat"],
  catherine: ["kate", "katie", "cathy", "cat"],
  james: ["jim", "jimmy", "jamie"],
  john: ["jack", "johnny"],
  anthony: ["tony"],
  edward: ["ted", "ed", "eddie", "ned"],
  theodore: ["ted", "teddy", "theo"],
  charles: ["chuck", "charlie"],
  henry: ["hank", "harry"],
  margarita: ["rita"],
  patricia: ["pat", "patty", "trish"],
  rebecca: ["becky", "becca"],
  susan: ["sue", "suzy"],
  deborah: ["debbie", "deb"],
  jennifer: ["jen", "jenny"],
  michael: ["mike", "mick"],
  alexandra: ["sasha", "lexi"],
  alexander: ["sasha", "xander"],
};

/** Edit distance with adjacent swaps (optimal string alignment): "Jonh" is one step from "John". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** Typos allowed for names this long: none for very short names, where one letter makes another name. */
function typoAllowance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** Two normalised names that could be the same person's (either may be a short form of the other). */
export function similarNames(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  // A digit is never a typo in a person's name: names with numbers (imported ids, test fixtures) must match exactly.
  if (/\d/.test(a) || /\d/.test(b)) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return true;
  if (NICKNAMES[long]?.includes(short) || NICKNAMES[short]?.includes(long)) return true;
  return editDistance(a, b) <= typoAllowance(long.length);
}

/** Family names also match on one shared part: "Garcia Lopez" / "Garcia", "Lee-Smith" / "Lee". */
function similarFamilyNames(a: string, b: string): boolean {
  if (similarNames(normaliseName(a), normaliseName(b))) return true;
  const parts = (s: string) =>
    s
      .split(/[\s-]+/)
      .map(normaliseName)
      .filter((p) => p.length >= 3);
  const bs = parts(b);
  return parts(a).some((p) => bs.includes(p));
}

function givenNames(p: PersonName): string[] {
  return [p.firstName, p.preferredName ?? ""].map(normaliseName).filter(Boolean);
}

/** Same date of birth and a similar name, in either order. */
export function isLikelyDuplicate(candidate: PersonName, existing: PersonName): boolean {
  if (candidate.dateOfBirth !== existing.dateOfBirth) return false;
  const given = (x: PersonName, y: PersonName) =>
    givenNames(x).some((gx) => givenNames(y).some((gy) => similarNames(gx, gy)));
  if (given(candidate, existing) && similarFamilyNames(candidate.lastName, existing.lastName)) return true;
  // First and last swapped (a form filled in the other order, or a family-name-first convention).
  return (
    similarNames(normaliseName(candidate.lastName), normaliseName(existing.firstName)) &&
    similarFamilyNames(candidate.firstName, existing.lastName)
  );
}

/** The existing patients a registration may duplicate, in the order given. */
export function likelyDuplicates<P extends PersonName>(candidate: PersonName, existing: readonly P[]): P[] {
  return existing.filter((p) => isLikelyDuplicate(candidate, p));
}
