import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/login";
import { authSecret } from "@/lib/auth/secret";
import { endSessions } from "@/lib/auth/sign-out";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { requestClientAddress } from "@/lib/auth/client-address";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Codes the login form turns into messages (next-auth passes a thrown error's message on). */
export const LOGIN_ERROR = {
  invalid: "INVALID_CREDENTIALS",
  disabled: "ACCOUNT_DISABLED",
  rateLimited: "RATE_LIMITED", // sent as RATE_LIMITED:<seconds>
  unavailable: "UNAVAILABLE",
} as const;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Every page next-auth would write itself goes to the login page instead, so none is
  // served without the app's Content-Security-Policy (proxy.ts sets it on app pages).
  pages: { signIn: "/login", signOut: "/login", error: "/login", verifyRequest: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        let result;
        try {
          result = await authenticate(prisma, credentials, requestClientAddress(request?.headers));
        } catch (error) {
          console.error("Login failed unexpectedly", error);
          throw new Error(LOGIN_ERROR.unavailable);
        }
        if (result.ok) return result.user;
        if (result.reason === "RATE_LIMITED") throw new Error(`${LOGIN_ERROR.rateLimited}:${result.retryAfterSeconds}`);
        if (result.reason === "DISABLED") throw new Error(LOGIN_ERROR.disabled);
        throw new Error(LOGIN_ERROR.invalid);
      },
    }),
  ],
  events: {
    // next-auth calls this on its CSRF-checked sign-out POST, before it clears the cookie.
    signOut: ({ token }) => endSessions(prisma, token),
  },
  callbacks: {
    // next-auth's own throws on an address that does not parse (a 500).
    redirect: ({ url, baseUrl }) => safeCallbackUrl(url, baseUrl),
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as { id: string; role: string; sessionVersion: number };
        token.uid = signedIn.id;
        token.role = signedIn.role;
        token.sv = signedIn.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid;
      session.sv = token.sv;
      return session;
    },
  },
};
