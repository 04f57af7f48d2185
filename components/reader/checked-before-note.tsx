import Link from "next/link";
import { VerdictBadge } from "@/components/reader/verdict";
import type { CheckedBefore } from "@/lib/search/types";

/**
 * The article's sentences that state a claim approved in another article, with that verdict
 * and a link to the approved claim: shown at the top of the article, so an import's result
 * says at once what was checked before (each sentence is also marked in the text).
 */
export function CheckedBeforeNote({ items }: { items: CheckedBefore[] }) {
  if (items.length === 0) return null;
  return (
    <section className="checked-before" aria-labelledby="checked-before-title" data-testid="checked-before">
      <h2 id="checked-before-title" className="checked-before__title">
        Checked before
      </h2>
      <p className="checked-before__lead">
        {items.length === 1 ? "One sentence of this article states" : `${items.length} sentences of this article state`} a claim already approved in
        another article.
      </p>
      <ul className="checked-before__list">
        {items.map((item) => (
          <li key={item.start}>
            <q>{item.text}</q> <VerdictBadge verdict={item.verdict} /> in{" "}
            <Link href={`/articles/${item.articleId}?claim=${item.claimId}`}>{item.articleTitle}</Link>: {item.restatement}
          </li>
        ))}
      </ul>
    </section>
  );
}
