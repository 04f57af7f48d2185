import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { FieldError, NotFoundError } from "@/lib/errors";
import { getClaimDetail, updateClaim } from "@/lib/claims/data";
import { auditSince, lastAuditId, makeClaim, makeHarbourDesk, type TestArticle } from "@/lib/claims/test-fixtures";
import { listUnreadNotifications, markNotificationRead } from "@/lib/notifications/data";

/**
 * Changing a verdict someone else proposed: a note is required, stored with the change and
 * shown in the history, and the verdict's author (only they) is told, in the same transaction.
 */

useTestDatabase();

let reviewer: Actor;
let editor: Actor;
let otherEditor: Actor;
let article: TestArticle;

beforeAll(async () => {
  ({ reviewer, editor, otherEditor, article } = await makeHarbourDesk());
});

const counts = async () => ({
  notifications: await prisma.notification.count(),
  audit: await prisma.auditEvent.count(),
  claims: await prisma.claim.findMany({ orderBy: { id: "asc" } }),
});

async function reviewersClaim(phrase: string) {
  return makeClaim(reviewer, article, phrase, { verdict: "MOSTLY_FALSE", rationale: "The study expects 600 jobs.", state: "SUBMITTED" });
}

const edit = (claim: { id: string; version: number; restatement: string }, verdict: "TRUE" | "MOSTLY_FALSE" | null, note?: string) => ({
  claimId: claim.id,
  version: claim.version,
  restatement: claim.restatement,
  verdict,
  rationale: "The study expects 600 jobs.",
  note,
});

describe("changing someone else's verdict", () => {
  it("is refused without a note, with the error on the note field, and writes nothing", async () => {
    const claim = await reviewersClaim("create 2,000 jobs");
    const before = await counts();
    const error = await updateClaim(editor, edit(claim, "TRUE")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "note", message: "Say why you change this verdict: the person who proposed it will see your note." });
    expect(await counts()).toEqual(before);
  });

  it("with a note: stores the note in the audit event, tells the verdict's author only, and the history shows the note", async () => {
    const claim = await reviewersClaim("Construction starts next spring");
    const mark = await lastAuditId();
    const version = await updateClaim(editor, edit(claim, "TRUE", "The study was revised upwards."));

    const events = await auditSince(mark);
    expect(events).toEqual([
      expect.objectContaining({
        action: "claim.update",
        actorId: editor.id,
        before: { verdict: "MOSTLY_FALSE", version: claim.version },
        after: { verdict: "TRUE", version, note: "The study was revised upwards.", notifiedUserId: reviewer.id },
      }),
    ]);
    const notifications = await prisma.notification.findMany({ where: { claimId: claim.id } });
    expect(notifications).toEqual([
      expect.objectContaining({
        recipientId: reviewer.id,
        actorId: editor.id,
        fromVerdict: "MOSTLY_FALSE",
        toVerdict: "TRUE",
        note: "The study was revised upwards.",
        readAt: null,
      }),
    ]);
    expect(await listUnreadNotifications(editor)).toEqual([]);
    expect(await listUnreadNotifications(otherEditor)).toEqual([]);
    expect(await listUnreadNotifications(reviewer)).toEqual([
      expect.objectContaining({
        note: "The study was revised upwards.",
        fromVerdict: "MOSTLY_FALSE",
        toVerdict: "TRUE",
        actor: { id: editor.id, name: "Elena Editor" },
        claim: { id: claim.id, restatement: claim.restatement, articleId: article.id },
      }),
    ]);
    const history = (await getClaimDetail(reviewer, claim.id)).history.at(-1);
    expect(history?.summary).toBe("Verdict: Mostly false → True; note: “The study was revised upwards.”");

    // The verdict is now the editor's: another editor changing it tells the editor, not the reviewer.
    await updateClaim(otherEditor, edit({ ...claim, version }, "MOSTLY_FALSE", "Back to the study's figure."));
    expect((await listUnreadNotifications(editor)).map((n) => n.note)).toEqual(["Back to the study's figure."]);
    expect(await listUnreadNotifications(reviewer)).toHaveLength(1);
  });

  it("needs no note for one's own verdict, for a claim without a verdict, or when only the wording changes", async () => {
    const own = await makeClaim(reviewer, article, "ends in 2027", { verdict: "MOSTLY_FALSE" });
    await updateClaim(reviewer, edit(own, "TRUE"));
    const unrated = await makeClaim(reviewer, article, "The mayor called it", { state: "SUBMITTED" });
    await updateClaim(editor, edit(unrated, "TRUE"));
    const wording = await reviewersClaim("largest investment");
    await updateClaim(editor, { ...edit(wording, "MOSTLY_FALSE"), restatement: "The largest investment ever." });
    expect(await prisma.notification.count({ where: { claimId: { in: [own.id, unrated.id, wording.id] } } })).toBe(0);
  });
});

describe("marking a notification read", () => {
  it("is the recipient's alone, audited, and hides it from My work", async () => {
    const claim = await reviewersClaim("the new harbour");
    await updateClaim(editor, edit(claim, null, "Not checkable yet."));
    const unreadOnClaim = async () => (await listUnreadNotifications(reviewer)).filter((n) => n.claim.id === claim.id);
    const [notification] = await unreadOnClaim();
    expect(notification.note).toBe("Not checkable yet.");

    const before = await counts();
    await expect(markNotificationRead(editor, { notificationId: notification.id })).rejects.toThrow(new NotFoundError("That notification").message);
    expect(await counts()).toEqual(before);

    const mark = await lastAuditId();
    await markNotificationRead(reviewer, { notificationId: notification.id });
    expect(await unreadOnClaim()).toEqual([]);
    expect(await auditSince(mark)).toEqual([
      expect.objectContaining({ action: "notification.read", actorId: reviewer.id, entityType: "User", entityId: reviewer.id, after: { notificationId: notification.id } }),
    ]);
    // Reading it again changes nothing.
    await markNotificationRead(reviewer, { notificationId: notification.id });
    expect(await auditSince(mark)).toHaveLength(1);
  });
});
