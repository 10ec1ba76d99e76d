/**
 * The starter library: the exercises named in the seed articles (domain.md,
 * "Home exercise programs"), with steps, cues and cautions written for Mend in
 * plain language. Seeded into each clinic as ordinary, editable entries.
 */
import type { BodyArea, Equipment, Position } from "./catalog";
import type { Dosage } from "./dosage-rules";
import type { FigureKey } from "./figures";

export type StarterExercise = {
  name: string;
  summary: string;
  bodyArea: BodyArea;
  position: Position;
  equipment: Equipment[];
  targetMuscles: string[];
  steps: string[];
  cues: string[];
  cautions: string[];
  figureKey: FigureKey;
  defaultDosage: Dosage;
};

const dose = (d: Partial<Dosage> & Pick<Dosage, "kind">): Dosage => ({
  sets: null,
  reps: null,
  holdSeconds: null,
  minutes: null,
  timesPerDay: 1,
  daysPerWeek: 7,
  side: null,
  load: null,
  ...d,
});

export const STARTER_EXERCISES: StarterExercise[] = [
  {
    name: "Cat-cow",
    summary: "Gently moves the whole spine to ease stiffness in the back.",
    bodyArea: "lower_back",
    position: "hands_and_knees",
    equipment: ["mat"],
    targetMuscles: ["erector spinae", "multifidus", "rectus abdominis"],
    steps: [
      "Get on your hands and knees: hands under your shoulders, knees under your hips.",
      "Breathe out and slowly round your back up toward the ceiling, letting your head drop (cat).",
      "Breathe in and slowly let your belly sink toward the floor as you lift your chest and look ahead (cow).",
      "Move smoothly between the two, one slow breath for each.",
    ],
    cues: ["Move one part of the spine at a time, like a wave.", "Keep your arms straight but not locked."],
    cautions: [
      "Stay in the range that feels comfortable; do not force the sag.",
      "Kneel on a folded towel if your knees are sore.",
    ],
    figureKey: "cat_cow",
    defaultDosage: dose({ kind: "reps", sets: 1, reps: 10, timesPerDay: 2 }),
  },
  {
    name: "Child's pose with side bend",
    summary: "Stretches the sides of the lower back, including the quadratus lumborum.",
    bodyArea: "lower_back",
    position: "kneeling",
    equipment: ["mat"],
    targetMuscles: ["quadratus lumborum", "latissimus dorsi", "erector spinae"],
    steps: [
      "Kneel with your big toes together and knees a little apart.",
      "Sit back toward your heels and reach both arms forward along the floor.",
      "Walk both hands to the right until you feel a stretch along your left side. Hold.",
      "Walk your hands back to the middle, then over to the left and hold.",
    ],
    cues: ["Let your forehead rest on the floor or a cushion.", "Breathe slowly into the side that is stretching."],
    cautions: [
      "Put a cushion between your heels and buttocks if your knees complain.",
      "A stretch is fine; sharp pain is not.",
    ],
    figureKey: "childs_pose_side_bend",
    defaultDosage: dose({ kind: "hold", sets: 3, holdSeconds: 30, side: "both" }),
  },
  {
    name: "Bird dog",
    summary: "Trains the deep back and core muscles to keep the spine steady while the limbs move.",
    bodyArea: "core",
    position: "hands_and_knees",
    equipment: ["mat"],
    targetMuscles: ["multifidus", "erector spinae", "gluteus maximus", "transversus abdominis"],
    steps: [
      "Get on your hands and knees with your back flat, like a table top.",
      "Tighten your stomach gently, as if bracing for a light poke.",
      "Slowly reach your right arm forward and your left leg back until both are level with your back.",
      "Pause for two or three seconds, then bring them back down. Switch sides.",
    ],
    cues: ["Imagine a cup of tea on your lower back: do not spill it.", "Reach long rather than high."],
    cautions: ["Keep your back from sagging or twisting; lift the arm and leg less if it does."],
    figureKey: "bird_dog",
    defaultDosage: dose({ kind: "reps", sets: 2, reps: 8, side: "both", daysPerWeek: 5 }),
  },
  {
    name: "Standing rotation",
    summary: "Keeps the trunk turning freely; easy to do during a break from sitting.",
    bodyArea: "upper_back",
    position: "standing",
    equipment: [],
    targetMuscles: ["obliques", "erector spinae"],
    steps: [
      "Stand tall with your feet hip-width apart and knees soft.",
      "Cross your arms over your chest.",
      "Slowly turn your upper body to the right as far as is comfortable, keeping your hips facing forward.",
      "Come back to the middle and turn to the left.",
    ],
    cues: ["Let your eyes lead the turn.", "Breathe out as you turn."],
    cautions: ["Turn slowly; no swinging or bouncing."],
    figureKey: "standing_rotation",
    defaultDosage: dose({ kind: "reps", sets: 1, reps: 10, side: "both", timesPerDay: 2 }),
  },
  {
    name: "Donkey kicks",
    summary: "Strengthens the buttock muscles that support the lower back.",
    bodyArea: "hips",
    position: "hands_and_knees",
    equipment: ["mat"],
    targetMuscles: ["gluteus maximus", "hamstrings"],
    steps: [
      "Get on your hands and knees with your back flat.",
      "Keeping the knee bent, lift your right leg behind you so the sole of your foot pushes up toward the ceiling.",
      "Stop when your thigh is level with your back, squeeze your buttock, then lower slowly.",
      "Do all the repetitions on one side, then switch.",
    ],
    cues: ["Push the heel up, not out to the side.", "Keep your stomach gently tight."],
    cautions: ["Do not arch your lower back to get the leg higher."],
    figureKey: "donkey_kick",
    defaultDosage: dose({ kind: "reps", sets: 2, reps: 12, side: "both", daysPerWeek: 4 }),
  },
  {
    name: "Kneeling hip flexor stretch",
    summary: "Stretches the front of the hip, which often pulls on the lower back after long sitting.",
    bodyArea: "hips",
    position: "kneeling",
    equipment: ["cushion"],
    targetMuscles: ["iliopsoas", "hip flexors"],
    steps: [
      "Kneel on your right knee on a cushion, with your left foot flat on the floor in front of you.",
      "Tuck your tailbone under, as if flattening your lower back.",
      "Shift your hips slowly forward until you feel a stretch at the front of the right hip. Hold.",
      "Switch legs.",
    ],
    cues: ["Stay tall; do not lean your chest forward.", "Squeeze the buttock of the kneeling leg."],
    cautions: ["Hold a chair for balance if you need to.", "Stop if you feel pinching in the front of the hip."],
    figureKey: "kneeling_hip_flexor",
    defaultDosage: dose({ kind: "hold", sets: 3, holdSeconds: 30, side: "both" }),
  },
  {
    name: "Seal stretch",
    summary: "Bends the back gently backwards to ease stiffness from sitting and bending.",
    bodyArea: "lower_back",
    position: "lying_on_stomach",
    equipment: ["mat"],
    targetMuscles: ["rectus abdominis", "erector spinae"],
    steps: [
      "Lie on your stomach with your hands on the floor under your shoulders.",
      "Slowly straighten your arms to lift your chest, keeping your hips on the floor.",
      "Hold, breathing normally, then lower yourself slowly.",
    ],
    cues: [
      "Let your lower back and buttocks relax.",
      "Lift only as far as is comfortable; propping on your elbows is fine.",
    ],
    cautions: [
      "Stop and tell your therapist if pain spreads further down your leg.",
      "Skip this if it makes tingling or numbness worse.",
    ],
    figureKey: "seal_stretch",
    defaultDosage: dose({ kind: "hold", sets: 3, holdSeconds: 20 }),
  },
  {
    name: "Diaphragmatic breathing",
    summary: "Slow belly breathing that relaxes tense back muscles and wakes up the deep core.",
    bodyArea: "core",
    position: "lying_on_back",
    equipment: ["mat"],
    targetMuscles: ["diaphragm", "transversus abdominis"],
    steps: [
      "Lie on your back with your knees bent and feet flat.",
      "Put one hand on your chest and one on your belly.",
      "Breathe in slowly through your nose so the hand on your belly rises and the chest hand stays still.",
      "Breathe out slowly through pursed lips, letting the belly fall.",
    ],
    cues: ["Count to four breathing in and to six breathing out.", "Let your shoulders stay soft."],
    cautions: ["If you feel dizzy, breathe normally for a moment."],
    figureKey: "diaphragmatic_breathing",
    defaultDosage: dose({ kind: "duration", minutes: 5, timesPerDay: 2 }),
  },
  {
    name: "Knee-to-chest stretch",
    summary: "Eases tension in the lower back and buttock.",
    bodyArea: "lower_back",
    position: "lying_on_back",
    equipment: ["mat"],
    targetMuscles: ["erector spinae", "gluteus maximus"],
    steps: [
      "Lie on your back with both knees bent and feet flat.",
      "Hold behind one knee with both hands and draw it gently toward your chest.",
      "Hold for about 30 seconds, breathing slowly, then lower it.",
      "Repeat with the other leg.",
    ],
    cues: ["Keep your head and shoulders relaxed on the floor.", "Pull gently; the stretch should ease as you hold."],
    cautions: ["Hold behind the thigh rather than on the shin if your knee is sore."],
    figureKey: "knee_to_chest",
    defaultDosage: dose({ kind: "hold", sets: 3, holdSeconds: 30, side: "both", timesPerDay: 2 }),
  },
  {
    name: "Posterior pelvic tilt",
    summary: "Teaches the stomach and buttocks to support the lower back.",
    bodyArea: "core",
    position: "lying_on_back",
    equipment: ["mat"],
    targetMuscles: ["rectus abdominis", "transversus abdominis", "gluteus maximus"],
    steps: [
      "Lie on your back with your knees bent and feet flat.",
      "Tighten your stomach and gently press the small of your back into the floor, tilting your pelvis up a little.",
      "Hold for a slow count of five, then relax.",
    ],
    cues: ["Breathe out as you flatten your back.", "The movement is small; your buttocks stay on the floor."],
    cautions: ["Do not hold your breath."],
    figureKey: "pelvic_tilt",
    defaultDosage: dose({ kind: "reps", sets: 2, reps: 10 }),
  },
  {
    name: "Quadratus lumborum stretch",
    summary: "A standing side bend that stretches the deep muscle between the ribs and the pelvis.",
    bodyArea: "lower_back",
    position: "standing",
    equipment: [],
    targetMuscles: ["quadratus lumborum", "obliques", "latissimus dorsi"],
    steps: [
      "Stand with your feet hip-width apart.",
      "Raise your right arm over your head.",
      "Bend your upper body slowly to the left until you feel a stretch along your right side. Hold.",
      "Come back up slowly and repeat on the other side.",
    ],
    cues: ["Bend sideways, as if between two panes of glass; do not lean forward.", "Keep both feet flat."],
    cautions: ["Rest your other hand on a table if your balance is unsteady."],
    figureKey: "ql_stretch",
    defaultDosage: dose({ kind: "hold", sets: 3, holdSeconds: 30, side: "both" }),
  },
  {
    name: "Plank",
    summary: "Builds endurance in the core muscles that brace the spine.",
    bodyArea: "core",
    position: "lying_on_stomach",
    equipment: ["mat"],
    targetMuscles: ["rectus abdominis", "transversus abdominis", "obliques", "gluteus maximus"],
    steps: [
      "Lie on your stomach and prop yourself up on your forearms, elbows under your shoulders.",
      "Tuck your toes and lift your body so it makes a straight line from head to heels.",
      "Hold, breathing normally, then lower slowly.",
    ],
    cues: ["Squeeze your buttocks and draw your belly button in.", "Look at the floor just ahead of your hands."],
    cautions: [
      "Start on your knees instead of your toes if the full plank hurts your back.",
      "Stop the hold when your hips start to sag.",
    ],
    figureKey: "plank",
    defaultDosage: dose({ kind: "hold", sets: 3, holdSeconds: 20, daysPerWeek: 4 }),
  },
  {
    name: "Trigger-point release with a ball",
    summary: "Steady pressure with a ball against a wall to relax a knot in the back or buttock.",
    bodyArea: "lower_back",
    position: "standing",
    equipment: ["ball", "wall"],
    targetMuscles: ["quadratus lumborum", "gluteus medius", "erector spinae"],
    steps: [
      "Stand with your back to a wall and place a tennis or massage ball between the wall and the tight spot.",
      "Lean back into the ball until the pressure is firm but tolerable.",
      "Hold still on the spot for 30 to 60 seconds, breathing slowly, until it eases.",
      "Move to the next tight spot and repeat.",
    ],
    cues: [
      "Aim for a 'good hurt' of about 5 out of 10, never more.",
      "Bend your knees a little to move the ball up or down.",
    ],
    cautions: [
      "Keep the ball off your spine, ribs and kidneys (just above the waist at the back).",
      "Do not use it on an area that is bruised, swollen or numb.",
    ],
    figureKey: "ball_release_wall",
    defaultDosage: dose({ kind: "hold", sets: 2, holdSeconds: 45, side: "both" }),
  },
  {
    name: "Foam rolling",
    summary: "Slow rolling over the buttock and upper back muscles to ease tightness.",
    bodyArea: "hips",
    position: "sitting",
    equipment: ["foam_roller"],
    targetMuscles: ["gluteus maximus", "gluteus medius", "erector spinae"],
    steps: [
      "Sit on the foam roller with your hands on the floor behind you and your knees bent.",
      "Lean a little to one side so the roller is under that buttock.",
      "Roll slowly back and forth over the muscle, pausing on tender spots.",
      "Switch sides.",
    ],
    cues: ["Move slowly, about an inch a second.", "Keep breathing; relax into the roller."],
    cautions: ["Do not roll directly on your lower spine.", "Tender is fine; sharp or shooting pain is not."],
    figureKey: "foam_roll",
    defaultDosage: dose({ kind: "duration", minutes: 3, daysPerWeek: 5 }),
  },
  {
    name: "Walking",
    summary: "Regular easy walking keeps the back moving and is one of the best things for back pain.",
    bodyArea: "whole_body",
    position: "standing",
    equipment: [],
    targetMuscles: ["gluteus maximus", "gluteus medius", "hamstrings"],
    steps: [
      "Walk at a comfortable pace on level ground.",
      "Let your arms swing naturally and stand tall.",
      "Build up the time a little each week, as your therapist advises.",
    ],
    cues: ["You should be able to talk while you walk.", "Wear supportive shoes."],
    cautions: ["Shorter, more frequent walks are better than one long one while pain is high."],
    figureKey: "walking",
    defaultDosage: dose({ kind: "duration", minutes: 20, daysPerWeek: 5 }),
  },
  {
    name: "Rest position (90/90)",
    summary: "Lying on the back with the legs supported takes the load off a sore back.",
    bodyArea: "lower_back",
    position: "lying_on_back",
    equipment: ["chair", "cushion"],
    targetMuscles: ["erector spinae", "iliopsoas"],
    steps: [
      "Lie on your back on the floor with your calves resting on a chair seat or a pile of cushions.",
      "Your hips and knees should both be bent at about a right angle.",
      "Rest your arms by your sides and breathe slowly.",
      "Alternatively, lie on your stomach with a pillow under your hips if that is more comfortable.",
    ],
    cues: ["Let your back sink into the floor.", "Add a small pillow under your head if you like."],
    cautions: ["Roll onto your side before getting up."],
    figureKey: "rest_90_90",
    defaultDosage: dose({ kind: "duration", minutes: 10, timesPerDay: 2 }),
  },
];

/** Self-care advice from the seed articles, printed on every handout and shown on "Today". */
export const SELF_CARE_TIPS = [
  "Heat: a warm pack or shower for 15 to 20 minutes can relax tight muscles.",
  "Ice: in the first 48 hours after a flare-up, a wrapped cold pack for 10 to 15 minutes can calm pain.",
  "Movement breaks: when sitting, stand up and move every 30 to 60 minutes.",
] as const;
