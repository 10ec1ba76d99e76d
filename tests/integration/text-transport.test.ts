import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TwilioConfig } from "@/lib/env";
import { enqueueMessage } from "@/lib/notifications/enqueue-message";
import { deliverDueMessages } from "@/lib/notifications/outbox-worker";
import { devTextInboxTransport, twilioTransport } from "@/lib/notifications/text-transports";
import { devMailboxTransport } from "@/lib/notifications/transports";
import { createClinic } from "../factories";

const SID = `AC${"a1".repeat(16)}`;
const TOKEN = "test-auth-token";

type Received = {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
};

/** A stand-in for Twilio's Messages API: answers from a script, keeps what it was sent. */
let server: Server;
let base: string;
const received: Received[] = [];
let answers: Array<{ status: number; body: object }> = [];

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = "";
    req.on("data", (c: Buffer) => (data += c.toString("utf8")));
    req.on("end", () => resolve(data));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const form = new URLSearchParams(await readBody(req));
    received.push({
      path: req.url ?? "",
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      form,
    });
    const expected = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`;
    const answer =
      req.headers.authorization !== expected
        ? { status: 401, body: { code: 20003, message: "Authenticate" } }
        : (answers.shift() ?? {
            status: 201,
            body: { sid: `SM${received.length.toString(16).padStart(32, "0")}`, status: "queued" },
          });
    res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = (over: Partial<TwilioConfig> = {}): TwilioConfig => ({
  accountSid: SID,
  authToken: TOKEN,
  sender: { from: "+12015550100" },
  apiBase: base,
  ...over,
});

async function queueText(clinicId: string, to = "+12015550123", text = "Hi Ana, your visit is Tue 9:30.") {
  return (await db.$transaction((tx) =>
    enqueueMessage(tx, { clinicId, kind: "test.message", channel: "sms", to, subject: "", text }),
  ))!;
}

describe("Twilio transport", () => {
  it("posts the form with Basic auth and keeps the message sid", async () => {
    const clinic = await createClinic();
    const id = await queueText(clinic.id);
    received.length = 0;
    const r = await deliverDueMessages(
      { email: devMailboxTransport, sms: twilioTransport(config()) },
      { batchSize: 100 },
    );
    expect(r).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [call] = received;
    expect(call!.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(call!.contentType).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(call!.form)).toEqual({
      To: "+12015550123",
      From: "+12015550100",
      Body: "Hi Ana, your visit is Tue 9:30.",
    });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("sent");
    expect(row.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it("sends from a messaging service when one is configured instead of a number", async () => {
    const clinic = await createClinic();
    await queueText(clinic.id);
    received.length = 0;
    const service = `MG${"b2".repeat(16)}`;
    await deliverDueMessages({
      email: devMailboxTransport,
      sms: twilioTransport(config({ sender: { messagingServiceSid: service } })),
    });
    expect(received[0]!.form.get("MessagingServiceSid")).toBe(service);
    expect(received[0]!.form.has("From")).toBe(false);
  });

  it("retries after a 500 and then sends", async () => {
    const clinic = await createClinic();
    const id = await queueText(clinic.id);
    answers = [{ status: 500, body: { code: 20500, message: "Internal Server Error" } }];
    const transports = { email: devMailboxTransport, sms: twilioTransport(config()) };
    expect(await deliverDueMessages(transports)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const waiting = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(waiting.status).toBe("pending");
    expect(waiting.lastError).toContain("Twilio 500");
    expect(await deliverDueMessages(transports, { now: new Date(waiting.nextAttemptAt.getTime() + 1) })).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("sent");
  });

  it("fails a message Twilio refuses (400, 21610 unsubscribed) at once, without retrying", async () => {
    const clinic = await createClinic();
    const id = await queueText(clinic.id);
    answers = [{ status: 400, body: { code: 21610, message: "Attempt to send to unsubscribed recipient" } }];
    expect(await deliverDueMessages({ email: devMailboxTransport, sms: twilioTransport(config()) })).toEqual({
      sent: 0,
      retried: 0,
      failed: 1,
    });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "failed", attempts: 1, providerMessageId: null });
    expect(row.lastError).toContain("21610");
  });

  it("keeps wrong credentials' messages for a retry (401 is the configuration, not the message)", async () => {
    const clinic = await createClinic();
    const id = await queueText(clinic.id);
    await deliverDueMessages({ email: devMailboxTransport, sms: twilioTransport(config({ authToken: "wrong" })) });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });
});

describe("development text inbox and channel routing", () => {
  it("delivers texts to the text inbox and email to the mailbox, each exactly once", async () => {
    const clinic = await createClinic();
    const textId = await queueText(clinic.id);
    await db.$transaction((tx) =>
      enqueueMessage(tx, {
        clinicId: clinic.id,
        kind: "test.message",
        to: "a@test.example",
        subject: "Hi",
        text: "Body",
      }),
    );
    const transports = { email: devMailboxTransport, sms: devTextInboxTransport };
    await deliverDueMessages(transports, { batchSize: 100 });
    await deliverDueMessages(transports, { batchSize: 100 });
    const texts = await db.devTextMessage.findMany({ where: { clinicId: clinic.id } });
    expect(texts).toEqual([expect.objectContaining({ outboxId: textId, toNumber: "+12015550123" })]);
    expect(await db.devMailboxMessage.count({ where: { clinicId: clinic.id } })).toBe(1);
  });

  it("cannot store a second inbox copy of the same message", async () => {
    const clinic = await createClinic();
    const id = await queueText(clinic.id);
    await deliverDueMessages({ email: devMailboxTransport, sms: devTextInboxTransport }, { batchSize: 100 });
    await expect(
      db.devTextMessage.create({
        data: { outboxId: id, clinicId: clinic.id, toNumber: "+12015550123", body: "again" },
      }),
    ).rejects.toThrow();
  });
});

describe("enqueueText", () => {
  it("queues a text only to a patient who chose texts, consented and has not opted out, held past quiet hours", async () => {
    const { enqueueText } = await import("@/lib/notifications/enqueue-text");
    const clinic = await createClinic();
    const base = {
      id: "00000000-0000-4000-8000-000000000001",
      email: "a@test.example",
      phone: "+12015550123",
      messageChannels: "text" as const,
      textConsentAt: new Date("2026-01-01T00:00:00Z"),
      textOptedOutAt: null,
    };
    // 23:30 in New York: quiet hours, and the visit is a day away.
    const now = new Date("2026-03-03T04:30:00Z");
    type Facts = Omit<typeof base, "textOptedOutAt" | "messageChannels"> & {
      textOptedOutAt: Date | null;
      messageChannels: "email" | "text" | "both";
    };
    const send = (patient: Facts) =>
      db.$transaction((tx) =>
        enqueueText(tx, {
          clinicId: clinic.id,
          clinicTimeZone: "America/New_York",
          kind: "test.message",
          patient,
          text: "Hi",
          visitStartsAt: new Date("2026-03-04T14:00:00Z"),
          now,
        }),
      );
    const id = await send(base);
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ channel: "sms", toAddress: "+12015550123", subject: "" });
    expect(row.nextAttemptAt.toISOString()).toBe("2026-03-03T13:00:00.000Z"); // 08:00 the next morning
    expect(await send({ ...base, textOptedOutAt: new Date("2026-02-01T00:00:00Z") })).toBeNull();
    expect(await send({ ...base, messageChannels: "email" })).toBeNull();
  });
});
