/**
 * The CHOIR Body Map regions (Collaborative Health Outcomes Information
 * Registry, Stanford; Scherrer et al., Pain Reports 2021, doi:10.1097/PR9.0000000000000880).
 * 74 regions: 101-136 on the front, 201-238 on the back, each on one side of
 * the body. Sides are the patient's own: on the front view the patient's right
 * is on the viewer's left, on the back view it is on the viewer's right.
 *
 * One `as const` list feeds the SVG, the zod schemas, FHIR export and the
 * searchable list, so a code can never mean two things.
 */
export const BODY_VIEWS = ["front", "back"] as const;
export type BodyView = (typeof BODY_VIEWS)[number];
export const BODY_SIDES = ["right", "left"] as const;
export type BodySide = (typeof BODY_SIDES)[number];

type PartDef = {
  /** Lower-case name used inside sentences ("spreads to left buttock"). */
  part: string;
  /** Name shown in lists; the view is added where front and back share a part name. */
  label: string;
  /** Extra words a patient might search for. */
  keywords: string;
};

/** Parts in the order the front/back halves are drawn; each appears once per side. */
const FRONT_PARTS: Record<number, PartDef> = {
  101: { part: "head", label: "Head (front)", keywords: "forehead scalp top" },
  103: { part: "face and jaw", label: "Face and jaw", keywords: "cheek ear temple jaw tmj" },
  105: { part: "front of neck", label: "Neck (front)", keywords: "throat" },
  107: { part: "shoulder", label: "Shoulder (front)", keywords: "deltoid collarbone" },
  108: { part: "chest", label: "Chest", keywords: "ribs breast pectoral" },
  111: { part: "upper arm", label: "Upper arm (front)", keywords: "biceps" },
  113: { part: "inner elbow", label: "Elbow (front)", keywords: "elbow crease" },
  115: { part: "forearm", label: "Forearm (front)", keywords: "lower arm" },
  116: { part: "abdomen", label: "Abdomen", keywords: "belly stomach tummy" },
  119: { part: "wrist", label: "Wrist (front)", keywords: "carpal" },
  120: { part: "hip", label: "Hip (front)", keywords: "pelvis hip bone" },
  121: { part: "groin", label: "Groin", keywords: "inguinal pelvis" },
  125: { part: "hand", label: "Hand (palm side)", keywords: "palm fingers thumb" },
  126: { part: "thigh", label: "Thigh (front)", keywords: "quadriceps quads upper leg" },
  129: { part: "knee", label: "Knee (front)", keywords: "kneecap patella" },
  131: { part: "shin", label: "Shin", keywords: "lower leg" },
  133: { part: "ankle", label: "Ankle (front)", keywords: "" },
  135: { part: "foot", label: "Foot (top)", keywords: "toes" },
};

/** Back-view parts on the same half of the picture; that half is the patient's left. */
const BACK_PARTS: Record<number, PartDef> = {
  201: { part: "back of head", label: "Head (back)", keywords: "scalp crown top" },
  203: { part: "base of skull", label: "Back of head and ear", keywords: "occiput ear skull base" },
  205: { part: "back of neck", label: "Neck (back)", keywords: "nape cervical" },
  207: { part: "back of shoulder", label: "Shoulder (back)", keywords: "shoulder blade scapula rotator cuff" },
  208: { part: "upper back", label: "Upper back", keywords: "thoracic trapezius between shoulder blades" },
  211: { part: "back of upper arm", label: "Upper arm (back)", keywords: "triceps" },
  212: { part: "middle back", label: "Middle back", keywords: "mid back thoracic ribs" },
  215: { part: "elbow", label: "Elbow (back)", keywords: "funny bone tennis elbow" },
  217: { part: "back of forearm", label: "Forearm (back)", keywords: "lower arm" },
  218: { part: "lower back", label: "Lower back", keywords: "lumbar low back sciatica spine" },
  221: { part: "back of wrist", label: "Wrist (back)", keywords: "" },
  222: { part: "hip", label: "Hip (side and back)", keywords: "outer hip trochanter" },
  223: { part: "buttock", label: "Buttock", keywords: "glute bottom seat sciatica sacrum" },
  227: { part: "back of hand", label: "Hand (back)", keywords: "knuckles fingers" },
  228: { part: "back of thigh", label: "Thigh (back)", keywords: "hamstring" },
  231: { part: "back of knee", label: "Knee (back)", keywords: "popliteal" },
  233: { part: "calf", label: "Calf", keywords: "lower leg" },
  235: { part: "back of ankle", label: "Ankle (back)", keywords: "achilles heel cord" },
  237: { part: "heel and sole", label: "Heel and sole", keywords: "foot plantar" },
};

/** Each drawn half-region and the code of its mirror image on the other half. */
export const MIRROR_CODE: Record<number, number> = {
  101: 102,
  103: 104,
  105: 106,
  107: 110,
  108: 109,
  111: 112,
  113: 114,
  115: 118,
  116: 117,
  119: 124,
  120: 123,
  121: 122,
  125: 128,
  126: 127,
  129: 130,
  131: 132,
  133: 134,
  135: 136,
  201: 202,
  203: 204,
  205: 206,
  207: 210,
  208: 209,
  211: 214,
  212: 213,
  215: 216,
  217: 220,
  218: 219,
  221: 226,
  222: 225,
  223: 224,
  227: 230,
  228: 229,
  231: 232,
  233: 234,
  235: 236,
  237: 238,
};

export type BodyRegion = {
  code: PainRegionCode;
  view: BodyView;
  side: BodySide;
  part: string;
  label: string;
  keywords: string;
};

export const PAIN_REGION_CODES = [
  101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123,
  124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210,
  211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233,
  234, 235, 236, 237, 238,
] as const;
export type PainRegionCode = (typeof PAIN_REGION_CODES)[number];

function build(): Map<number, BodyRegion> {
  const out = new Map<number, BodyRegion>();
  const add = (parts: Record<number, PartDef>, view: BodyView, drawnSide: BodySide, mirrorSide: BodySide) => {
    for (const [codeText, def] of Object.entries(parts)) {
      const code = Number(codeText);
      const mirror = MIRROR_CODE[code]!;
      out.set(code, { code: code as PainRegionCode, view, side: drawnSide, ...def });
      out.set(mirror, { code: mirror as PainRegionCode, view, side: mirrorSide, ...def });
    }
  };
  // Front: the viewer's left half is the patient's right. Back: it is the patient's left.
  add(FRONT_PARTS, "front", "right", "left");
  add(BACK_PARTS, "back", "left", "right");
  return out;
}

const REGIONS = build();

export const BODY_REGIONS: readonly BodyRegion[] = PAIN_REGION_CODES.map((c) => REGIONS.get(c)!);

export function isPainRegionCode(value: unknown): value is PainRegionCode {
  return typeof value === "number" && REGIONS.has(value);
}

export function regionOf(code: PainRegionCode): BodyRegion {
  return REGIONS.get(code)!;
}

/** "Lower back, left" — for lists and staff views. */
export function regionLabel(code: PainRegionCode): string {
  const r = regionOf(code);
  return `${r.label}, ${r.side}`;
}

/** "Lower back — your left" — for the patient, who the validation study found confuses sides. */
export function regionLabelForPatient(code: PainRegionCode): string {
  const r = regionOf(code);
  return `${r.label} — your ${r.side}`;
}

/** "left lower back" — inside a sentence. */
export function regionPhrase(code: PainRegionCode): string {
  const r = regionOf(code);
  return `${r.side} ${r.part}`;
}

export const CHOIR_ATTRIBUTION =
  "Body regions: CHOIR Body Map, Collaborative Health Outcomes Information Registry, Stanford University.";
