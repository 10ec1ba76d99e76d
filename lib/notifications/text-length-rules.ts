/**
 * How many SMS segments a text costs. A text that fits the GSM 03.38 7-bit
 * alphabet takes 160 characters in one message, 153 per part once split (the
 * rest is the concatenation header); one character outside it (an emoji, a
 * curly quote, "ł") makes the whole text UCS-2: 70, then 67 per part. Carriers
 * bill per segment, so the dev inbox shows the count and message writers can
 * keep reminders to one.
 */

// GSM 03.38 basic set (one septet each).
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Extension table: each costs two septets (escape + character).
const GSM_EXTENDED = "^{}\\[~]|€\f";

const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export type TextEncoding = "GSM-7" | "UCS-2";

export type TextLength = {
  encoding: TextEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2: what the segment limits count. */
  units: number;
  segments: number;
};

export function textEncoding(body: string): TextEncoding {
  for (const ch of body) if (!basic.has(ch) && !extended.has(ch)) return "UCS-2";
  return "GSM-7";
}

export function textLength(body: string): TextLength {
  const encoding = textEncoding(body);
  let units = 0;
  if (encoding === "GSM-7") for (const ch of body) units += extended.has(ch) ? 2 : 1;
  else units = body.length; // UTF-16 code units: an emoji outside the BMP counts twice, as on the wire
  const [single, part] = encoding === "GSM-7" ? [160, 153] : [70, 67];
  const segments = units === 0 ? 1 : units <= single ? 1 : Math.ceil(units / part);
  return { encoding, units, segments };
}
