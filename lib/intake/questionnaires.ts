/**
 * Questionnaire wording. The ODI (v2.1a, Fairbank & Pynsent 2000) and the
 * Keele STarT Back Screening Tool are copyrighted instruments: free for
 * clinical use with attribution (STarT Back) or under a licence (ODI, via
 * Mapi Research Trust for commercial use). See docs/decisions/014.
 */
export type OdiSection = { title: string; statements: readonly [string, string, string, string, string, string] };

export const ODI_SECTIONS: readonly OdiSection[] = [
  {
    title: "Pain intensity",
    statements: [
      "I have no pain at the moment.",
      "The pain is very mild at the moment.",
      "The pain is moderate at the moment.",
      "The pain is fairly severe at the moment.",
      "The pain is very severe at the moment.",
      "The pain is the worst imaginable at the moment.",
    ],
  },
  {
    title: "Personal care (washing, dressing, etc.)",
    statements: [
      "I can look after myself normally without causing extra pain.",
      "I can look after myself normally but it causes extra pain.",
      "It is painful to look after myself and I am slow and careful.",
      "I need some help but manage most of my personal care.",
      "I need help every day in most aspects of self-care.",
      "I do not get dressed, I wash with difficulty and stay in bed.",
    ],
  },
  {
    title: "Lifting",
    statements: [
      "I can lift heavy weights without extra pain.",
      "I can lift heavy weights but it gives extra pain.",
      "Pain prevents me from lifting heavy weights off the floor, but I can manage if they are conveniently placed, for example on a table.",
      "Pain prevents me from lifting heavy weights, but I can manage light to medium weights if they are conveniently positioned.",
      "I can lift very light weights.",
      "I cannot lift or carry anything at all.",
    ],
  },
  {
    title: "Walking",
    statements: [
      "Pain does not prevent me walking any distance.",
      "Pain prevents me from walking more than 1 mile.",
      "Pain prevents me from walking more than half a mile.",
      "Pain prevents me from walking more than 100 yards.",
      "I can only walk using a stick or crutches.",
      "I am in bed most of the time.",
    ],
  },
  {
    title: "Sitting",
    statements: [
      "I can sit in any chair as long as I like.",
      "I can only sit in my favourite chair as long as I like.",
      "Pain prevents me sitting more than one hour.",
      "Pain prevents me from sitting more than 30 minutes.",
      "Pain prevents me from sitting more than 10 minutes.",
      "Pain prevents me from sitting at all.",
    ],
  },
  {
    title: "Standing",
    statements: [
      "I can stand as long as I want without extra pain.",
      "I can stand as long as I want but it gives me extra pain.",
      "Pain prevents me from standing for more than 1 hour.",
      "Pain prevents me from standing for more than 30 minutes.",
      "Pain prevents me from standing for more than 10 minutes.",
      "Pain prevents me from standing at all.",
    ],
  },
  {
    title: "Sleeping",
    statements: [
      "My sleep is never disturbed by pain.",
      "My sleep is occasionally disturbed by pain.",
      "Because of pain I have less than 6 hours sleep.",
      "Because of pain I have less than 4 hours sleep.",
      "Because of pain I have less than 2 hours sleep.",
      "Pain prevents me from sleeping at all.",
    ],
  },
  {
    title: "Sex life (if applicable)",
    statements: [
      "My sex life is normal and causes no extra pain.",
      "My sex life is normal but causes some extra pain.",
      "My sex life is nearly normal but is very painful.",
      "My sex life is severely restricted by pain.",
      "My sex life is nearly absent because of pain.",
      "Pain prevents any sex life at all.",
    ],
  },
  {
    title: "Social life",
    statements: [
      "My social life is normal and gives me no extra pain.",
      "My social life is normal but increases the degree of pain.",
      "Pain has no significant effect on my social life apart from limiting my more energetic interests, for example sport.",
      "Pain has restricted my social life and I do not go out as often.",
      "Pain has restricted my social life to my home.",
      "I have no social life because of pain.",
    ],
  },
  {
    title: "Travelling",
    statements: [
      "I can travel anywhere without pain.",
      "I can travel anywhere but it gives me extra pain.",
      "Pain is bad but I manage journeys over two hours.",
      "Pain restricts me to journeys of less than one hour.",
      "Pain restricts me to short necessary journeys under 30 minutes.",
      "Pain prevents me from travelling except to receive treatment.",
    ],
  },
];

export const START_BACK_ITEMS = [
  "My back pain has spread down my leg(s) at some time in the last 2 weeks.",
  "I have had pain in the shoulder or neck at some time in the last 2 weeks.",
  "I have only walked short distances because of my back pain.",
  "In the last 2 weeks, I have dressed more slowly than usual because of back pain.",
  "It's not really safe for a person with a condition like mine to be physically active.",
  "Worrying thoughts have been going through my mind a lot of the time.",
  "I feel that my back pain is terrible and it's never going to get any better.",
  "In general I have not enjoyed all the things I used to enjoy.",
] as const;

export const START_BACK_BOTHER_QUESTION = "Overall, how bothersome has your back pain been in the last 2 weeks?";
export const START_BACK_BOTHER_LABEL = {
  not_at_all: "Not at all",
  slightly: "Slightly",
  moderately: "Moderately",
  very_much: "Very much",
  extremely: "Extremely",
} as const;

export const START_BACK_ATTRIBUTION = "Keele STarT Back Screening Tool © Keele University 2007.";

export const RED_FLAG_QUESTIONS = {
  saddleNumbness:
    "Do you have numbness or tingling between your legs, around your genitals or back passage, or on your inner thighs or buttocks (where you would sit on a saddle)?",
  bladderBowel:
    "Since this pain started, have you had new trouble with your bladder or bowels? For example: you cannot pass urine, you need to go much more often, you leak urine, or you cannot control your bowels.",
  legWeakness:
    "Do you have severe weakness or numbness in one or both legs, or is weakness in your legs getting worse?",
  cancerHistory: "Have you ever had cancer?",
  feverChills: "Have you had a fever, chills or night sweats recently?",
  weightLoss: "Have you lost weight recently without trying?",
  nightPain: "Is the pain severe at night or when you lie down, so that rest does not ease it?",
  trauma: "Did the pain start after a fall, accident or injury?",
  recentInfection: "Have you had an infection recently (for example a urinary infection)?",
  ivDrugUse: "Have you ever injected drugs?",
  immuneSuppression:
    "Is your immune system weakened (for example by steroid tablets, chemotherapy, an organ transplant or HIV)?",
} as const;

export const EMERGENCY_MESSAGE = {
  title: "Please get emergency care now",
  body: "Your answers can be a sign of a serious problem with the nerves in your lower back that needs treatment within hours. Call 911 (or your local emergency number) or go to the nearest emergency department now. Do not wait for an appointment with us.",
  after: "Your answers have been saved and the clinic has been told. You can finish this form later.",
} as const;
