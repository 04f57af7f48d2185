import { useTestDatabase } from "@/test/db";
import { databaseState } from "@/test/db-snapshot";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { auditSince, lastAuditId, makeArticle, makeUser, spanOf, type TestArticle } from "@/lib/claims/test-fixtures";
import { listAuditEvents } from "@/lib/audit/log";
import { addBlindMark, closeMarking, finishMarking, openMarking, reconcileMarks, removeBlindMark } from "@/lib/marking/writes";
import { getMarking, listMarkingAgreement } from "@/lib/marking/reads";
import { previewVersion } from "@/lib/versions/data";
import { VERSION_IN_MARKING } from "@/lib/marking/rules";

/**
 * Blind marking against a real database: before the reveal nobody but its author reads a mark
 * (the other reviewers, editors and admins included), through the marking view, the agreement
 * page and the audit log; the last finish or an editor's close reveals the round; an editor
 * then makes one claim of each group of overlapping marks, or sets it aside, once.
 */

jest.mock("@/lib/auth/current-user", () => ({ getCurrentUser: jest.fn(), isSessionUserDisabled: jest.fn(async () => false) }));

useTestDatabase();

let ana: Actor;
let ben: Actor;
let cleo: Actor;
let outsider: Actor;
let editor: Actor;
let admin: Actor;
let article: TestArticle;

type Panelist = "ana" | "ben" | "cleo";

/**
 * The marks each reviewer makes. Each restatement holds a word nobody else writes: finding it in
 * a response is a leak. Ana and Cleo's spring marks overlap only on "spring"; Ben's first mark
 * holds Ana's, which holds Cleo's.
 */
const MARKS: Record<Panelist, Array<{ phrase: string; restatement: string }>> = {
  ana: [
    { phrase: "create 2,000 jobs", restatement: "anasecretjobs: the harbour makes 2,000 jobs." },
    { phrase: "starts next spring", restatement: "anasecretspring: building starts in spring." },
  ],
  ben: [
    { phrase: "will create 2,000 jobs", restatement: "bensecretjobs: 2,000 new jobs." },
    { phrase: "the largest investment", restatement: "bensecretinvestment: the largest investment ever." },
  ],
  cleo: [
    { phrase: "2,000 jobs", restatement: "cleosecretjobs: 2,000 jobs." },
    { phrase: "spring and ends in 2027", restatement: "cleosecretspring: done by 2027." },
  ],
};
const SECRETS = ["anasecret", "bensecret", "cleosecret"];
/** Phrases only a mark quotes (no other mark's phrase contains them). */
const QUOTED = ["will create", "starts next", "the largest investment", "spring and ends"];

const panelists = (): Record<Panelist, Actor> => ({ ana, ben, cleo });

function secretsIn(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret));
}

beforeAll(async () => {
  [ana, ben, cleo, outsider, editor, admin] = await Promise.all([
    makeUser("REVIEWER", "Ana Panel"),
    makeUser("REVIEWER", "Ben Panel"),
    makeUser("REVIEWER", "Cleo Panel"),
    makeUser("REVIEWER", "Otto Outsider"),
    makeUser("EDITOR", "Elena Editor"),
    makeUser("ADMIN", "Adam Admin"),
  ]);
});

beforeEach(async () => {
  article = await makeArticle([
    "Harbour Plan Approved",
    "The port authority said the new harbour will create 2,000 jobs.",
    "Construction starts next spring and ends in 2027.",
    "The mayor called it the largest investment in the city's history.",
  ]);
});

async function openPanel(reviewers: Actor[]) {
  const { roundId } = await openMarking(editor, { articleId: article.id, size: reviewers.length as 2 | 3, reviewerIds: reviewers.map((r) => r.id) });
  return roundId;
}

/** The reviewer's marks of MARKS, in order; their ids. */
async function markAll(who: Panelist, roundId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const { phrase, restatement } of MARKS[who]) {
    ids.push((await addBlindMark(panelists()[who], { roundId, ...spanOf(article.text, phrase), restatement })).markId);
  }
  return ids;
}

/** Everything the viewer reads of the article's marking, as text: the marking view, the agreement page, the audit log. */
async function everythingSeenBy(viewer: Actor): Promise<string> {
  const reads = await Promise.all([
    getMarking(viewer, article.id).then((view) => JSON.stringify(view)),
    viewer.role === "REVIEWER" ? "" : listMarkingAgreement(viewer, {}).then((rows) => JSON.stringify(rows)),
    viewer.role === "ADMIN" ? listAuditEvents(viewer, { page: 1 }).then((log) => JSON.stringify(log, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) : "",
  ]);
  return reads.join("\n");
}

const markingEvents = () => prisma.auditEvent.findMany({ where: { entityId: article.id, action: { startsWith: "marking." } }, orderBy: { id: "asc" } });

describe("while the round is open", () => {
  it("only its author reads a mark: not the other reviewers, not an editor, not an admin, not in the audit log", async () => {
    const start = await lastAuditId();
    const roundId = await openPanel([ana, ben, cleo]);
    await markAll("ana", roundId);
    await markAll("ben", roundId);
    await finishMarking(ana, { roundId });

    expect(secretsIn(await everythingSeenBy(ana))).toEqual(["anasecret"]);
    expect(secretsIn(await everythingSeenBy(ben))).toEqual(["bensecret"]);
    for (const viewer of [cleo, outsider, editor, admin]) expect([viewer.name, secretsIn(await everythingSeenBy(viewer))]).toEqual([viewer.name, []]);

    const anasView = (await getMarking(ana, article.id))!;
    expect(anasView.mine.map((m) => [m.reviewer.name, m.exact])).toEqual([
      ["Ana Panel", "create 2,000 jobs"],
      ["Ana Panel", "starts next spring"],
    ]);
    expect(anasView).toMatchObject({ groups: null, agreement: null, mayMark: false, mayClose: false, mayReconcile: false });
    expect((await getMarking(cleo, article.id))!).toMatchObject({ mine: [], groups: null, agreement: null, mayMark: true });
    // Editors see who has finished, not what was marked.
    const editorsView = (await getMarking(editor, article.id))!;
    expect(editorsView).toMatchObject({ mine: [], groups: null, agreement: null, closedAt: null, mayMark: false, mayClose: true, mayReconcile: false });
    expect(editorsView.seats.map((s) => [s.reviewer.name, s.finishedAt !== null])).toEqual([
      ["Ana Panel", true],
      ["Ben Panel", false],
      ["Cleo Panel", false],
    ]);
    // Nor do they read the quotes: Ana's spring mark quotes text no other mark does.
    for (const viewer of [ben, cleo, editor, admin]) expect([viewer.name, JSON.stringify(await getMarking(viewer, article.id)).includes("starts next spring")]).toEqual([viewer.name, false]);
    expect(await listMarkingAgreement(editor, {})).toEqual([]);

    // The round's audit events carry the round, never a mark's quote or restatement.
    const events = await markingEvents();
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["marking.open", editor.id],
      ["marking.mark", ana.id],
      ["marking.mark", ana.id],
      ["marking.mark", ben.id],
      ["marking.mark", ben.id],
      ["marking.finish", ana.id],
    ]);
    for (const event of events.slice(1)) expect([event.action, event.before, event.after]).toEqual([event.action, null, { roundId }]);
    // They are the only events written meanwhile: no other kind of event holds a mark either.
    expect((await auditSince(start)).map((e) => e.id)).toEqual(events.map((e) => e.id));
    const text = JSON.stringify(events.map((e) => [e.before, e.after]));
    for (const phrase of [...QUOTED, "2,000", "secret"]) expect([phrase, text.includes(phrase)]).toEqual([phrase, false]);
  });

  it("keeps a removed mark's text out of the audit log too, and lets only its author remove it", async () => {
    const roundId = await openPanel([ana, ben]);
    const [anasMark] = await markAll("ana", roundId);
    const before = await databaseState();
    await expect(removeBlindMark(ben, { markId: anasMark })).rejects.toThrow("That mark was not found.");
    await expect(removeBlindMark(editor, { markId: anasMark })).rejects.toThrow("That mark was not found.");
    expect(await databaseState()).toEqual(before);

    const mark = await lastAuditId();
    await removeBlindMark(ana, { markId: anasMark });
    expect((await auditSince(mark)).map((e) => [e.action, e.actorId, e.after])).toEqual([["marking.unmark", ana.id, { roundId }]]);
    expect((await getMarking(ana, article.id))!.mine.map((m) => m.exact)).toEqual(["starts next spring"]);
  });
});

describe("revealing", () => {
  it("reveals the round at the last finish: everyone who may see the article reads every mark, grouped where they overlap", async () => {
    const roundId = await openPanel([ana, ben, cleo]);
    const [a1, a2] = await markAll("ana", roundId);
    const [b1, b2] = await markAll("ben", roundId);
    const [c1, c2] = await markAll("cleo", roundId);
    expect(await finishMarking(ana, { roundId })).toMatchObject({ revealed: false });
    expect(await finishMarking(ben, { roundId })).toMatchObject({ revealed: false });
    expect(secretsIn(await everythingSeenBy(editor))).toEqual([]);
    const mark = await lastAuditId();
    expect(await finishMarking(cleo, { roundId })).toEqual({ revealed: true, articleId: article.id });
    expect((await auditSince(mark)).map((e) => [e.action, e.actorId])).toEqual([
      ["marking.finish", cleo.id],
      ["marking.reveal", cleo.id],
    ]);

    for (const viewer of [ana, ben, cleo, outsider, editor, admin]) {
      expect([viewer.name, secretsIn(JSON.stringify(await getMarking(viewer, article.id)))]).toEqual([viewer.name, SECRETS]);
    }
    const view = (await getMarking(outsider, article.id))!;
    expect(view).toMatchObject({ closedAt: expect.any(Date), closedBy: null, mine: [], mayMark: false, mayClose: false, mayReconcile: false });
    expect((await getMarking(editor, article.id))!).toMatchObject({ mayReconcile: true, mayClose: false });
    // Groups in text order; in a group, marks by start: Ben's holds Ana's, which holds Cleo's; Ana's and Cleo's spring marks share "spring".
    expect(view.groups!.map((g) => [g.marks.map((m) => m.id), g.resolved, g.claimId])).toEqual([
      [[b1, a1, c1], false, null],
      [[a2, c2], false, null],
      [[b2], false, null],
    ]);
    expect(view.groups![0].marks.map((m) => [m.reviewer.name, m.exact, m.restatement])).toEqual([
      ["Ben Panel", "will create 2,000 jobs", MARKS.ben[0].restatement],
      ["Ana Panel", "create 2,000 jobs", MARKS.ana[0].restatement],
      ["Cleo Panel", "2,000 jobs", MARKS.cleo[0].restatement],
    ]);
    expect(view.groups![0].marks[1]).toMatchObject({ ...spanOf(article.text, "create 2,000 jobs"), prefix: expect.stringContaining("harbour will "), suffix: expect.stringMatching(/^\./) });

    // Overlap F1, by hand: Ana–Ben match on the jobs marks (1 match of 4 marks: 2/4 = 0.5); Ana–Cleo on the jobs and the
    // spring marks (2 of 4: 1); Ben–Cleo on the jobs marks (1 of 4: 0.5). Overall 2 × (1 + 2 + 1) / (4 + 4 + 4) = 8/12 = 2/3.
    expect(view.agreement!.pairs.map((p) => [p.a.name, p.b.name, p.matches, p.marks, p.f1])).toEqual([
      ["Ana Panel", "Ben Panel", 1, 4, 0.5],
      ["Ana Panel", "Cleo Panel", 2, 4, 1],
      ["Ben Panel", "Cleo Panel", 1, 4, 0.5],
    ]);
    expect(view.agreement!.overall).toEqual({ matches: 4, marks: 12, f1: 2 / 3 });
    const [row] = await listMarkingAgreement(editor, { article: article.id });
    expect(row).toMatchObject({ roundId, article: { id: article.id }, overall: { matches: 4, marks: 12, f1: 2 / 3 } });
    expect(await listMarkingAgreement(editor, { reviewer: outsider.id })).toEqual([]);

    // The reveal's event is the first to carry the marks' text.
    const [reveal] = await prisma.auditEvent.findMany({ where: { entityId: article.id, action: "marking.reveal" } });
    expect(reveal.after).toMatchObject({ roundId, closedEarly: false });
    expect((reveal.after as { marks: Array<{ exact: string }> }).marks.map((m) => m.exact).sort()).toEqual(
      ["will create 2,000 jobs", "create 2,000 jobs", "2,000 jobs", "starts next spring", "spring and ends in 2027", "the largest investment"].sort(),
    );
    // Marking is over for everyone.
    await expect(addBlindMark(ana, { roundId, ...spanOf(article.text, "Construction"), restatement: "Late." })).rejects.toThrow(
      "This blind marking is over: its marks have been revealed.",
    );
  });

  it("reveals the round once when the last two reviewers finish at the same moment", async () => {
    const roundId = await openPanel([ana, ben]);
    await markAll("ana", roundId);
    await markAll("ben", roundId);
    const results = await Promise.all([finishMarking(ana, { roundId }), finishMarking(ben, { roundId })]);
    expect(results.map((r) => r.revealed).sort()).toEqual([false, true]);
    expect((await markingEvents()).filter((e) => e.action === "marking.reveal")).toHaveLength(1);
    expect((await getMarking(outsider, article.id))!.groups).toHaveLength(3);
  });

  it("lets an editor close the round early: the marks made are revealed, and no more are taken", async () => {
    const roundId = await openPanel([ana, ben]);
    await markAll("ana", roundId);
    await expect(closeMarking(ana, { roundId })).rejects.toThrow("Only editors may do that.");
    const mark = await lastAuditId();
    expect(await closeMarking(editor, { roundId })).toEqual({ articleId: article.id });
    expect((await auditSince(mark)).map((e) => [e.action, e.actorId, (e.after as { closedEarly: boolean }).closedEarly])).toEqual([["marking.reveal", editor.id, true]]);

    const view = (await getMarking(outsider, article.id))!;
    expect(secretsIn(JSON.stringify(view))).toEqual(["anasecret"]);
    expect(view).toMatchObject({ closedAt: expect.any(Date), closedBy: { id: editor.id, name: editor.name } });
    expect(view.seats.map((s) => [s.reviewer.name, s.finishedAt])).toEqual([
      ["Ana Panel", null],
      ["Ben Panel", null],
    ]);
    // Ben marked nothing: none of Ana's two marks is matched.
    expect(view.agreement!.overall).toEqual({ matches: 0, marks: 2, f1: 0 });
    expect((await getMarking(ben, article.id))!.mayMark).toBe(false);
    await expect(addBlindMark(ben, { roundId, ...spanOf(article.text, "2,000 jobs"), restatement: "Too late." })).rejects.toThrow(
      "This blind marking is over: its marks have been revealed.",
    );
    await expect(finishMarking(ben, { roundId })).rejects.toThrow("This blind marking is over: its marks have been revealed.");
    await expect(closeMarking(editor, { roundId })).rejects.toThrow("This blind marking is already closed.");
  });
});

describe("refusals, writing nothing", () => {
  it("refuses marks from outside the panel, from a reviewer who finished, and a second round", async () => {
    const roundId = await openPanel([ana, ben]);
    await markAll("ana", roundId);
    await finishMarking(ana, { roundId });
    const before = await databaseState();
    const span = { ...spanOf(article.text, "the largest investment"), restatement: "Big." };
    await expect(addBlindMark(outsider, { roundId, ...span })).rejects.toThrow("You are not on this article's blind marking panel.");
    await expect(addBlindMark(editor, { roundId, ...span })).rejects.toThrow("You are not on this article's blind marking panel.");
    await expect(addBlindMark(ana, { roundId, ...span })).rejects.toThrow("You have said you finished marking this article.");
    await expect(finishMarking(ana, { roundId })).rejects.toThrow("You have said you finished marking this article.");
    const [anasMark] = (await getMarking(ana, article.id))!.mine;
    await expect(removeBlindMark(ana, { markId: anasMark.id })).rejects.toThrow("You have said you finished marking this article.");
    await expect(openMarking(editor, { articleId: article.id, size: 2, reviewerIds: [cleo.id, outsider.id] })).rejects.toThrow(
      "This article's blind marking is already under way.",
    );
    await expect(openMarking(ana, { articleId: article.id, size: 2, reviewerIds: [cleo.id, outsider.id] })).rejects.toThrow("Only editors may do that.");
    expect(await databaseState()).toEqual(before);
  });

  it("refuses a new round while the last one has marks to reconcile, and opens one once they are", async () => {
    const roundId = await openPanel([ana, ben]);
    const [a1] = await markAll("ana", roundId);
    await closeMarking(editor, { roundId });
    const before = await databaseState();
    await expect(openMarking(editor, { articleId: article.id, size: 2, reviewerIds: [cleo.id, outsider.id] })).rejects.toThrow(
      "This article's last blind marking has marks to reconcile first.",
    );
    expect(await databaseState()).toEqual(before);

    const { groups } = (await getMarking(editor, article.id))!;
    await reconcileMarks(editor, { outcome: "set_aside", markId: a1 });
    await reconcileMarks(editor, { outcome: "set_aside", markId: groups![1].marks[0].id });
    const next = await openMarking(editor, { articleId: article.id, size: 2, reviewerIds: [cleo.id, outsider.id] });
    // The article's marking is now the new round, blind again.
    expect((await getMarking(editor, article.id))!).toMatchObject({ id: next.roundId, closedAt: null, groups: null });
  });

  it("refuses a mark whose quote is not the article's text there, on `exact`", async () => {
    const roundId = await openPanel([ana, ben]);
    const before = await databaseState();
    const span = spanOf(article.text, "create 2,000 jobs");
    await expect(addBlindMark(ana, { roundId, ...span, exact: "create 3,000 jobs", restatement: "Jobs." })).rejects.toMatchObject({
      field: "exact",
      message: "The selected text no longer matches the article. Reload and select it again.",
    });
    await expect(addBlindMark(ana, { roundId, start: span.start + 1, end: span.end + 1, exact: span.exact, restatement: "Jobs." })).rejects.toMatchObject({ field: "exact" });
    await expect(addBlindMark(ana, { roundId, start: article.text.length - 2, end: article.text.length + 5, exact: "ry.xxxxx", restatement: "Past the end." })).rejects.toMatchObject({
      field: "exact",
    });
    expect(await databaseState()).toEqual(before);
  });

  it("refuses the same words marked twice by one reviewer (a second mark would count against their agreement), but not by another", async () => {
    const roundId = await openPanel([ana, ben]);
    const span = spanOf(article.text, "create 2,000 jobs");
    await addBlindMark(ana, { roundId, ...span, restatement: "Jobs." });
    const before = await databaseState();
    await expect(addBlindMark(ana, { roundId, ...span, restatement: "Jobs again." })).rejects.toMatchObject({ field: "exact", message: "You have already marked these words." });
    expect(await databaseState()).toEqual(before);
    await addBlindMark(ben, { roundId, ...span, restatement: "Jobs." });
    await addBlindMark(ana, { roundId, ...spanOf(article.text, "2,000 jobs"), restatement: "Just the figure." });
    expect(await prisma.blindMark.count({ where: { roundId } })).toBe(3);
  });

  it("refuses to reconcile before the reveal, and to anyone but an editor", async () => {
    const roundId = await openPanel([ana, ben]);
    const [a1] = await markAll("ana", roundId);
    const before = await databaseState();
    const early = "This blind marking is still under way: its marks are revealed when it closes.";
    await expect(reconcileMarks(editor, { outcome: "claim", markId: a1, restatement: "Early." })).rejects.toThrow(early);
    await expect(reconcileMarks(admin, { outcome: "set_aside", markId: a1 })).rejects.toThrow(early);
    await expect(reconcileMarks(ana, { outcome: "set_aside", markId: a1 })).rejects.toThrow("Only editors may do that.");
    expect(await databaseState()).toEqual(before);
    await closeMarking(editor, { roundId });
    await expect(reconcileMarks(ana, { outcome: "claim", markId: a1, restatement: "Mine." })).rejects.toThrow("Only editors may do that.");
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("reconciling", () => {
  async function revealedRound() {
    const roundId = await openPanel([ana, ben, cleo]);
    const marks = { ana: await markAll("ana", roundId), ben: await markAll("ben", roundId), cleo: await markAll("cleo", roundId) };
    for (const who of ["ana", "ben", "cleo"] as const) await finishMarking(panelists()[who], { roundId });
    return { roundId, marks };
  }

  it("makes one draft claim of the chosen mark's span with the editor's restatement, and resolves that group alone", async () => {
    const { roundId, marks } = await revealedRound();
    const mark = await lastAuditId();
    const { claimId, articleId } = await reconcileMarks(editor, { outcome: "claim", markId: marks.ana[0], restatement: "The harbour will create 2,000 jobs." });
    expect(articleId).toBe(article.id);

    const claims = await prisma.claim.findMany({ where: { articleId: article.id } });
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      id: claimId,
      authorId: editor.id,
      state: "DRAFT",
      restatement: "The harbour will create 2,000 jobs.",
      verdict: null,
      startOffset: spanOf(article.text, "create 2,000 jobs").start,
      endOffset: spanOf(article.text, "create 2,000 jobs").end,
      exact: "create 2,000 jobs",
    });
    const rows = await prisma.blindMark.findMany({ where: { roundId }, select: { id: true, resolvedAt: true, claimId: true } });
    const resolved = (ids: string[]) => rows.filter((r) => ids.includes(r.id)).map((r) => [r.resolvedAt !== null, r.claimId]);
    const group = [marks.ben[0], marks.ana[0], marks.cleo[0]];
    expect(resolved(group)).toEqual(group.map(() => [true, claimId]));
    expect(resolved([marks.ana[1], marks.ben[1], marks.cleo[1]])).toEqual([0, 1, 2].map(() => [false, null]));

    const events = await auditSince(mark);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["claim.create", editor.id],
      ["marking.reconcile", editor.id],
    ]);
    expect(events[1].after).toEqual({ roundId, marks: expect.arrayContaining(group), outcome: "claim", claimId });
    expect((events[1].after as { marks: string[] }).marks).toHaveLength(3);
    // One transaction wrote the claim, resolved the marks and recorded the event: PostgreSQL's xmin is its id.
    const xmins = await prisma.$queryRaw<Array<{ xmin: string }>>`
      SELECT xmin::text FROM "Claim" WHERE id = ${claimId}
      UNION ALL SELECT xmin::text FROM "AuditEvent" WHERE id = ${events[1].id}
      UNION ALL SELECT xmin::text FROM "BlindMark" WHERE id IN (${marks.ben[0]}, ${marks.ana[0]}, ${marks.cleo[0]})`;
    expect(xmins).toHaveLength(5);
    expect(new Set(xmins.map((x) => x.xmin)).size).toBe(1);

    const view = (await getMarking(editor, article.id))!;
    expect(view.groups!.map((g) => [g.resolved, g.claimId])).toEqual([
      [true, claimId],
      [false, null],
      [false, null],
    ]);

    // The group is decided once, whichever of its marks names it.
    const before = await databaseState();
    for (const markId of group) {
      await expect(reconcileMarks(editor, { outcome: "claim", markId, restatement: "Again." })).rejects.toThrow("This mark's group has already been reconciled.");
      await expect(reconcileMarks(admin, { outcome: "set_aside", markId })).rejects.toThrow("This mark's group has already been reconciled.");
    }
    expect(await databaseState()).toEqual(before);
  });

  it("sets a group aside without making a claim", async () => {
    const { roundId, marks } = await revealedRound();
    const mark = await lastAuditId();
    expect(await reconcileMarks(editor, { outcome: "set_aside", markId: marks.cleo[1] })).toEqual({ claimId: null, articleId: article.id });
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(0);
    const rows = await prisma.blindMark.findMany({ where: { roundId }, select: { id: true, resolvedAt: true, claimId: true } });
    expect(rows.filter((r) => r.resolvedAt !== null).map((r) => r.id).sort()).toEqual([marks.ana[1], marks.cleo[1]].sort());
    expect(rows.every((r) => r.claimId === null)).toBe(true);
    expect((await auditSince(mark)).map((e) => [e.action, e.after])).toEqual([
      ["marking.reconcile", { roundId, marks: expect.arrayContaining([marks.ana[1], marks.cleo[1]]), outcome: "set_aside", claimId: null }],
    ]);
    expect((await getMarking(editor, article.id))!.groups!.map((g) => [g.resolved, g.claimId])).toEqual([
      [false, null],
      [true, null],
      [false, null],
    ]);
    await expect(reconcileMarks(editor, { outcome: "claim", markId: marks.ana[1], restatement: "After all." })).rejects.toThrow(
      "This mark's group has already been reconciled.",
    );
  });
  it("refuses a new version while its marks wait; and makes no claim of a mark whose words moved all the same: the group is set aside instead", async () => {
    const { roundId, marks } = await revealedRound();
    const content = ["Harbour Plan Approved", "Update: the authority has not revised its figure.", ...article.text.split("\n")].join("\n");
    const input = { articleId: article.id, sourceUrl: null, format: "TEXT" as const, content, file: null, outletUpdatedOn: new Date("2026-12-01T00:00:00Z") };
    await expect(previewVersion(editor, input)).rejects.toThrow(VERSION_IN_MARKING);
    // A text changed under the marks regardless (written before that rule, or by hand): every mark's offsets now point at other words.
    await prisma.article.update({ where: { id: article.id }, data: { canonicalText: `Update: the authority has not revised its figure.\n${article.text}` } });

    const before = await databaseState();
    await expect(reconcileMarks(editor, { outcome: "claim", markId: marks.ana[0], restatement: "2,000 jobs." })).rejects.toMatchObject({
      field: "markId",
      message: "The article's text has changed since this was marked: mark the claim in the article itself, and set this group aside.",
    });
    expect(await databaseState()).toEqual(before);
    await reconcileMarks(editor, { outcome: "set_aside", markId: marks.ana[0] });
    expect(await prisma.blindMark.count({ where: { roundId, resolvedAt: { not: null } } })).toBe(3);
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("a retired article", () => {
  it("takes its marking out of reviewers' reach; editors still read it", async () => {
    const roundId = await openPanel([ana, ben]);
    await markAll("ana", roundId);
    await prisma.article.update({ where: { id: article.id }, data: { retiredAt: new Date() } });
    for (const viewer of [ana, ben, outsider]) expect([viewer.name, await getMarking(viewer, article.id)]).toEqual([viewer.name, null]);
    expect((await getMarking(editor, article.id))!).toMatchObject({ id: roundId, mine: [], groups: null });
    await expect(addBlindMark(ben, { roundId, ...spanOf(article.text, "2,000 jobs"), restatement: "Jobs." })).rejects.toThrow("That marking round was not found.");
    await expect(finishMarking(ana, { roundId })).rejects.toThrow("That marking round was not found.");
    await expect(openMarking(editor, { articleId: article.id, size: 2, reviewerIds: [cleo.id, outsider.id] })).rejects.toThrow("This article is retired: restore it before asking for blind marking.");
  });
});
