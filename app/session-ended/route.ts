import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser, isSessionUserDisabled } from "@/lib/auth/current-user";

// A session that stopped counting (user disabled, password reset, role changed, signed
// out elsewhere) lands here: its cookie is removed, so the notice on the login page shows
// only once. A session that still counts is left alone: this is a GET that any site can
// link to, so it must not sign anyone out (signing out is next-auth's CSRF-checked POST).
// A disabled user is told so, not asked to sign in again.
export async function GET() {
  if (await getCurrentUser()) redirect("/articles");
  const disabled = await isSessionUserDisabled();
  const store = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) store.delete(name);
  redirect(disabled ? "/login?ended=disabled" : "/login?ended=1");
}
