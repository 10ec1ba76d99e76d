import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { crossSiteRefusal } from "@/lib/http/respond";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** next-auth checks its own CSRF token on POSTs; the same Origin check as every other write comes first. */
function handler(req: NextRequest, ctx: Ctx) {
  return crossSiteRefusal(req) ?? (NextAuth(req, ctx, authOptions()) as Promise<Response>);
}

export { handler as GET, handler as POST };
