import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/current-user";
import { addComment } from "@/lib/claims/comments";
import { makeClaim, makeHarbourDesk, makeUser, type TestArticle } from "@/lib/claims/test-fixtures";
import { claimDueDigests, sendDueDigests } from "@/lib/notifications/digest";
import { setDigest } from "@/lib/notifications/digest-settings";
import { mailSettings } from "@/lib/notifications/mailer";

/**
 * The email digest, sent to an SMTP sink on 127.0.0.1: the due user gets one message with
 * the unread notifications since their last digest; two senders at once never send one twice;
 * without SMTP settings nothing is sent.
 */

useTestDatabase();

interface Received {
  from: string;
  to: string[];
  data: string;
}

let sink: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  port = (sink.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

const settings = () => ({ url: `smtp://127.0.0.1:${port}`, from: "verity@newsroom.test" });
const APP = "http://127.0.0.1:3340";
const hoursAgo = (now: Date, hours: number) => new Date(now.getTime() - hours * 3600_000);

let reviewer: Actor;
let editor: Actor;
let article: TestArticle;

beforeAll(async () => {
  ({ reviewer, editor, article } = await makeHarbourDesk());
});

beforeEach(() => {
  received.length = 0;
});

/** Quoted-printable soft line breaks and escapes (UTF-8 bytes) undone, so the message reads as sent. */
const bodyText = (data: string) =>
  Buffer.from(
    data.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  )
    .toString("utf8")
    .replace(/\r\n/g, "\n");

/** Runs `work` with SMTP settings in the environment (the account page's choice needs them). */
async function withMailSettings<T>(work: () => Promise<T>): Promise<T> {
  process.env.VERITY_SMTP_URL = settings().url;
  process.env.VERITY_MAIL_FROM = settings().from;
  try {
    return await work();
  } finally {
    delete process.env.VERITY_SMTP_URL;
    delete process.env.VERITY_MAIL_FROM;
  }
}

describe("choosing a digest", () => {
  it("is refused on the field without SMTP settings, and starts from now when turned on", async () => {
    const user = await makeUser("REVIEWER", "Dana Digest");
    await expect(setDigest(user, { digest: "DAILY" })).rejects.toMatchObject({ field: "digest", message: "Email is not set up on this server; ask an administrator." });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { digestFrequency: true, lastDigestAt: true } })).toEqual({ digestFrequency: null, lastDigestAt: null });
    const before = new Date();
    await withMailSettings(() => setDigest(user, { digest: "DAILY" }));
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { digestFrequency: true, lastDigestAt: true } });
    expect(after.digestFrequency).toBe("DAILY");
    expect(after.lastDigestAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    // Turning it off needs no SMTP.
    await setDigest(user, { digest: null });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { digestFrequency: true } })).toEqual({ digestFrequency: null });
  });
});

describe("the email digest", () => {
  it("sends a due user their unread notifications since the last digest, once", async () => {
    await withMailSettings(() => setDigest(reviewer, { digest: "HOURLY" }));
    const claim = await makeClaim(reviewer, article, "create 2,000 jobs");
    const now = new Date();
    // The last digest went out two hours ago; one notification is older, one read, two new.
    await prisma.user.update({ where: { id: reviewer.id }, data: { lastDigestAt: hoursAgo(now, 2) } });
    await addComment(editor, { claimId: claim.id, body: "@Rita Reviewer can you check the date?" });
    await addComment(editor, { claimId: claim.id, body: "@Rita Reviewer and the source?" });
    await addComment(editor, { claimId: claim.id, body: "@Rita Reviewer already read" });
    const read = await prisma.notification.findFirstOrThrow({ where: { recipientId: reviewer.id, note: "@Rita Reviewer already read" } });
    await prisma.notification.update({ where: { id: read.id }, data: { readAt: now } });
    await prisma.notification.create({ data: { kind: "MENTION", recipientId: reviewer.id, actorId: editor.id, claimId: claim.id, note: "@Rita Reviewer long ago", createdAt: hoursAgo(now, 3) } });

    // Sent after all of them were written (however slow the database).
    const sentAt = new Date();
    const run = await sendDueDigests({ now: sentAt, appUrl: APP, settings: settings() });
    expect(run).toEqual({ sent: 1, empty: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.from).toBe("verity@newsroom.test");
    expect(mail.to).toEqual([reviewer.email]);
    const text = bodyText(mail.data);
    expect(text).toContain("Subject: Verity: 2 new notifications");
    expect(text).toContain("Elena Editor mentioned you on ‘Claim: create 2,000 jobs’");
    expect(text).toContain("“@Rita Reviewer can you check the date?”");
    expect(text).toContain("“@Rita Reviewer and the source?”");
    expect(text).toContain(`${APP}/articles/${article.id}?claim=${claim.id}`);
    expect(text).not.toContain("already read");
    expect(text).not.toContain("long ago");

    // Not due again within the hour.
    expect(await sendDueDigests({ now: new Date(sentAt.getTime() + 60_000), appUrl: APP, settings: settings() })).toEqual({ sent: 0, empty: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it("is claimed by only one of two senders running at once", async () => {
    const now = new Date();
    const users = await prisma.user.findMany({ select: { id: true } });
    await prisma.user.updateMany({ where: { id: { in: users.map((u) => u.id) } }, data: { digestFrequency: "DAILY", lastDigestAt: hoursAgo(now, 25) } });
    // Two senders (two connections) claim at the same moment, in small batches to interleave.
    const [a, b] = await Promise.all([claimDueDigests(now, 1).then(async (first) => [...first, ...(await claimDueDigests(now, 50))]), claimDueDigests(now, 1).then(async (first) => [...first, ...(await claimDueDigests(now, 50))])]);
    const claimed = [...a, ...b].map((digest) => digest.userId).sort();
    expect(claimed).toEqual(users.map((u) => u.id).sort());
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(await claimDueDigests(now)).toEqual([]);
  });

  it("sends nothing when SMTP is not configured, and leaves the digests due", async () => {
    expect(mailSettings({})).toBeNull();
    expect(mailSettings({ VERITY_SMTP_URL: `smtp://127.0.0.1:${port}` })).toBeNull();
    const now = new Date();
    await prisma.user.update({ where: { id: reviewer.id }, data: { digestFrequency: "HOURLY", lastDigestAt: hoursAgo(now, 5) } });
    const before = await prisma.user.findUniqueOrThrow({ where: { id: reviewer.id }, select: { lastDigestAt: true } });
    expect(await sendDueDigests({ now, appUrl: APP, settings: null })).toEqual({ sent: 0, empty: 0, failed: 0 });
    expect(received).toEqual([]);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: reviewer.id }, select: { lastDigestAt: true } })).toEqual(before);
  });

  it("gives a digest back when the SMTP server cannot be reached, so the next run sends it", async () => {
    const claim = await makeClaim(reviewer, article, "Construction starts");
    await prisma.user.updateMany({ data: { digestFrequency: null } });
    await prisma.notification.updateMany({ where: { recipientId: reviewer.id }, data: { readAt: new Date() } });
    await addComment(editor, { claimId: claim.id, body: "@Rita Reviewer one more thing" });
    const now = new Date();
    await prisma.user.update({ where: { id: reviewer.id }, data: { digestFrequency: "HOURLY", lastDigestAt: hoursAgo(now, 2) } });
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      // Nothing listens on port 1 of loopback.
      expect(await sendDueDigests({ now, appUrl: APP, settings: { url: "smtp://127.0.0.1:1", from: "verity@newsroom.test" } })).toEqual({ sent: 0, empty: 0, failed: 1 });
    } finally {
      consoleError.mockRestore();
    }
    expect(await sendDueDigests({ now, appUrl: APP, settings: settings() })).toEqual({ sent: 1, empty: 0, failed: 0 });
    expect(bodyText(received[0].data)).toContain("Subject: Verity: 1 new notification\n");
    expect(bodyText(received[0].data)).toContain("“@Rita Reviewer one more thing”");
  });
});
