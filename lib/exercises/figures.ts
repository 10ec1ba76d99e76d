/**
 * Our own line drawings of each exercise: side-view stick figures defined as
 * data, so the same drawing renders as SVG on screen (components/exercises/
 * exercise-figure.tsx) and as vector graphics in the PDF handout. Black on
 * white, so it prints in black and white. Far-side limbs are drawn lighter.
 */
type Pt = readonly [number, number];

export type Pose = {
  head: Pt;
  neck: Pt;
  hip: Pt;
  /** Bends the back through this point (cat arches up, cow sags). */
  mid?: Pt;
  nearArm: readonly [elbow: Pt, hand: Pt];
  farArm: readonly [elbow: Pt, hand: Pt];
  nearLeg: readonly [knee: Pt, foot: Pt];
  farLeg: readonly [knee: Pt, foot: Pt];
  /** Front view: both sides drawn at full weight. */
  front?: boolean;
};

export type Prop =
  | { kind: "ball"; at: Pt; r: number }
  | { kind: "roller"; at: Pt; r: number }
  | { kind: "wall"; x: number }
  | { kind: "block"; x: number; y: number; w: number; h: number }
  | { kind: "arrow"; from: Pt; to: Pt; via?: Pt };

export type Panel = { pose: Pose; props?: Prop[]; caption?: string };
export type Figure = { description: string; panels: Panel[] };

export const PANEL_WIDTH = 160;
export const PANEL_HEIGHT = 124;
const FLOOR = 112;

// Shared bodies, adjusted per exercise.
const quadruped = (dx = 0): Pose => ({
  head: [110 + dx, 72],
  neck: [98 + dx, 78],
  hip: [48 + dx, 86],
  nearArm: [
    [98 + dx, 95],
    [98 + dx, FLOOR],
  ],
  farArm: [
    [94 + dx, 95],
    [94 + dx, FLOOR],
  ],
  nearLeg: [
    [48 + dx, FLOOR - 2],
    [20 + dx, FLOOR],
  ],
  farLeg: [
    [44 + dx, FLOOR - 2],
    [16 + dx, FLOOR],
  ],
});

const standing: Pose = {
  head: [80, 19],
  neck: [80, 30],
  hip: [80, 64],
  nearArm: [
    [82, 48],
    [84, 64],
  ],
  farArm: [
    [78, 48],
    [76, 64],
  ],
  nearLeg: [
    [82, 88],
    [84, FLOOR],
  ],
  farLeg: [
    [78, 88],
    [76, FLOOR],
  ],
};

const onBackKneesBent: Pose = {
  head: [22, 103],
  neck: [32, 108],
  hip: [70, 108],
  nearArm: [
    [48, 109],
    [62, 109],
  ],
  farArm: [
    [46, 108],
    [60, 108],
  ],
  nearLeg: [
    [90, 86],
    [108, FLOOR],
  ],
  farLeg: [
    [88, 86],
    [104, FLOOR],
  ],
};

const onStomach: Pose = {
  head: [132, 104],
  neck: [120, 108],
  hip: [80, 108],
  nearArm: [
    [102, 110],
    [86, 110],
  ],
  farArm: [
    [100, 109],
    [84, 109],
  ],
  nearLeg: [
    [54, 110],
    [28, 110],
  ],
  farLeg: [
    [54, 109],
    [28, 109],
  ],
};

export const FIGURES = {
  cat_cow: {
    description: "On hands and knees: round your back up like a cat, then let it sag gently like a cow.",
    panels: [
      { caption: "Cat", pose: { ...quadruped(), mid: [73, 64], head: [106, 86] } },
      { caption: "Cow", pose: { ...quadruped(), mid: [73, 94], head: [110, 66] } },
    ],
  },
  childs_pose_side_bend: {
    description:
      "Kneeling, sitting back on your heels with arms stretched forward on the floor, then walking both hands to one side.",
    panels: [
      {
        caption: "Walk hands to one side",
        pose: {
          head: [90, 103],
          neck: [80, 100],
          hip: [44, 92],
          nearArm: [
            [100, 108],
            [122, 110],
          ],
          farArm: [
            [98, 107],
            [118, 109],
          ],
          nearLeg: [
            [72, 110],
            [40, FLOOR],
          ],
          farLeg: [
            [70, 109],
            [38, FLOOR],
          ],
        },
        props: [{ kind: "arrow", from: [108, 90], via: [124, 84], to: [138, 96] }],
      },
    ],
  },
  bird_dog: {
    description:
      "On hands and knees, reach one arm forward and the opposite leg back until both are level with your back.",
    panels: [
      {
        pose: {
          ...quadruped(10),
          nearArm: [
            [124, 76],
            [142, 74],
          ],
          farLeg: [
            [34, 85],
            [10, 84],
          ],
        },
      },
    ],
  },
  standing_rotation: {
    description:
      "Standing tall with arms crossed on your chest, turning your upper body slowly to one side and then the other.",
    panels: [
      {
        pose: {
          ...standing,
          nearArm: [
            [92, 44],
            [82, 38],
          ],
          farArm: [
            [90, 46],
            [78, 40],
          ],
        },
        props: [{ kind: "arrow", from: [56, 50], via: [80, 66], to: [104, 50] }],
      },
    ],
  },
  donkey_kick: {
    description: "On hands and knees, lift one bent leg so the sole of the foot pushes up toward the ceiling.",
    panels: [
      {
        pose: {
          ...quadruped(10),
          farLeg: [
            [34, 84],
            [34, 60],
          ],
        },
        props: [{ kind: "arrow", from: [22, 78], to: [22, 56] }],
      },
    ],
  },
  kneeling_hip_flexor: {
    description:
      "Half-kneeling on a cushion with one foot forward, tucking the tail under and shifting the hips gently forward.",
    panels: [
      {
        pose: {
          head: [77, 41],
          neck: [76, 52],
          hip: [74, 86],
          nearArm: [
            [66, 68],
            [72, 82],
          ],
          farArm: [
            [84, 68],
            [78, 82],
          ],
          nearLeg: [
            [100, 86],
            [102, FLOOR],
          ],
          farLeg: [
            [64, 108],
            [38, FLOOR],
          ],
        },
        props: [
          { kind: "block", x: 54, y: 106, w: 22, h: 6 },
          { kind: "arrow", from: [86, 94], to: [98, 94] },
        ],
      },
    ],
  },
  seal_stretch: {
    description: "Lying on your stomach, pushing up on straight arms while your hips stay on the floor.",
    panels: [
      {
        pose: {
          head: [104, 70],
          neck: [96, 80],
          hip: [64, 108],
          nearArm: [
            [98, 96],
            [100, FLOOR],
          ],
          farArm: [
            [95, 96],
            [96, FLOOR],
          ],
          nearLeg: [
            [40, 110],
            [14, 110],
          ],
          farLeg: [
            [40, 109],
            [14, 109],
          ],
        },
      },
    ],
  },
  diaphragmatic_breathing: {
    description: "Lying on your back with knees bent, one hand on your belly, breathing in so the belly rises.",
    panels: [
      {
        pose: {
          ...onBackKneesBent,
          nearArm: [
            [46, 100],
            [58, 100],
          ],
          farArm: [
            [40, 101],
            [48, 100],
          ],
        },
        props: [{ kind: "arrow", from: [58, 92], to: [58, 76] }],
      },
    ],
  },
  knee_to_chest: {
    description: "Lying on your back, drawing one knee toward your chest with both hands while the other leg rests.",
    panels: [
      {
        pose: {
          head: [22, 103],
          neck: [32, 108],
          hip: [68, 108],
          nearArm: [
            [44, 94],
            [56, 86],
          ],
          farArm: [
            [42, 96],
            [54, 88],
          ],
          nearLeg: [
            [56, 86],
            [78, 80],
          ],
          farLeg: [
            [94, 109],
            [120, 110],
          ],
        },
      },
    ],
  },
  pelvic_tilt: {
    description: "Lying on your back with knees bent, flattening the small of your back gently into the floor.",
    panels: [{ pose: onBackKneesBent, props: [{ kind: "arrow", from: [56, 90], to: [56, 104] }] }],
  },
  ql_stretch: {
    description:
      "Standing (seen from the front), reaching one arm over your head and bending your upper body to the opposite side.",
    panels: [
      {
        pose: {
          front: true,
          head: [66, 22],
          neck: [70, 33],
          mid: [80, 48],
          hip: [80, 66],
          nearArm: [
            [84, 17],
            [64, 6],
          ],
          farArm: [
            [60, 46],
            [56, 60],
          ],
          nearLeg: [
            [74, 89],
            [70, FLOOR],
          ],
          farLeg: [
            [86, 89],
            [90, FLOOR],
          ],
        },
        props: [{ kind: "arrow", from: [104, 30], via: [96, 10], to: [80, 4] }],
      },
    ],
  },
  plank: {
    description: "Holding your body in a straight line from head to heels on your forearms and toes.",
    panels: [
      {
        pose: {
          head: [130, 80],
          neck: [120, 86],
          hip: [74, 96],
          nearArm: [
            [118, FLOOR],
            [140, FLOOR],
          ],
          farArm: [
            [115, FLOOR - 1],
            [136, FLOOR - 1],
          ],
          nearLeg: [
            [46, 104],
            [18, FLOOR],
          ],
          farLeg: [
            [46, 103],
            [16, FLOOR - 1],
          ],
        },
      },
    ],
  },
  ball_release_wall: {
    description: "Standing with your back to a wall, a ball between the wall and the tight spot, leaning in to press.",
    panels: [
      {
        pose: {
          head: [60, 22],
          neck: [58, 33],
          hip: [60, 67],
          nearArm: [
            [64, 50],
            [70, 64],
          ],
          farArm: [
            [62, 50],
            [66, 65],
          ],
          nearLeg: [
            [72, 90],
            [78, FLOOR],
          ],
          farLeg: [
            [70, 90],
            [74, FLOOR],
          ],
        },
        props: [
          { kind: "wall", x: 42 },
          { kind: "ball", at: [49, 62], r: 6 },
        ],
      },
    ],
  },
  foam_roll: {
    description:
      "Sitting on a foam roller with hands on the floor behind you, rolling slowly back and forth over the buttock.",
    panels: [
      {
        pose: {
          head: [34, 50],
          neck: [40, 60],
          hip: [58, 90],
          nearArm: [
            [32, 86],
            [24, FLOOR],
          ],
          farArm: [
            [34, 85],
            [27, FLOOR],
          ],
          nearLeg: [
            [84, 80],
            [104, FLOOR],
          ],
          farLeg: [
            [82, 82],
            [100, FLOOR],
          ],
        },
        props: [
          { kind: "roller", at: [58, 101], r: 11 },
          { kind: "arrow", from: [40, 120], to: [76, 120] },
        ],
      },
    ],
  },
  walking: {
    description: "Walking at a comfortable pace, arms swinging naturally.",
    panels: [
      {
        pose: {
          head: [84, 18],
          neck: [82, 29],
          hip: [80, 63],
          nearArm: [
            [74, 45],
            [70, 60],
          ],
          farArm: [
            [90, 45],
            [98, 56],
          ],
          nearLeg: [
            [92, 87],
            [100, FLOOR],
          ],
          farLeg: [
            [72, 88],
            [60, FLOOR - 2],
          ],
        },
        props: [{ kind: "arrow", from: [112, 40], to: [138, 40] }],
      },
    ],
  },
  rest_90_90: {
    description:
      "Resting on your back with hips and knees bent at right angles and your calves on a chair or cushions.",
    panels: [
      {
        pose: {
          ...onBackKneesBent,
          hip: [70, 108],
          nearLeg: [
            [72, 84],
            [100, 84],
          ],
          farLeg: [
            [70, 84],
            [98, 84],
          ],
        },
        props: [{ kind: "block", x: 76, y: 86, w: 36, h: 26 }],
      },
    ],
  },
  rest_prone: {
    description: "Resting on your stomach, arms by your sides, breathing slowly.",
    panels: [{ pose: onStomach }],
  },
  generic_standing: { description: "Standing.", panels: [{ pose: standing }] },
  generic_sitting: {
    description: "Sitting on a chair.",
    panels: [
      {
        pose: {
          ...standing,
          head: [70, 37],
          neck: [70, 48],
          hip: [68, 82],
          nearArm: [
            [74, 66],
            [86, 76],
          ],
          farArm: [
            [72, 66],
            [84, 78],
          ],
          nearLeg: [
            [92, 82],
            [94, FLOOR],
          ],
          farLeg: [
            [90, 83],
            [90, FLOOR],
          ],
        },
        props: [{ kind: "block", x: 54, y: 84, w: 34, h: 28 }],
      },
    ],
  },
  generic_kneeling: {
    description: "Kneeling upright.",
    panels: [
      {
        pose: {
          ...standing,
          head: [80, 44],
          neck: [80, 55],
          hip: [80, 88],
          nearLeg: [
            [80, 110],
            [54, FLOOR],
          ],
          farLeg: [
            [78, 110],
            [52, FLOOR],
          ],
          nearArm: [
            [82, 72],
            [84, 88],
          ],
          farArm: [
            [78, 72],
            [76, 88],
          ],
        },
      },
    ],
  },
  generic_hands_and_knees: { description: "On hands and knees.", panels: [{ pose: quadruped(10) }] },
  generic_lying_on_back: { description: "Lying on your back with knees bent.", panels: [{ pose: onBackKneesBent }] },
  generic_lying_on_stomach: { description: "Lying on your stomach.", panels: [{ pose: onStomach }] },
  generic_lying_on_side: {
    description: "Lying on your side with knees bent.",
    panels: [
      {
        pose: {
          ...onBackKneesBent,
          nearLeg: [
            [92, 98],
            [76, 110],
          ],
          farLeg: [
            [90, 100],
            [74, 111],
          ],
          nearArm: [
            [40, 96],
            [52, 92],
          ],
          farArm: [
            [28, 100],
            [22, 92],
          ],
        },
      },
    ],
  },
} as const satisfies Record<string, Figure>;

export type FigureKey = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];

const FIGURE_FOR_POSITION = {
  standing: "generic_standing",
  sitting: "generic_sitting",
  kneeling: "generic_kneeling",
  hands_and_knees: "generic_hands_and_knees",
  lying_on_back: "generic_lying_on_back",
  lying_on_stomach: "generic_lying_on_stomach",
  lying_on_side: "generic_lying_on_side",
} as const satisfies Record<string, FigureKey>;

/** The exercise's own figure, or a plain one of its position. */
export function figureFor(figureKey: string | null, position: keyof typeof FIGURE_FOR_POSITION): Figure {
  if (figureKey && figureKey in FIGURES) return FIGURES[figureKey as FigureKey];
  return FIGURES[FIGURE_FOR_POSITION[position]];
}

/** Drawing primitives both renderers understand. */
export type Shape =
  | { type: "line"; x1: number; y1: number; x2: number; y2: number; weight: "body" | "far" | "floor" | "prop" }
  | { type: "circle"; cx: number; cy: number; r: number; weight: "body" | "prop" }
  | { type: "path"; d: string; weight: "body" | "prop" }
  | { type: "rect"; x: number; y: number; w: number; h: number }
  | { type: "text"; x: number; y: number; text: string };

function line(a: Pt, b: Pt, weight: "body" | "far" | "floor" | "prop", dx: number): Shape {
  return { type: "line", x1: a[0] + dx, y1: a[1], x2: b[0] + dx, y2: b[1], weight };
}

function arrowShapes(from: Pt, to: Pt, via: Pt | undefined, dx: number): Shape[] {
  const d = via
    ? `M ${from[0] + dx} ${from[1]} Q ${via[0] + dx} ${via[1]} ${to[0] + dx} ${to[1]}`
    : `M ${from[0] + dx} ${from[1]} L ${to[0] + dx} ${to[1]}`;
  // Arrowhead along the last direction of travel.
  const [px, py] = via ?? from;
  const angle = Math.atan2(to[1] - py, to[0] - px);
  const head = (a: number): Pt => [to[0] - 6 * Math.cos(angle + a), to[1] - 6 * Math.sin(angle + a)];
  const [h1, h2] = [head(0.5), head(-0.5)];
  const round = (n: number) => Math.round(n * 10) / 10;
  return [
    { type: "path", d, weight: "prop" },
    {
      type: "path",
      d: `M ${round(h1[0] + dx)} ${round(h1[1])} L ${to[0] + dx} ${to[1]} L ${round(h2[0] + dx)} ${round(h2[1])}`,
      weight: "prop",
    },
  ];
}

function topOf(s: Shape): number {
  switch (s.type) {
    case "line":
      return Math.min(s.y1, s.y2);
    case "circle":
      return s.cy - s.r;
    case "rect":
      return s.y;
    case "text":
      return s.y - 12;
    case "path":
      return Math.min(...(s.d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number).filter((_, i) => i % 2 === 1));
  }
}

/**
 * The figure as shapes in one coordinate space, panels side by side. `top` is
 * where the drawing starts, so a figure lying down is not drawn under a tall
 * empty sky.
 */
export function figureShapes(figure: Figure): { top: number; width: number; height: number; shapes: Shape[] } {
  const shapes: Shape[] = [];
  figure.panels.forEach((panel, i) => {
    const dx = i * PANEL_WIDTH;
    const { pose } = panel;
    const far = pose.front ? "body" : "far";
    shapes.push(line([4, FLOOR + 1], [PANEL_WIDTH - 4, FLOOR + 1], "floor", dx));
    for (const prop of panel.props ?? []) {
      if (prop.kind === "wall") shapes.push(line([prop.x, 4], [prop.x, FLOOR], "prop", dx));
      if (prop.kind === "block") shapes.push({ type: "rect", x: prop.x + dx, y: prop.y, w: prop.w, h: prop.h });
      if (prop.kind === "ball" || prop.kind === "roller")
        shapes.push({ type: "circle", cx: prop.at[0] + dx, cy: prop.at[1], r: prop.r, weight: "prop" });
    }
    // Far limbs first, so the near ones are drawn over them.
    shapes.push(line(pose.neck, pose.farArm[0], far, dx), line(pose.farArm[0], pose.farArm[1], far, dx));
    shapes.push(line(pose.hip, pose.farLeg[0], far, dx), line(pose.farLeg[0], pose.farLeg[1], far, dx));
    shapes.push(
      pose.mid
        ? {
            type: "path",
            d: `M ${pose.neck[0] + dx} ${pose.neck[1]} Q ${2 * pose.mid[0] - (pose.neck[0] + pose.hip[0]) / 2 + dx} ${2 * pose.mid[1] - (pose.neck[1] + pose.hip[1]) / 2} ${pose.hip[0] + dx} ${pose.hip[1]}`,
            weight: "body",
          }
        : line(pose.neck, pose.hip, "body", dx),
    );
    shapes.push(line(pose.hip, pose.nearLeg[0], "body", dx), line(pose.nearLeg[0], pose.nearLeg[1], "body", dx));
    shapes.push(line(pose.neck, pose.nearArm[0], "body", dx), line(pose.nearArm[0], pose.nearArm[1], "body", dx));
    shapes.push({ type: "circle", cx: pose.head[0] + dx, cy: pose.head[1], r: 7, weight: "body" });
    for (const prop of panel.props ?? []) {
      if (prop.kind === "arrow") shapes.push(...arrowShapes(prop.from, prop.to, prop.via, dx));
    }
    if (panel.caption) shapes.push({ type: "text", x: dx + PANEL_WIDTH / 2, y: 12, text: panel.caption });
  });
  const top = Math.max(0, Math.min(...shapes.map(topOf)) - 8);
  return { top, width: PANEL_WIDTH * figure.panels.length, height: PANEL_HEIGHT - top, shapes };
}
