import { credential, errorSchema, json, ok } from "@/lib/openapi/helpers";
import { inboundSmsSchema } from "./schema";

/** The provider's webhook: form-encoded in, TwiML out; not called by the app's own pages. */
export function textRepliesOpenApiPaths(): Record<string, unknown> {
  return {
    "/api/sms/inbound": {
      post: {
        tags: ["texts"],
        summary: "A patient's text reply, delivered by the text provider (Twilio's inbound-message webhook)",
        description:
          "Signed with X-Twilio-Signature: Base64 HMAC-SHA1, keyed by TWILIO_AUTH_TOKEN, of APP_URL + /api/sms/inbound followed by every POST parameter sorted by name as name+value. The same MessageSid twice acts once. Answers to the patient are queued as texts, so the response is an empty TwiML document.",
        ...credential("provider-signature"),
        parameters: [
          {
            name: "X-Twilio-Signature",
            in: "header",
            required: true,
            schema: { type: "string" },
          },
        ],
        requestBody: {
          required: true,
          content: { "application/x-www-form-urlencoded": { schema: json(inboundSmsSchema) } },
        },
        responses: {
          "200": {
            description: "Received (or received before)",
            content: { "text/xml": { schema: { type: "string" } } },
          },
          "400": ok(errorSchema, "Not form-encoded, or a field is malformed (fieldErrors say which)"),
          "403": ok(errorSchema, "Signature missing or wrong: nothing was read or written"),
          "404": ok(errorSchema, "No text provider configured (TWILIO_AUTH_TOKEN unset)"),
        },
      },
    },
  };
}
