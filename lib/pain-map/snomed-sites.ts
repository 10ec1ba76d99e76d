/**
 * SNOMED CT body structures for the CHOIR parts, for FHIR export. Codes are
 * those of DICOM PS3.16 CID 4031 (Common Anatomic Region) and SNOMED's
 * musculoskeletal editorial guide; where SNOMED has no concept as fine as the
 * CHOIR region (e.g. "base of skull" vs "back of head", calf vs lower leg) the
 * nearest broader structure is used: the CHOIR code, sent as a second coding,
 * keeps the exact region. Laterality goes in its own extension (left/right).
 */
type Site = { code: string; display: string };

const HEAD = { code: "69536005", display: "Head structure" };
const NECK = { code: "45048000", display: "Neck structure" };
const BACK = { code: "77568009", display: "Structure of back of trunk" };
const LOWER_LEG = { code: "30021000", display: "Lower leg structure" };
const FOOT = { code: "56459004", display: "Foot structure" };
const KNEE = { code: "72696002", display: "Knee region structure" };
const ELBOW = { code: "16953009", display: "Elbow joint structure" };

export const SNOMED_SITE_BY_PART: Record<string, Site> = {
  head: HEAD,
  "face and jaw": HEAD,
  "front of neck": NECK,
  "back of neck": NECK,
  shoulder: { code: "16982005", display: "Shoulder region structure" },
  "back of shoulder": { code: "16982005", display: "Shoulder region structure" },
  chest: { code: "816094009", display: "Chest" },
  "upper arm": { code: "40983000", display: "Upper arm structure" },
  "back of upper arm": { code: "40983000", display: "Upper arm structure" },
  "inner elbow": ELBOW,
  elbow: ELBOW,
  forearm: { code: "14975008", display: "Forearm structure" },
  "back of forearm": { code: "14975008", display: "Forearm structure" },
  abdomen: { code: "818981001", display: "Abdomen" },
  wrist: { code: "8205005", display: "Wrist region structure" },
  "back of wrist": { code: "8205005", display: "Wrist region structure" },
  hip: { code: "29836001", display: "Hip region structure" },
  groin: { code: "26893007", display: "Inguinal region structure" },
  hand: { code: "85562004", display: "Hand structure" },
  "back of hand": { code: "85562004", display: "Hand structure" },
  thigh: { code: "68367000", display: "Thigh structure" },
  "back of thigh": { code: "68367000", display: "Thigh structure" },
  knee: KNEE,
  "back of knee": KNEE,
  shin: LOWER_LEG,
  calf: LOWER_LEG,
  ankle: { code: "344001", display: "Ankle region structure" },
  "back of ankle": { code: "344001", display: "Ankle region structure" },
  foot: FOOT,
  "heel and sole": FOOT,
  "back of head": HEAD,
  "base of skull": { code: "43631005", display: "Occipital region structure" },
  "upper back": BACK,
  "middle back": BACK,
  "lower back": { code: "37822005", display: "Lower back structure" },
  buttock: { code: "46862004", display: "Buttock structure" },
};

export const SNOMED_LATERALITY = {
  left: { code: "7771000", display: "Left" },
  right: { code: "24028007", display: "Right" },
} as const;
