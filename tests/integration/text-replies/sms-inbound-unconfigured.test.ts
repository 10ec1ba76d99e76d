import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  delete process.env.TWILIO_AUTH_TOKEN;
});

import { POST } from "@/app/api/sms/inbound/route";
import { db } from "@/lib/db";

describe("POST /api/sms/inbound without a text provider", () => {
  it("answers 404 and changes nothing", async () => {
    const body = new URLSearchParams({ MessageSid: `SM${"a".repeat(32)}`, From: "+15550000000", To: "+1", Body: "C" });
    const res = await POST(
      new Request("http://localhost/api/sms/inbound", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "x" },
        body,
      }),
      undefined,
    );
    expect(res.status).toBe(404);
    expect(await db.inboundText.count()).toBe(0);
  });
});
