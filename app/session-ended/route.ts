import { cookies } from "next/headers";
import { redirect } from "next/navigation";

// A session that stopped counting (user disabled, password reset, role changed) lands
// here: its cookie is removed, so the notice on the login page shows only once.
export async function GET() {
  const store = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) store.delete(name);
  redirect("/login?ended=1");
}
