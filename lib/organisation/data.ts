import "server-only";
import type { Actor } from "@/lib/auth/current-user";
import { assertRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { FieldError } from "@/lib/errors";
import { resolveAppUrl } from "@/lib/export/urls";
import { sanitiseLogo } from "@/lib/organisation/logo";
import type { SaveOrganisationInput } from "@/lib/organisation/schemas";
import { ORGANISATION_ID, readOrganisation, writeOrganisation, type Organisation } from "@/lib/organisation/store";

/** Reading the organisation for the app, and the admins' changes to it (lib/organisation/store.ts keeps it). */

/** The origin public pages and exports are addressed under: the organisation's public base URL, else the app's own. */
export async function resolvePublicUrl(requestOrigin?: string | null): Promise<string> {
  return (await readOrganisation()).publicBaseUrl ?? resolveAppUrl(requestOrigin);
}

/** The admin page's copy. */
export async function getOrganisation(actor: Actor): Promise<Organisation> {
  assertRole(actor, "ADMIN");
  return readOrganisation();
}

/** Saves the admin page's form: the text fields, and a new logo (sanitised) or none. */
export async function saveOrganisation(actor: Actor, input: SaveOrganisationInput): Promise<Organisation> {
  assertRole(actor, "ADMIN");
  const { logo: upload, removeLogo, ...text } = input;
  if (upload && removeLogo) throw new FieldError("logo", "Choose a new logo or remove the logo, not both.");
  const newLogo = removeLogo ? null : upload ? sanitiseLogo(new Uint8Array(await upload.arrayBuffer())) : undefined;
  return prisma.$transaction(async (tx) => {
    // Two admins saving at once: the second waits, and its audit event's "before" is the first's "after".
    await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${ORGANISATION_ID} FOR UPDATE`;
    const before = await readOrganisation(tx);
    const after: Organisation = { ...text, logo: newLogo === undefined ? before.logo : newLogo };
    await writeOrganisation(tx, actor.id, before, after);
    return after;
  });
}

