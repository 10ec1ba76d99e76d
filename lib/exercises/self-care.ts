/** Self-care advice from the seed articles, printed on every handout and shown on "Today". */
export const SELF_CARE_TIPS = [
  "Heat: a warm pack or shower for 15 to 20 minutes can relax tight muscles.",
  "Ice: in the first 48 hours after a flare-up, a wrapped cold pack for 10 to 15 minutes can calm pain.",
  "Movement breaks: when sitting, stand up and move every 30 to 60 minutes.",
] as const;
