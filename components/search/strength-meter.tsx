import { strength, type StrengthKind } from "@/lib/search/strength";

/** A score as words and a three-step bar (the words carry the meaning; the bar only repeats them). */
export function StrengthMeter({ kind, score }: { kind: StrengthKind; score: number }) {
  const { level, words, explanation } = strength(kind, score);
  return (
    <span className={`strength strength--${level}`} title={explanation} data-testid="strength">
      <span className="strength__bar" aria-hidden="true">
        {[1, 2, 3].map((step) => (
          <span key={step} className={step <= level ? "strength__step strength__step--on" : "strength__step"} />
        ))}
      </span>
      <span className="strength__words">{words}</span>
    </span>
  );
}
