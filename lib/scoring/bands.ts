/** A score band as data: the first band whose `max` the value does not exceed. */
export type Band<K extends string = string> = { key: K; label: string; max: number; meaning: string };

export function bandOf<K extends string>(bands: readonly Band<K>[], value: number): Band<K> {
  const band = bands.find((b) => value <= b.max);
  if (!band) throw new RangeError(`No band holds ${value}`);
  return band;
}

/** Rounds half away from zero to `digits` decimals (3.55 -> 3.6), avoiding 1.005-style float surprises. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f + Number.EPSILON * f)) / f;
}
