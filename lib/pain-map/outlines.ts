/**
 * Mend's own body outlines for the CHOIR regions (drawn for this project, not
 * traced). Each view is drawn as its left half on a 200 x 462 grid; the other
 * half is the mirror image across x = 100, so neighbouring regions share edges
 * exactly and nothing can be tapped "between" two regions.
 */
import { MIRROR_CODE, type BodyView, type PainRegionCode } from "./regions";

export const OUTLINE_VIEWBOX = { width: 200, height: 462 } as const;

type Pt = readonly [number, number];

// Shared edges (viewer-left half). Naming the points keeps neighbours identical.
const HEAD_TOP: Pt[] = [
  [100, 5],
  [91, 6],
  [84, 11],
  [80, 19],
  [80, 28],
  [100, 28],
];
const FACE: Pt[] = [
  [80, 28],
  [100, 28],
  [100, 58],
  [92, 56],
  [86, 53],
  [83, 49],
  [79, 46],
  [77, 41],
  [77, 34],
  [80, 32],
];
const NECK_FRONT: Pt[] = [
  [86, 53],
  [92, 56],
  [100, 58],
  [100, 77],
  [87, 71],
  [87, 62],
];
const SHOULDER_EDGE: Pt[] = [
  [87, 71],
  [74, 74],
  [61, 79],
  [51, 87],
  [46, 99],
  [44, 112],
];
const CHEST_SIDE: Pt[] = [
  [64, 106],
  [70, 96],
  [78, 83],
  [87, 71],
];
const UPPER_ARM: Pt[] = [
  [44, 112],
  [58, 114],
  [57, 138],
  [55, 162],
  [39, 160],
  [41, 136],
];
const ELBOW: Pt[] = [
  [39, 160],
  [55, 162],
  [53, 178],
  [35, 176],
];
const FOREARM: Pt[] = [
  [35, 176],
  [53, 178],
  [47, 197],
  [38, 216],
  [24, 212],
  [28, 194],
];
const WRIST: Pt[] = [
  [24, 212],
  [38, 216],
  [36, 228],
  [20, 224],
];
const HAND: Pt[] = [
  [20, 224],
  [36, 228],
  [39, 243],
  [37, 261],
  [32, 270],
  [24, 270],
  [20, 262],
  [18, 249],
  [12, 245],
  [9, 239],
  [13, 234],
  [18, 236],
];
const KNEE: Pt[] = [
  [67, 326],
  [94, 326],
  [93, 354],
  [70, 354],
  [66, 340],
];
const LOWER_LEG: Pt[] = [
  [70, 354],
  [93, 354],
  [92, 381],
  [89, 408],
  [77, 408],
  [72, 382],
];
const ANKLE: Pt[] = [
  [77, 408],
  [89, 408],
  [89, 427],
  [77, 427],
];

const FRONT_HALF: Record<number, Pt[]> = {
  101: HEAD_TOP,
  103: FACE,
  105: NECK_FRONT,
  107: [...SHOULDER_EDGE, [58, 114], ...CHEST_SIDE.slice(0, 3)],
  108: [[87, 71], [100, 77], [100, 172], [86, 170], [71, 166], [69, 140], [68, 112], ...CHEST_SIDE.slice(0, 3)],
  111: UPPER_ARM,
  113: ELBOW,
  115: FOREARM,
  116: [
    [71, 166],
    [86, 170],
    [100, 172],
    [100, 224],
    [92, 222],
    [80, 214],
    [68, 196],
    [70, 186],
  ],
  119: WRIST,
  120: [
    [68, 196],
    [80, 214],
    [78, 240],
    [70, 248],
    [60, 250],
    [60, 228],
    [64, 206],
  ],
  121: [
    [80, 214],
    [92, 222],
    [100, 224],
    [100, 256],
    [88, 250],
    [78, 240],
  ],
  125: HAND,
  126: [
    [60, 250],
    [70, 248],
    [78, 240],
    [88, 250],
    [100, 256],
    [97, 290],
    [94, 326],
    [67, 326],
    [63, 300],
    [60, 272],
  ],
  129: KNEE,
  131: LOWER_LEG,
  133: ANKLE,
  135: [
    [77, 427],
    [89, 427],
    [92, 439],
    [94, 451],
    [88, 457],
    [70, 457],
    [66, 451],
    [72, 439],
  ],
};

const BACK_HALF: Record<number, Pt[]> = {
  201: HEAD_TOP,
  203: [
    [80, 28],
    [100, 28],
    [100, 62],
    [88, 60],
    [83, 49],
    [79, 46],
    [77, 41],
    [77, 34],
    [80, 32],
  ],
  205: [
    [88, 60],
    [100, 62],
    [100, 82],
    [87, 71],
  ],
  207: [...SHOULDER_EDGE, [58, 114], [64, 106], [68, 112], [72, 103], [80, 85]],
  208: [
    [87, 71],
    [100, 82],
    [100, 132],
    [70, 130],
    [69, 120],
    [68, 112],
    [72, 103],
    [80, 85],
  ],
  211: UPPER_ARM,
  212: [
    [70, 130],
    [100, 132],
    [100, 184],
    [70, 184],
    [71, 166],
    [70, 148],
  ],
  215: ELBOW,
  217: FOREARM,
  218: [
    [70, 184],
    [100, 184],
    [100, 214],
    [86, 210],
    [74, 204],
    [68, 196],
  ],
  221: WRIST,
  222: [
    [68, 196],
    [74, 204],
    [80, 216],
    [78, 238],
    [70, 248],
    [60, 250],
    [60, 228],
    [64, 206],
  ],
  223: [
    [74, 204],
    [86, 210],
    [100, 214],
    [100, 258],
    [94, 264],
    [80, 262],
    [70, 248],
    [78, 238],
    [80, 216],
  ],
  227: HAND,
  228: [
    [60, 250],
    [70, 248],
    [80, 262],
    [94, 264],
    [100, 258],
    [97, 290],
    [94, 326],
    [67, 326],
    [63, 300],
    [60, 272],
  ],
  231: KNEE,
  233: LOWER_LEG,
  235: ANKLE,
  237: [
    [77, 427],
    [89, 427],
    [90, 440],
    [92, 451],
    [86, 457],
    [76, 457],
    [72, 451],
    [74, 440],
  ],
};

export type RegionShape = { code: PainRegionCode; view: BodyView; points: string; centroid: { x: number; y: number } };

function centroidOf(pts: Pt[]): { x: number; y: number } {
  // Area-weighted centroid of a simple polygon (shoelace), so arrows start inside odd shapes.
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[(i + 1) % pts.length]!;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  a /= 2;
  return { x: Math.round((cx / (6 * a)) * 10) / 10, y: Math.round((cy / (6 * a)) * 10) / 10 };
}

function shapes(view: BodyView, half: Record<number, Pt[]>): RegionShape[] {
  const out: RegionShape[] = [];
  for (const [codeText, pts] of Object.entries(half)) {
    const code = Number(codeText) as PainRegionCode;
    const mirrored: Pt[] = pts.map(([x, y]) => [OUTLINE_VIEWBOX.width - x, y] as const);
    out.push({ code, view, points: pts.map((p) => p.join(",")).join(" "), centroid: centroidOf(pts) });
    out.push({
      code: MIRROR_CODE[code] as PainRegionCode,
      view,
      points: mirrored.map((p) => p.join(",")).join(" "),
      centroid: centroidOf(mirrored),
    });
  }
  return out.sort((a, b) => a.code - b.code);
}

export const REGION_SHAPES: Record<BodyView, RegionShape[]> = {
  front: shapes("front", FRONT_HALF),
  back: shapes("back", BACK_HALF),
};

const BY_CODE = new Map<number, RegionShape>([...REGION_SHAPES.front, ...REGION_SHAPES.back].map((s) => [s.code, s]));

export function shapeOf(code: PainRegionCode): RegionShape {
  return BY_CODE.get(code)!;
}
