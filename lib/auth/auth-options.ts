import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { requestOrigin } from "./request-origin";
import { endSession } from "./sessions";
import { SESSION_LIMITS } from "./session-rules";
import { signInWithPassword } from "./sign-in";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

let options: NextAuthOptions | undefined;

/**
 * next-auth v4 (stable) with a JWT that carries only our AuthSession id; the
 * session row, checked on every request, is the source of truth (see
 * docs/decisions/003-sign-in-sessions.md). Built lazily so `next build` needs no secrets.
 */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_LIMITS.staff.absoluteMs / 1000 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const result = await signInWithPassword(credentials, requestOrigin(req.headers ?? {}));
            return { id: result.userId, sid: result.sessionId };
          } catch (e) {
            // next-auth hands this message to the sign-in form as `error`.
            if (isAppError(e)) throw new Error(e.message);
            throw e;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.sid) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        // Only the opaque session id; name and role come from the database per request.
        return { expires: session.expires, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await endSession(token.sid, "signed_out", { ip: null, userAgent: null });
      },
    },
  };
  return options;
}
