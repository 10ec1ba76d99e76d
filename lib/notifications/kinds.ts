/** Every kind of outgoing message; later features add theirs here. */
export const MESSAGE_KINDS = [
  "staff.welcome",
  "test.message",
  // exercises
  "program.assigned",
  "program.updated",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type Attachment = { filename: string; contentType: string; content: string };
