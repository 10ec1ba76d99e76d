/**
 * The exercise library's vocabulary, one `as const` array each, shared by the
 * Prisma enums (same values), zod, the filters and the labels on screen.
 */
export const BODY_AREAS = ["lower_back", "hips", "core", "upper_back", "neck_shoulders", "whole_body"] as const;
export type BodyArea = (typeof BODY_AREAS)[number];
export const BODY_AREA_LABEL: Record<BodyArea, string> = {
  lower_back: "Lower back",
  hips: "Hips and buttocks",
  core: "Core (trunk)",
  upper_back: "Upper back",
  neck_shoulders: "Neck and shoulders",
  whole_body: "Whole body",
};

export const POSITIONS = [
  "standing",
  "sitting",
  "kneeling",
  "hands_and_knees",
  "lying_on_back",
  "lying_on_stomach",
  "lying_on_side",
] as const;
export type Position = (typeof POSITIONS)[number];
export const POSITION_LABEL: Record<Position, string> = {
  standing: "Standing",
  sitting: "Sitting",
  kneeling: "Kneeling",
  hands_and_knees: "On hands and knees",
  lying_on_back: "Lying on your back",
  lying_on_stomach: "Lying on your stomach",
  lying_on_side: "Lying on your side",
};

export const EQUIPMENT = ["mat", "ball", "foam_roller", "wall", "chair", "cushion", "band"] as const;
export type Equipment = (typeof EQUIPMENT)[number];
export const EQUIPMENT_LABEL: Record<Equipment, string> = {
  mat: "Mat or rug",
  ball: "Massage or tennis ball",
  foam_roller: "Foam roller",
  wall: "Wall",
  chair: "Chair",
  cushion: "Cushion or pillow",
  band: "Resistance band",
};

export const DOSAGE_KINDS = ["reps", "hold", "duration"] as const;
export type DosageKind = (typeof DOSAGE_KINDS)[number];

export const SIDES = ["both", "left", "right"] as const;
export type Side = (typeof SIDES)[number];

export const DIFFICULTIES = ["easy", "about_right", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const DIFFICULTY_LABEL: Record<Difficulty, string> = {
  easy: "Easy",
  about_right: "About right",
  hard: "Hard",
};

export const MEDIA_KINDS = ["image", "video"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
