import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { makeArticle, makeClaim, makeUser } from "@/lib/claims/test-fixtures";
import { linkSameClaim, unlinkSameClaim } from "@/lib/claims/same-claim";
import { deleteClaim } from "@/lib/claims/data";

/**
 * Same-claim links change what published fact-checks say (ClaimReview `appearance`, "Same
 * claim elsewhere"), so joining settled claims (approved, or on published articles) with
 * each other is an editor's decision; a reviewer's own draft may still join one of them.
 */

useTestDatabase();

async function publishedArticle(title: string) {
  const article = await makeArticle([title, "The port handled 4 million containers last year, the minister said."]);
  await prisma.article.update({ where: { id: article.id }, data: { publishedAt: new Date() } });
  return article;
}

describe("same-claim links of settled claims", () => {
  it("refuses a reviewer who joins two approved claims of published articles through a draft of theirs, and writes nothing", async () => {
    const [reviewer, colleague, editor] = [await makeUser("REVIEWER"), await makeUser("REVIEWER"), await makeUser("EDITOR")];
    const a = await makeClaim(colleague, await publishedArticle("Port article one"), "4 million containers", { state: "APPROVED" });
    const b = await makeClaim(colleague, await publishedArticle("Port article two"), "4 million containers", { state: "APPROVED" });
    const x = await makeClaim(reviewer, await makeArticle(["Draft article", "Officials said 4 million containers passed through."]), "4 million containers");

    // A draft may join one approved claim (to adopt its verdict)...
    const groupId = await linkSameClaim(reviewer, { claimId: x.id, otherClaimId: a.id });
    const audited = await prisma.auditEvent.count();
    // ...but not then tie a second approved, published claim to the first.
    await expect(linkSameClaim(reviewer, { claimId: x.id, otherClaimId: b.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: b.id } })).groupId).toBeNull();
    expect(await prisma.auditEvent.count()).toBe(audited);

    await deleteClaim(reviewer, { claimId: x.id, version: x.version });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: a.id } })).groupId).toBe(groupId);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: b.id } })).groupId).toBeNull();

    // An editor may make the link; every claim it moves records it.
    const y = await makeClaim(editor, await makeArticle(["Editor's article", "Some 4 million containers, the port says."]), "4 million containers");
    await linkSameClaim(editor, { claimId: y.id, otherClaimId: a.id });
    await linkSameClaim(editor, { claimId: y.id, otherClaimId: b.id });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: b.id } })).groupId).toBe(groupId);
    expect(await prisma.auditEvent.count({ where: { action: "same_claim.linked", entityId: b.id } })).toBe(1);
  });

  it("refuses a reviewer who unlinks their claim on a published article", async () => {
    const reviewer = await makeUser("REVIEWER");
    const mine = await makeClaim(reviewer, await makeArticle(["Unpublished", "The port handled 4 million containers."]), "4 million containers");
    const onPublished = await makeClaim(reviewer, await publishedArticle("Published port article"), "4 million containers");
    await linkSameClaim(reviewer, { claimId: mine.id, otherClaimId: onPublished.id });
    await expect(unlinkSameClaim(reviewer, { claimId: onPublished.id })).rejects.toThrow("ask an editor");
    await unlinkSameClaim(reviewer, { claimId: mine.id });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: onPublished.id } })).groupId).toBeNull();
  });
});
