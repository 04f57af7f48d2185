import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { BODY_LIMITS, limitBody } from "@/lib/http/body-limit";

// next-auth reads a POST's whole body before it looks at it: bodies are limited first.
const handler = limitBody(BODY_LIMITS.auth, NextAuth(authOptions));

export { handler as GET, handler as POST };
