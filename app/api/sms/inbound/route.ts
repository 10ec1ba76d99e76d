import { NextResponse } from "next/server";
import { requestOrigin } from "@/lib/auth/request-origin";
import { env } from "@/lib/env";
import { AppError, isAppError, notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/respond";
import { handleInboundText } from "@/lib/text-replies/handle-inbound-text";
import { inboundSmsSchema } from "@/lib/text-replies/schema";
import { isValidTwilioSignature } from "@/lib/text-replies/twilio-signature";
import { parseInput } from "@/lib/validation";

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The provider's inbound-text webhook (Twilio's shape). The signature is
 * checked over the URL the provider was given (APP_URL, never the Host header
 * a caller chooses) before anything is read or written; answers to the
 * patient go through the outbox, so the response is an empty TwiML document.
 */
export const POST = apiRoute(async (req) => {
  const authToken = env().TWILIO_AUTH_TOKEN;
  if (!authToken) throw notFound("That page");
  const raw = await req.text();
  if (raw.length > MAX_BODY_BYTES) return badRequest("The request is too large.");
  // Any other body is signed over no parameters: the check below refuses it like any unsigned call.
  const formEncoded = (req.headers.get("content-type") ?? "")
    .toLowerCase()
    .startsWith("application/x-www-form-urlencoded");
  const params = new URLSearchParams(formEncoded ? raw : "");
  const url = new URL("/api/sms/inbound", env().APP_URL);
  url.search = new URL(req.url).search;
  if (!isValidTwilioSignature(authToken, url.toString(), params.entries(), req.headers.get("x-twilio-signature")))
    throw new AppError("forbidden", "The request signature is missing or wrong.");
  if (!formEncoded) return badRequest("Send the form-encoded webhook body (application/x-www-form-urlencoded).");
  let fields;
  try {
    fields = parseInput(inboundSmsSchema, Object.fromEntries(params));
  } catch (error) {
    if (isAppError(error) && error.code === "validation") return badRequest(error.message, error.fieldErrors);
    throw error;
  }
  await handleInboundText(
    { messageSid: fields.MessageSid, from: fields.From, to: fields.To, body: fields.Body },
    { origin: requestOrigin(req.headers) },
  );
  return new NextResponse(EMPTY_TWIML, { status: 200, headers: { "content-type": "text/xml; charset=utf-8" } });
});

/** A malformed webhook is the sender's mistake: 400 with the fields at fault, and nothing written. */
function badRequest(message: string, fieldErrors?: Record<string, string[]>) {
  return NextResponse.json({ error: { code: "bad_request", message, fieldErrors } }, { status: 400 });
}
