import { useTestDatabase } from "@/test/db";
import { prisma } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { addEvidence, getClaimDetail, removeEvidence, updateClaim } from "@/lib/claims/data";
import { makeArticle, makeClaim, makeUser } from "@/lib/claims/test-fixtures";
import { transitionClaim } from "@/lib/workflow/data";
import { loadArticleExport } from "@/lib/export/data";
import { renderExport } from "@/lib/export/render";

/**
 * The four-eyes rule covers everything a claim publishes: an editor who rewrote a submitted
 * claim's restatement or rationale, or changed its evidence, cannot then approve it; another
 * editor can, and the published claim credits both its author and its editor.
 */

useTestDatabase();

const LATEST_CHANGE = "You made the latest change to what this claim publishes, so another editor must approve it (four-eyes rule).";

async function submittedClaim() {
  const [reviewer, editor, other] = [await makeUser("REVIEWER"), await makeUser("EDITOR"), await makeUser("EDITOR")];
  const article = await makeArticle(["Harbour plan", "The port authority said the harbour will create 2,000 jobs."]);
  const made = await makeClaim(reviewer, article, "create 2,000 jobs", { verdict: "MOSTLY_FALSE", rationale: "A study expects 600 jobs." });
  const { version } = await addEvidence(reviewer, {
    kind: "EXTERNAL",
    claimId: made.id,
    version: made.version,
    stance: "CONTRADICTS",
    url: "https://example.org/study",
    title: "Jobs study",
    accessedAt: "2025-01-15",
  });
  const second = await addEvidence(reviewer, { kind: "EXTERNAL", claimId: made.id, version, stance: "CONTEXT", url: "https://example.org/port", title: "Port report", accessedAt: "2025-01-16" });
  const submitted = await transitionClaim(reviewer, { claimId: made.id, version: second.version, action: "submit", note: null });
  return { reviewer, editor, other, claimId: made.id, version: submitted };
}

describe("the four-eyes rule over a claim's published content", () => {
  it("refuses the editor who rewrote the rationale, and lets another editor approve", async () => {
    const { editor, other, claimId, version } = await submittedClaim();
    const edited = await updateClaim(editor, { claimId, version, restatement: "The harbour will create 2,000 jobs.", verdict: "MOSTLY_FALSE", rationale: "The editor's own rationale." });
    expect((await getClaimDetail(editor, claimId)).contentChangedBy?.id).toBe(editor.id);
    const refused = transitionClaim(editor, { claimId, version: edited, action: "approve", note: null });
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refused).rejects.toThrow(LATEST_CHANGE);
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).state).toBe("SUBMITTED");
    await transitionClaim(other, { claimId, version: edited, action: "approve", note: null });
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).state).toBe("APPROVED");
  });

  it("credits the editor's changes on the published claim beside its author", async () => {
    const { reviewer, editor, other, claimId, version } = await submittedClaim();
    const edited = await updateClaim(editor, { claimId, version, restatement: "The harbour will create 2,000 jobs.", verdict: "MOSTLY_FALSE", rationale: "The editor's own rationale." });
    await transitionClaim(other, { claimId, version: edited, action: "approve", note: null });
    const { articleId } = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
    const model = await loadArticleExport(editor, articleId, { appUrl: "https://verity.example" });
    expect(model.claims[0]).toMatchObject({ author: { name: reviewer.name }, editedBy: { name: editor.name }, approvedBy: { name: other.name } });
    expect(renderExport(model, "html")).toContain(`Written by ${reviewer.name}, edited by ${editor.name}. Approved by ${other.name}`);
  });

  it("refuses the editor who added or removed evidence", async () => {
    const { editor, claimId, version } = await submittedClaim();
    const added = await addEvidence(editor, { kind: "EXTERNAL", claimId, version, stance: "SUPPORTS", url: "https://example.org/editor", title: "The editor's source", accessedAt: "2025-02-01" });
    await expect(transitionClaim(editor, { claimId, version: added.version, action: "approve", note: null })).rejects.toThrow(LATEST_CHANGE);

    const second = await submittedClaim();
    const evidence = await prisma.evidence.findFirstOrThrow({ where: { claimId: second.claimId } });
    const { version: removed } = await removeEvidence(second.editor, { evidenceId: evidence.id, version: second.version });
    await expect(transitionClaim(second.editor, { claimId: second.claimId, version: removed, action: "approve", note: null })).rejects.toThrow(LATEST_CHANGE);
  });
});
