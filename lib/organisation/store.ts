import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { prisma, type Db, type Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { sanitiseLogo, type Logo, type LogoType } from "@/lib/organisation/logo";
import { organisationTextSchema, type OrganisationText } from "@/lib/organisation/schemas";

/**
 * The organisation that publishes the fact-checks: one row (id 1). `npm start` makes it
 * from the environment at first start (initialiseOrganisation); from then on only admins
 * change it (data.ts, /admin/organisation), each change audited with its before and after.
 * Everyone reads it: the public pages and exports name it. No "server-only" here: `npm
 * start` runs initialiseOrganisation outside Next.
 */

export const ORGANISATION_ID = 1;

/** Until an admin names it (or VERITY_ORG_NAME does), the organisation is called this. */
export const UNNAMED_ORGANISATION = "Unnamed fact-checking organisation";

export interface Organisation extends OrganisationText {
  logo: Logo | null;
}

/** The environment variables the organisation is first made from (README, "Environment variables"). */
export const ORGANISATION_ENV = {
  name: "VERITY_ORG_NAME",
  url: "VERITY_ORG_URL",
  publicBaseUrl: "VERITY_PUBLIC_BASE_URL",
  contactEmail: "VERITY_ORG_CONTACT_EMAIL",
  policyUrl: "VERITY_ORG_POLICY_URL",
} as const satisfies Record<keyof OrganisationText, string>;
const LOGO_ENV = "VERITY_ORG_LOGO";

const organisationSelect = { name: true, url: true, publicBaseUrl: true, contactEmail: true, policyUrl: true, logo: true, logoType: true } as const;

/** The organisation as everyone sees it; before its row exists, as the environment describes it (without a logo). */
export async function readOrganisation(db: Db | Tx = prisma): Promise<Organisation> {
  const row = await db.organisation.findUnique({ where: { id: ORGANISATION_ID }, select: organisationSelect });
  if (!row) return { ...organisationFromEnv(process.env), logo: null };
  const { logo, logoType, ...text } = row;
  return { ...text, logo: logo && logoType ? { bytes: Buffer.from(logo), type: logoType as LogoType } : null };
}

/**
 * At first start: makes the organisation's row from the environment (VERITY_ORG_*,
 * VERITY_PUBLIC_BASE_URL; the logo from the file VERITY_ORG_LOGO names). Once it exists,
 * the environment is not read again: the admin page is where it changes.
 */
export async function initialiseOrganisation(db: Db, env: Record<string, string | undefined>): Promise<boolean> {
  if (await db.organisation.findUnique({ where: { id: ORGANISATION_ID }, select: { id: true } })) return false;
  const text = organisationFromEnv(env);
  const logoFile = env[LOGO_ENV]?.trim();
  const logo = logoFile ? sanitiseEnvLogo(await readFile(logoFile)) : null;
  await db.$transaction((tx) => writeOrganisation(tx, null, null, { ...text, logo }));
  return true;
}

function sanitiseEnvLogo(bytes: Buffer): Logo {
  try {
    return sanitiseLogo(bytes);
  } catch (error) {
    throw new Error(`${LOGO_ENV}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The organisation's text fields from the environment; a value that is not valid stops the start, naming its variable. */
export function organisationFromEnv(env: Record<string, string | undefined>): OrganisationText {
  const given = Object.fromEntries(Object.entries(ORGANISATION_ENV).map(([field, variable]) => [field, env[variable] ?? ""]));
  const parsed = organisationTextSchema.safeParse({ ...given, name: given.name || UNNAMED_ORGANISATION });
  if (parsed.success) return parsed.data;
  const problems = Object.entries(z.flattenError(parsed.error).fieldErrors).map(
    ([field, messages]) => `${ORGANISATION_ENV[field as keyof OrganisationText]}: ${(messages ?? []).join(" ")}`,
  );
  throw new Error(`The organisation's settings in the environment are not valid. ${problems.join("; ")}`);
}

export async function writeOrganisation(tx: Tx, actorId: string | null, before: Organisation | null, after: Organisation) {
  const { logo, ...text } = after;
  const data = { ...text, logo: logo ? new Uint8Array(logo.bytes) : null, logoType: logo?.type ?? null };
  await tx.organisation.upsert({ where: { id: ORGANISATION_ID }, create: { id: ORGANISATION_ID, ...data }, update: data });
  const changed = auditFields(before, after);
  if (before && Object.keys(changed.after).length === 0) return;
  await recordAudit(tx, {
    actorId,
    action: before ? "organisation.update" : "organisation.create",
    entityType: "Organisation",
    entityId: String(ORGANISATION_ID),
    ...(before ? { before: changed.before } : {}),
    after: changed.after,
  });
}

type AuditValues = Record<string, string | null>;

/** The fields that differ, the logo described rather than copied (its type, size and checksum). */
function auditFields(before: Organisation | null, after: Organisation): { before: AuditValues; after: AuditValues } {
  const from = before ? auditValues(before) : {};
  const to = auditValues(after);
  const changed = Object.keys(to).filter((key) => !before || from[key] !== to[key]);
  return { before: Object.fromEntries(changed.map((key) => [key, from[key] ?? null])), after: Object.fromEntries(changed.map((key) => [key, to[key]])) };
}

function auditValues({ logo, ...text }: Organisation): AuditValues {
  return { ...text, logo: logo && `${logo.type}, ${logo.bytes.length.toLocaleString("en")} bytes, sha256 ${logoChecksum(logo)}` };
}

/** The logo as a data: URI: documents and the admin page show it without loading anything. */
export function logoDataUri(logo: Logo): string {
  return `data:${logo.type};base64,${logo.bytes.toString("base64")}`;
}

/** A short checksum of the logo: it names the version in the logo's address, so caches never serve an old one. */
export function logoChecksum(logo: Logo): string {
  return createHash("sha256").update(logo.bytes).digest("hex").slice(0, 16);
}
