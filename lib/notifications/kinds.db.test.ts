import { VERITY_CATALOGUE } from "@/lib/ratings/test-catalogue";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { FieldError } from "@/lib/errors";
import { addComment } from "@/lib/claims/comments";
import { getClaimDetail } from "@/lib/claims/data";
import { assignClaims } from "@/lib/claims/organise";
import { transitionClaim } from "@/lib/workflow/data";
import { publishArticle } from "@/lib/publishing/data";
import { assignArticle } from "@/lib/assignments/data";
import { auditSince, lastAuditId, makeArticle, makeClaim, makeHarbourDesk, makeReadyDraft, makeUser, type TestArticle } from "@/lib/claims/test-fixtures";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationTarget,
} from "@/lib/notifications/data";
import { describeNotification } from "@/lib/notifications/describe";

/**
 * Each kind of notification: written in the transaction of the change that causes it, to the
 * person it concerns and nobody else (never to whoever made the change), listed, counted and
 * marked read by its recipient only.
 */

useTestDatabase();

let reviewer: Actor;
let editor: Actor;
let otherEditor: Actor;
let article: TestArticle;

beforeAll(async () => {
  ({ reviewer, editor, otherEditor, article } = await makeHarbourDesk());
});

const notificationsOf = async (user: Actor, claimId?: string) =>
  (await listNotifications(user)).filter((n) => claimId === undefined || n.claim?.id === claimId).map((n) => ({ kind: n.kind, actor: n.actor?.name, note: n.note, text: describeNotification(n, VERITY_CATALOGUE) }));

async function submitted(phrase: string) {
  const draft = await makeReadyDraft(reviewer, article, phrase);
  const version = await transitionClaim(reviewer, { claimId: draft.id, version: draft.version, action: "submit", note: null });
  return { id: draft.id, version };
}

describe("mentions", () => {
  it("in a comment tell the person named by full name or email local part; an unknown @name and the writer are not told", async () => {
    const claim = await makeClaim(reviewer, article, "create 2,000 jobs");
    const localPart = editor.email.split("@")[0];
    const mark = await lastAuditId();
    const { id } = await addComment(reviewer, {
      claimId: claim.id,
      body: `@Elena Editor can you check the date? Also @${localPart}, @nobody and @Rita Reviewer.`,
    });

    expect(await notificationsOf(editor, claim.id)).toEqual([
      { kind: "MENTION", actor: "Rita Reviewer", note: expect.stringContaining("can you check the date?"), text: "Rita Reviewer mentioned you on ‘Claim: create 2,000 jobs’" },
    ]);
    expect(await notificationsOf(reviewer, claim.id)).toEqual([]);
    expect(await notificationsOf(otherEditor, claim.id)).toEqual([]);
    expect(await auditSince(mark)).toEqual([
      expect.objectContaining({ action: "comment.add", after: expect.objectContaining({ commentId: id, mentionedUserIds: [editor.id] }) }),
    ]);
    const [notification] = await listNotifications(editor);
    expect(await notificationTarget(editor, notification.id)).toBe(`/articles/${article.id}?claim=${claim.id}#comment-${id}`);
  });

  it("in a review note (request changes, reopen) tell the person named", async () => {
    const claim = await submitted("Construction starts next spring");
    const version = await transitionClaim(editor, { claimId: claim.id, version: claim.version, action: "request_changes", note: "@Ben Editor please look at the dates." });
    expect(await notificationsOf(otherEditor, claim.id)).toEqual([expect.objectContaining({ kind: "MENTION", note: "@Ben Editor please look at the dates." })]);
    const again = await transitionClaim(reviewer, { claimId: claim.id, version, action: "submit", note: null });
    const approved = await transitionClaim(otherEditor, { claimId: claim.id, version: again, action: "approve", note: null });
    await transitionClaim(otherEditor, { claimId: claim.id, version: approved, action: "reopen", note: "@Elena Editor the study was revised." });
    expect(await notificationsOf(editor, claim.id)).toEqual([expect.objectContaining({ kind: "MENTION", note: "@Elena Editor the study was revised." })]);
  });
});

describe("replies", () => {
  it("thread one level under a comment: a reply to a reply joins the first comment's thread", async () => {
    const claim = await makeClaim(reviewer, article, "ends in 2027");
    const first = await addComment(reviewer, { claimId: claim.id, body: "Is 2027 right?" });
    const reply = await addComment(editor, { claimId: claim.id, body: "The plan says 2028.", parentId: first.id });
    const replyToReply = await addComment(reviewer, { claimId: claim.id, body: "Thanks.", parentId: reply.id });
    const { comments } = await getClaimDetail(reviewer, claim.id);
    expect(comments.map((c) => [c.id, c.parentId])).toEqual([
      [first.id, null],
      [reply.id, first.id],
      [replyToReply.id, first.id],
    ]);
  });

  it("to a comment of another claim is refused on the field and writes nothing", async () => {
    const claim = await makeClaim(reviewer, article, "largest investment");
    const elsewhere = await makeClaim(reviewer, article, "The mayor called it");
    const other = await addComment(reviewer, { claimId: elsewhere.id, body: "Elsewhere." });
    const before = await prisma.comment.count();
    const error = await addComment(editor, { claimId: claim.id, body: "Misplaced.", parentId: other.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "parentId" });
    expect(await prisma.comment.count()).toBe(before);
  });
});

describe("the workflow", () => {
  it("tells the claim's author of changes requested (with the note) and of approval", async () => {
    const claim = await submitted("new harbour");
    const version = await transitionClaim(editor, { claimId: claim.id, version: claim.version, action: "request_changes", note: "Cite the study's figure." });
    expect(await notificationsOf(reviewer, claim.id)).toEqual([
      { kind: "CHANGES_REQUESTED", actor: "Elena Editor", note: "Cite the study's figure.", text: "Elena Editor requested changes on your claim ‘Claim: new harbour’" },
    ]);
    const resubmitted = await transitionClaim(reviewer, { claimId: claim.id, version, action: "submit", note: null });
    await transitionClaim(editor, { claimId: claim.id, version: resubmitted, action: "approve", note: null });
    expect((await notificationsOf(reviewer, claim.id)).map((n) => n.kind)).toEqual(["APPROVED", "CHANGES_REQUESTED"]);
    expect(await notificationsOf(editor, claim.id)).toEqual([]);
  });

  it("tells the author of a public correction of their published claim", async () => {
    const published = await makeArticle(["Bridge Opens", "The bridge cost 40 million euros."]);
    const draft = await makeReadyDraft(reviewer, published, "40 million euros");
    let version = await transitionClaim(reviewer, { claimId: draft.id, version: draft.version, action: "submit", note: null });
    version = await transitionClaim(editor, { claimId: draft.id, version, action: "approve", note: null });
    await publishArticle(editor, published.id);
    await transitionClaim(otherEditor, { claimId: draft.id, version, action: "reopen", note: "Audit report out.", correctionNote: "The cost is being rechecked." });
    expect((await notificationsOf(reviewer, draft.id)).find((n) => n.kind === "CORRECTION")).toEqual({
      kind: "CORRECTION",
      actor: "Ben Editor",
      note: "The cost is being rechecked.",
      text: "Ben Editor opened a public correction of your claim ‘Claim: 40 million euros’",
    });
  });
});

describe("assignments", () => {
  it("tell the new assignee of a claim or an article, with the due date; nobody is told of assigning themselves", async () => {
    const claim = await makeClaim(reviewer, article, "port authority");
    await assignClaims(editor, { claims: [{ id: claim.id, version: claim.version }], assigneeId: reviewer.id, dueOn: new Date("2026-12-24T00:00:00Z") });
    expect(await notificationsOf(reviewer, claim.id)).toEqual([
      { kind: "ASSIGNED", actor: "Elena Editor", note: "Claim: port authority (due 2026-12-24)", text: "Elena Editor assigned you the claim ‘Claim: port authority’" },
    ]);
    const own = await makeClaim(reviewer, article, "said the new");
    await assignClaims(reviewer, { claims: [{ id: own.id, version: own.version }], assigneeId: reviewer.id });
    expect(await notificationsOf(reviewer, own.id)).toEqual([]);

    const toCheck = await makeArticle(["Tram Line Extended", "The tram will reach the airport by 2030."]);
    await assignArticle(editor, { articleId: toCheck.id, assigneeId: reviewer.id, dueOn: null });
    const [latest] = await listNotifications(reviewer);
    expect(latest).toMatchObject({ kind: "ASSIGNED", claim: null, article: { id: toCheck.id, title: "Tram Line Extended" } });
    expect(describeNotification(latest, VERITY_CATALOGUE)).toBe("Elena Editor assigned you the article ‘Tram Line Extended’");
    expect(await notificationTarget(reviewer, latest.id)).toBe(`/articles/${toCheck.id}`);
  });
});

describe("the list, the count and marking read", () => {
  it("are the recipient's own; marking all read is audited once and clears the count", async () => {
    const reader = await makeUser("REVIEWER", "Nora Newcomer");
    const claim = await makeClaim(reviewer, article, "the largest");
    await addComment(editor, { claimId: claim.id, body: "@Nora Newcomer first" });
    await addComment(editor, { claimId: claim.id, body: "@Nora Newcomer second" });
    await addComment(editor, { claimId: claim.id, body: "@Nora Newcomer third" });
    expect(await countUnreadNotifications(reader)).toBe(3);
    expect((await listNotifications(reader)).map((n) => n.note)).toEqual(["@Nora Newcomer third", "@Nora Newcomer second", "@Nora Newcomer first"]);

    const [third] = await listNotifications(reader);
    await expect(markNotificationRead(editor, { notificationId: third.id })).rejects.toThrow("That notification");
    await expect(notificationTarget(editor, third.id)).rejects.toThrow("That notification");
    await markNotificationRead(reader, { notificationId: third.id });
    expect(await countUnreadNotifications(reader)).toBe(2);

    // A notification that arrives after the page was shown stays unread.
    const shown = await listNotifications(reader);
    await addComment(editor, { claimId: claim.id, body: "@Nora Newcomer fourth" });
    await expect(markAllNotificationsRead(editor, { upToId: shown[0].id })).rejects.toThrow("That notification");
    const mark = await lastAuditId();
    expect(await markAllNotificationsRead(reader, { upToId: shown[0].id })).toBe(2);
    expect(await countUnreadNotifications(reader)).toBe(1);
    expect(await markAllNotificationsRead(reader, { upToId: (await listNotifications(reader))[0].id })).toBe(1);
    expect(await countUnreadNotifications(reader)).toBe(0);
    expect((await auditSince(mark)).map((e) => [e.action, e.actorId, e.after])).toEqual([
      ["notification.read_all", reader.id, { count: 2 }],
      ["notification.read_all", reader.id, { count: 1 }],
    ]);
    // Read notifications stay listed; nothing left to mark writes nothing.
    expect(await listNotifications(reader)).toHaveLength(4);
    expect(await markAllNotificationsRead(reader, { upToId: shown[0].id })).toBe(0);
    expect(await auditSince(mark)).toHaveLength(2);
  });

  it("leave out notifications about a retired article for a reviewer", async () => {
    const retiring = await makeArticle(["Stadium Plans", "The stadium will seat 60,000 people."]);
    const claim = await makeClaim(reviewer, retiring, "60,000 people");
    await addComment(editor, { claimId: claim.id, body: "@Rita Reviewer is the capacity right?" });
    const before = await countUnreadNotifications(reviewer);
    await prisma.article.update({ where: { id: retiring.id }, data: { retiredAt: new Date() } });
    expect(await countUnreadNotifications(reviewer)).toBe(before - 1);
    expect((await listNotifications(reviewer)).some((n) => n.claim?.id === claim.id)).toBe(false);
  });
});
