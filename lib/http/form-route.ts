import "server-only";
import { initialFormState, type FormAction, type FormState } from "@/lib/actions/form-state";
import { BODY_LIMITS, limitBody } from "@/lib/http/body-limit";

/**
 * A form's Server Action served as a plain POST route that answers its FormState as JSON
 * (the browser's side: lib/http/form-request.ts). For the busiest form, marking a claim:
 * Next's Server Action handling (decoding React's reply, streaming the answer as RSC,
 * gzipping it) cost more CPU than the write itself (bench/README.md, "write"). The action
 * does all the rest as before: the session, zod, the data layer's authorisation and audit,
 * the error messages.
 *
 * Cross-site requests are refused as Next refuses them for Server Actions: the Origin
 * header must name this host. The session cookie is SameSite=Lax as well, so another
 * site's form post would carry no session.
 */
export const CROSS_ORIGIN_MESSAGE = "This form can only be sent from Verity's own pages.";
export const UNREADABLE_FORM_MESSAGE = "The form could not be read. Please try again.";

export function formRoute<Data>(action: FormAction<Data>): (request: Request) => Promise<Response> {
  const handle = limitBody(BODY_LIMITS.form, async (request) => {
    if (!fromThisHost(request)) return answer({ status: "error", message: CROSS_ORIGIN_MESSAGE }, 403);
    const formData = await request.formData().catch(() => null);
    if (!formData) return answer({ status: "error", message: UNREADABLE_FORM_MESSAGE }, 400);
    const state = await action(initialFormState, formData);
    return answer(state, state.status === "ok" ? 200 : 400);
  });
  return (request) => handle(request, undefined);
}

// The host as Next's Server Actions check it: X-Forwarded-Host behind a proxy, else Host.
function fromThisHost(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function answer(state: FormState, status: number): Response {
  // no-transform: Next would gzip these few hundred bytes, at about 1 ms of CPU each (bench/README.md).
  return Response.json(state, { status, headers: { "Cache-Control": "no-store, no-transform" } });
}
