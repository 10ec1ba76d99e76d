import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { openApiDocument } from "@/lib/openapi/document";

export function GET() {
  return NextResponse.json(openApiDocument(env().APP_URL));
}
