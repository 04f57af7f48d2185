import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { FieldError, ForbiddenError } from "@/lib/errors";
import { makeUser } from "@/lib/claims/test-fixtures";
import { getOrganisation, resolvePublicUrl, saveOrganisation } from "@/lib/organisation/data";
import { initialiseOrganisation, readOrganisation, UNNAMED_ORGANISATION } from "@/lib/organisation/store";
import { saveOrganisationSchema } from "@/lib/organisation/schemas";

/** The organisation: made once from the environment, then changed by admins only, every change audited. */

useTestDatabase();

let admin: Actor;
let editor: Actor;
let reviewer: Actor;

beforeAll(async () => {
  [admin, editor, reviewer] = await Promise.all([makeUser("ADMIN", "Adam Admin"), makeUser("EDITOR"), makeUser("REVIEWER")]);
});

const SVG = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inner}<rect width="10" height="10" fill="#123456"/></svg>`;

function form(fields: Record<string, string | File>) {
  const parsed = saveOrganisationSchema.safeParse({ name: "", url: "", publicBaseUrl: "", contactEmail: "", policyUrl: "", ...fields });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

// The audit log is append-only: each test reads the events written since it started.
let since = BigInt(0);
beforeEach(async () => {
  since = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
});
afterEach(() => prisma.organisation.deleteMany());

const organisationEvents = () =>
  prisma.auditEvent.findMany({ where: { entityType: "Organisation", id: { gt: since } }, orderBy: { id: "asc" }, select: { action: true, actorId: true, before: true, after: true } });

async function organisationRow() {
  return prisma.organisation.findUnique({ where: { id: 1 }, select: { name: true, url: true, publicBaseUrl: true, contactEmail: true, policyUrl: true, logoType: true } });
}

describe("before anything is set", () => {
  it("is the unnamed organisation, addressed under the app's own URL", async () => {
    expect(await readOrganisation()).toMatchObject({ name: UNNAMED_ORGANISATION, url: null, publicBaseUrl: null, logo: null });
    expect(await resolvePublicUrl("http://127.0.0.1:3999")).toBe(process.env.NEXTAUTH_URL?.replace(/\/$/, "") || "http://127.0.0.1:3999");
  });
});

describe("first start", () => {
  it("makes the organisation from the environment once, with a sanitised logo, and records it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "verity-logo-"));
    const logo = path.join(dir, "logo.svg");
    writeFileSync(logo, SVG('<script>alert(1)</script><image href="https://evil.example/x.png"/>'));
    const env = {
      VERITY_ORG_NAME: "Coastal Fact Check",
      VERITY_ORG_URL: "https://factcheck.example",
      VERITY_PUBLIC_BASE_URL: "https://checks.factcheck.example/",
      VERITY_ORG_CONTACT_EMAIL: "Desk@FactCheck.example",
      VERITY_ORG_POLICY_URL: "https://factcheck.example/policy",
      VERITY_ORG_LOGO: logo,
    };
    expect(await initialiseOrganisation(prisma, env)).toBe(true);
    const organisation = await readOrganisation();
    expect(organisation).toMatchObject({
      name: "Coastal Fact Check",
      url: "https://factcheck.example",
      publicBaseUrl: "https://checks.factcheck.example",
      contactEmail: "desk@factcheck.example",
      policyUrl: "https://factcheck.example/policy",
    });
    expect(organisation.logo?.type).toBe("image/svg+xml");
    expect(organisation.logo?.bytes.toString()).not.toMatch(/script|evil/);
    expect(await resolvePublicUrl("http://127.0.0.1:3999")).toBe("https://checks.factcheck.example");

    const [event] = await organisationEvents();
    expect(event).toMatchObject({ action: "organisation.create", actorId: null, before: null, after: { name: "Coastal Fact Check" } });
    expect((event.after as Record<string, string>).logo).toMatch(/^image\/svg\+xml, [\d,]+ bytes, sha256 [0-9a-f]{16}$/);

    // Later starts leave it to the admin page.
    expect(await initialiseOrganisation(prisma, { ...env, VERITY_ORG_NAME: "Another name" })).toBe(false);
    expect((await readOrganisation()).name).toBe("Coastal Fact Check");
    expect(await organisationEvents()).toHaveLength(1);
  });

  it("refuses settings that are not valid, naming the variable, and makes nothing", async () => {
    await expect(initialiseOrganisation(prisma, { VERITY_ORG_NAME: "Desk", VERITY_PUBLIC_BASE_URL: "ftp://files.example" })).rejects.toThrow(
      /VERITY_PUBLIC_BASE_URL: Enter a web address/,
    );
    await expect(initialiseOrganisation(prisma, { VERITY_ORG_CONTACT_EMAIL: "not an address" })).rejects.toThrow(/VERITY_ORG_CONTACT_EMAIL/);
    expect(await organisationRow()).toBeNull();
    expect(await organisationEvents()).toEqual([]);
  });
});

describe("saveOrganisation", () => {
  it("is for admins only: an editor or reviewer changes nothing", async () => {
    for (const actor of [editor, reviewer]) {
      await expect(saveOrganisation(actor, form({ name: "Takeover" }))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getOrganisation(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await organisationRow()).toBeNull();
    expect(await organisationEvents()).toEqual([]);
  });

  it("saves every field and records what changed, before and after", async () => {
    await saveOrganisation(admin, form({ name: "Coastal Fact Check", url: "https://factcheck.example" }));
    await saveOrganisation(admin, form({ name: "Coastal Fact Check", url: "https://factcheck.example", contactEmail: "desk@factcheck.example", policyUrl: "https://factcheck.example/policy" }));
    expect(await organisationRow()).toEqual({
      name: "Coastal Fact Check",
      url: "https://factcheck.example",
      publicBaseUrl: null,
      contactEmail: "desk@factcheck.example",
      policyUrl: "https://factcheck.example/policy",
      logoType: null,
    });
    const events = await organisationEvents();
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["organisation.update", admin.id],
      ["organisation.update", admin.id],
    ]);
    expect(events[1]).toMatchObject({
      before: { contactEmail: null, policyUrl: null },
      after: { contactEmail: "desk@factcheck.example", policyUrl: "https://factcheck.example/policy" },
    });
    expect(Object.keys(events[1].after as object).sort()).toEqual(["contactEmail", "policyUrl"]);

    // Saving the same again records nothing.
    await saveOrganisation(admin, form({ name: "Coastal Fact Check", url: "https://factcheck.example", contactEmail: "desk@factcheck.example", policyUrl: "https://factcheck.example/policy" }));
    expect(await organisationEvents()).toHaveLength(2);
  });

  it("sanitises an uploaded SVG logo, keeps it when no file is chosen, and removes it when asked", async () => {
    const upload = new File([SVG('<rect onclick="alert(1)" width="1" height="1"/>')], "logo.svg", { type: "image/svg+xml" });
    await saveOrganisation(admin, form({ name: "Desk", logo: upload }));
    const saved = (await readOrganisation()).logo;
    expect(saved?.type).toBe("image/svg+xml");
    expect(saved?.bytes.toString()).toContain("#123456");
    expect(saved?.bytes.toString()).not.toContain("onclick");

    await saveOrganisation(admin, form({ name: "Desk renamed", logo: new File([], "") }));
    expect((await readOrganisation()).logo?.bytes).toEqual(saved?.bytes);

    await saveOrganisation(admin, form({ name: "Desk renamed", removeLogo: "on" }));
    expect((await readOrganisation()).logo).toBeNull();
    const last = (await organisationEvents()).at(-1)!;
    expect(last.after).toEqual({ logo: null });
    expect((last.before as Record<string, string>).logo).toMatch(/^image\/svg\+xml/);
  });

  it("refuses a new logo and its removal at once, whatever the file", async () => {
    await saveOrganisation(admin, form({ name: "Desk" }));
    const before = await organisationEvents();
    for (const file of [new File(["{}"], "payload.json"), new File([SVG("")], "logo.svg")]) {
      const error = await saveOrganisation(admin, form({ name: "Changed", logo: file, removeLogo: "on" })).catch((e: unknown) => e);
      expect(error).toMatchObject({ field: "logo", message: "Choose a new logo or remove the logo, not both." });
    }
    expect((await readOrganisation()).name).toBe("Desk");
    expect(await organisationEvents()).toEqual(before);
  });

  it("refuses a file that is not an SVG or PNG, on the logo field, and writes nothing", async () => {
    await saveOrganisation(admin, form({ name: "Desk" }));
    const before = await organisationEvents();
    const gif = new File([Buffer.from("GIF89a\x01\x00\x01\x00")], "logo.svg", { type: "image/svg+xml" });
    const error = await saveOrganisation(admin, form({ name: "Changed", logo: gif })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "logo", message: "Choose an SVG or PNG image." });
    expect((await readOrganisation()).name).toBe("Desk");
    expect(await organisationEvents()).toEqual(before);
  });
});
