/**
 * Seeds revealed rounds of blind verdicts for e2e/agreement.spec.ts through the data layer, as
 * the app itself would write them: an editor imports an article and marks one claim per
 * sentence, tags them, asks two reviewers for verdicts, and each gives theirs. Run by the spec
 * with the test server's DATABASE_URL, as `node --conditions=react-server --import tsx` (the
 * data layer's modules are server-only). Prints the article's id as JSON.
 *
 * Input (argv[2], JSON): { title, tag, editor, reviewers: [email, email], verdicts: [[v1, v2], …] }.
 */
import { prisma, disconnectPrisma } from "../lib/db/client";
import type { Actor } from "../lib/auth/current-user";
import { importArticle } from "../lib/articles/data";
import { importArticleSchema } from "../lib/articles/schemas";
import { createClaim } from "../lib/claims/data";
import { tagClaims } from "../lib/claims/organise";
import { openRound } from "../lib/rounds/open-round";
import { submitIndependentVerdict } from "../lib/rounds/submit-verdict";
import type { RatingId } from "../lib/ratings/types";

interface Spec {
  title: string;
  tag: string;
  editor: string;
  reviewers: [string, string];
  verdicts: [RatingId, RatingId][];
}

async function actor(email: string): Promise<Actor> {
  return prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true } });
}

async function main() {
  const spec = JSON.parse(process.argv[2]) as Spec;
  const editor = await actor(spec.editor);
  const reviewers = await Promise.all(spec.reviewers.map(actor));
  const sentences = spec.verdicts.map((_, i) => `Claim number ${i + 1} of ${spec.title} says ${1000 + i} jobs.`);
  const articleId = await importArticle(
    editor,
    importArticleSchema.parse({ format: "TEXT", content: [spec.title, ...sentences].join("\n"), outlet: "Agreement Test", title: spec.title, url: "", publicationDate: "", language: "en", edits: "" }),
  );
  const { canonicalText } = await prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { canonicalText: true } });
  for (const [i, [first, second]] of spec.verdicts.entries()) {
    const start = canonicalText.indexOf(sentences[i]);
    const claim = await createClaim(editor, { articleId, start, end: start + sentences[i].length, exact: sentences[i], restatement: `Claim ${i + 1}` });
    const [tagged] = (await tagClaims(editor, { claims: [{ id: claim.id, version: claim.version }], tags: [spec.tag], mode: "add" })).changed;
    const { roundId } = await openRound(editor, { claimId: claim.id, version: tagged.version, size: 2, reviewerIds: reviewers.map((r) => r.id) });
    await submitIndependentVerdict(reviewers[0], { roundId, verdict: first, rationale: `${reviewers[0].name} on claim ${i + 1}.` });
    await submitIndependentVerdict(reviewers[1], { roundId, verdict: second, rationale: `${reviewers[1].name} on claim ${i + 1}.` });
  }
  process.stdout.write(JSON.stringify({ articleId }));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectPrisma());
