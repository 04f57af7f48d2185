import { readFileSync } from "node:fs";
import path from "node:path";
import { checkWorthiness, SUGGEST_THRESHOLD, usesWordRules } from "@/lib/search/check-worthy";
import { sentenceFeatures } from "@/lib/search/check-worthy-features";
import { checkWorthinessFigures, classification, meanPrecisionAt } from "@/bench/quality/evaluate";

/**
 * The scorer against every sentence of the seed articles, labelled by hand (see the
 * fixture's "about"; a looser definition than ClaimBuster's). The model never learns from these
 * sentences (bench/quality/train.ts learns from ClaimBuster's and the evaluation corpus's spent
 * sets), but since 2026-12-04 the trainer lowers the English reading's threshold, where needed,
 * until recall here reaches its floor (SEED_RECALL, 0.9 since 2026-12-04 evening, 0.951 before):
 * recall here is a bound the threshold was chosen to meet, precision is still out of sample. The
 * floors are the measured values less 0.03. The hand-weighted rules it replaced had precision 0.95
 * and recall 0.731 here (F1 0.826; those weights were set looking at these sentences); the first
 * model suggested more: precision 0.739, recall 0.981 (F1 0.843); the models learnt from seven and eight sets
 * at the floor 0.9: precision 0.797, recall 0.904 (F1 0.847).
 */
const { labels } = JSON.parse(
  readFileSync(path.join(__dirname, "__fixtures__", "check-worthy-labels.json"), "utf8"),
) as { labels: Array<{ seed: number; ordinal: number; checkWorthy: boolean; text: string }> };

const MEASURED = { precision: 0.797, recall: 0.904 };

/** Other languages' sentences whose reading is pinned; bench/quality/train.ts keeps them when it chooses the any-language threshold. */
const { cases: anyLanguageCases } = JSON.parse(readFileSync(path.join(__dirname, "__fixtures__", "check-worthy-any-language.json"), "utf8")) as {
  cases: Array<{ language: string; sentence: string; suggested: boolean }>;
};

describe("check-worthiness on the labelled seed sentences", () => {
  it("has enough labels on every seed article, both ways", () => {
    expect(labels.length).toBeGreaterThanOrEqual(60);
    expect(new Set(labels.map((l) => l.seed))).toEqual(new Set([0, 1, 2, 3]));
    expect(labels.filter((l) => l.checkWorthy).length).toBeGreaterThan(20);
    expect(labels.filter((l) => !l.checkWorthy).length).toBeGreaterThan(20);
  });

  it(`keeps precision and recall at the threshold ${SUGGEST_THRESHOLD}`, () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const label of labels) {
      const suggested = checkWorthiness(label.text).score >= SUGGEST_THRESHOLD;
      if (suggested && label.checkWorthy) tp++;
      else if (suggested) fp++;
      else if (label.checkWorthy) fn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `Suggested claims on ${labels.length} labelled seed sentences: precision ${precision.toFixed(3)} (${tp}/${tp + fp}), recall ${recall.toFixed(3)} (${tp}/${tp + fn})`,
    );
    expect(precision).toBeGreaterThanOrEqual(MEASURED.precision - 0.03);
    expect(recall).toBeGreaterThanOrEqual(MEASURED.recall - 0.03);
  });
});

/**
 * The development half of bench/quality: gold CFS sentences against the suggestion at
 * SUGGEST_THRESHOLD, and the trivial "any digit" rule it must beat. In sample: the model learns
 * from every sentence of the first set and of the spent held-out sets heldout-2 to -32 (its
 * leave-one-text-out and leave-one-set-out figures, which train.ts prints, are in
 * bench/quality/README.md). Floors: the measured figures less 0.02.
 */
describe("check-worthiness on the evaluation corpus's development half", () => {
  const figures = checkWorthinessFigures("dev");

  it("keeps precision, recall and F1, and beats the any-digit baseline", () => {
    console.log(`Development half, ${figures.sentences} sentences: ${JSON.stringify(figures.verity)}; any digit F1 ${figures.anyDigit.f1.toFixed(3)}`);
    expect(figures.sentences).toBeGreaterThan(200);
    expect(figures.verity.precision).toBeGreaterThanOrEqual(0.653 - 0.02);
    expect(figures.verity.recall).toBeGreaterThanOrEqual(0.84 - 0.02);
    expect(figures.verity.f1).toBeGreaterThanOrEqual(0.735 - 0.02);
    expect(figures.verity.f1 - figures.anyDigit.f1).toBeGreaterThanOrEqual(0.199 - 0.02);
  });

  it("averages precision at 5 in whole numbers, so 4 of 5 in every article meets 0.8", () => {
    expect(meanPrecisionAt(5, Array.from({ length: 9 }, () => 4))).toBeGreaterThanOrEqual(0.8);
    expect(meanPrecisionAt(5, [4, 4, 4, 4, 4, 4, 4, 4, 3])).toBeLessThan(0.8);
  });

  it("computes F1 from whole counts, so 166 found of 205 with 44 wrongly suggested (332 / 415) meets 0.8", () => {
    // heldout-26's check-worthiness: 2PR / (P + R) in floating point gave 0.7999…, judged a miss.
    const counts = (n: number, predicted: boolean, gold: boolean) => Array.from({ length: n }, () => ({ predicted, gold }));
    const items = [...counts(166, true, true), ...counts(44, true, false), ...counts(39, false, true), ...counts(81, false, false)];
    const { f1 } = classification(items.map((i) => i.predicted), items.map((i) => i.gold));
    expect(f1).toBeGreaterThanOrEqual(0.8);
    expect(classification([...items.map((i) => i.predicted), true], [...items.map((i) => i.gold), false]).f1).toBeLessThan(0.8);
  });

  // Measured 0.8 with the models learnt from twelve to seventeen sets, nineteen, twenty-six to twenty-eight and thirty-two, 0.778 with nine to eleven,
  // eighteen, twenty to twenty-four and twenty-nine to thirty-one (35 of 45 places in nine texts: in local-council a sentence that is not
  // check-worthy scored 0.94 and took the fifth place a check-worthy one held); floor 0.02 below the lower.
  it("keeps precision at 5 per article", () => {
    expect(figures.precisionAt5).toBeGreaterThanOrEqual(0.778 - 0.02);
  });
});

describe("checkWorthiness", () => {
  // Suggested by the models learnt from up to seventeen sets, twenty (0.508), twenty-one (0.529), twenty-eight (0.535) and thirty-two (0.517); those learnt
  // from eighteen, nineteen, twenty-two to twenty-four, twenty-six, twenty-seven and twenty-nine to thirty-one score it 0.472, 0.494, 0.480, 0.492, 0.477, 0.442, 0.449,
  // 0.434, 0.437 and 0.443, below the threshold (their other-language reading weighs a sentence that opens a quotation down), so the
  // attribution is pinned as a reason that raises the score.
  it("reads an attribution in French, German or Spanish words (a development sentence)", () => {
    const quoted = "« On ne peut pas parler de réussite quand un jeune sur six est au chômage », a affirmé Sophie Marchand, secrétaire générale de la CGT.";
    expect(checkWorthiness(quoted, "fr").reasons).toContain("an attribution: a affirmé");
    expect(checkWorthiness(quoted, "fr").score).toBeGreaterThan(checkWorthiness(quoted.replace("a affirmé ", ""), "fr").score);
  });

  // Gold UFS; since the model learnt from heldout-3 and -4, whose council votes and budgets with
  // figures are check-worthy, the discount is smaller and this sentence is suggested (0.58).
  it("does not count clock times, scores or rankings as figures", () => {
    expect(checkWorthiness("The next council meeting will be held on December 12 at 7 p.m.").score).toBeLessThan(SUGGEST_THRESHOLD);
    expect(checkWorthiness("She beat the No. 4 seed 6-4, 3-6, 7-6 in a match on the centre court.").reasons).not.toContain("a number");
  });

  it("scores a quoted first-person opinion low, and a quoted figure high", () => {
    expect(checkWorthiness("\u201cI don\u2019t care about the polls, I just like her,\u201d said Denise Alvarez, a retired nurse.").score).toBeLessThan(SUGGEST_THRESHOLD);
    expect(checkWorthiness("\u201cInsulin costs Americans ten times what it costs Canadians,\u201d she said.").score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
  });

  it("counts what a study found as an attribution", () => {
    expect(checkWorthiness("The authors found that warmer water had been mixing upward since 2015.").reasons).toContain("an attribution: found");
  });

  it("keeps a short factual claim", () => {
    expect(checkWorthiness("That pattern changed abruptly in 2016.").reasons).toContain("a year");
    expect(checkWorthiness("That pattern changed abruptly in 2016.").score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(checkWorthiness("We've added 148,000 jobs.").score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(checkWorthiness("We've added 148,000 jobs.").reasons).toContain("a number");
  });

  // Read as the app reads it, in a French article (its language detected on import); read as English, the
  // attribution "a déclaré" is no English cue (0.469 with the model learnt from nine sets).
  it("finds quotations and their attribution by punctuation in other languages", () => {
    const french = checkWorthiness("\u00ab Le ch\u00f4mage baisse de 2 % depuis un an \u00bb, a d\u00e9clar\u00e9 la ministre du Travail.", "fr");
    expect(french.reasons).toEqual(expect.arrayContaining(["a percentage", "an attribution: a d\u00e9clar\u00e9"]));
    expect(french.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
  });

  it("scores a sentence with a figure and an attribution high, and says why", () => {
    const result = checkWorthiness("Russia currently occupies roughly 20% of Ukraine’s territory, the ministry said on Monday.");
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.reasons).toEqual(expect.arrayContaining(["a percentage", "an attribution: said", "a comparison: roughly"]));
    // The weightiest reason first.
    expect(result.reasons[0]).toBe("a percentage");
  });

  it("scores speculation and vague reactions low", () => {
    expect(checkWorthiness("Critics fear that this lack of clarity could undermine stability in Europe.").score).toBeLessThan(
      checkWorthiness("Critics said that this lack of clarity undermined stability in Europe.").score,
    );
    // A vague reaction ranks below a figure with its source (it is still suggested: a remaining error).
    expect(checkWorthiness("The move has raised concerns and sparked a heated debate among observers.").score).toBeLessThan(
      checkWorthiness("The move has raised taxes by 2 percent, the ministry said.").score,
    );
  });

  it("reads a position reported in indirect speech, not a quotation that opens the sentence", () => {
    const named = (sentence: string) => sentenceFeatures(sentence, true, false).named;
    expect(named("Kaja Kallas rejected the idea that the two presidents would lead the talks.")).toContain("cue:reported-stance");
    expect(named("She described the plan as \u201ca deadly trap.\u201d")).toContain("cue:reported-stance");
    expect(named("\u201cWe rejected it,\u201d she said.")).not.toContain("cue:reported-stance");
    expect(named("He told reporters that the talks had failed.")).toContain("cue:indirect-speech");
    expect(named("\u201cThe talks failed,\u201d he said.")).not.toContain("cue:indirect-speech");
  });

  it("discounts a market's move of the day and a study's method", () => {
    expect(checkWorthiness("Shares of the company fell 7.4 percent in after-hours trading.").score).toBeLessThan(
      checkWorthiness("Unemployment fell 7.4 percent over the past year.").score,
    );
    expect(sentenceFeatures("Participants were recruited between 2013 and 2015.", true, false).named).toContain("cue:study-method");
  });

  it("counts a change stated without a figure, and a decision to act as a forecast", () => {
    expect(checkWorthiness("That pattern changed abruptly after the war.").reasons).toContain("a change: changed");
    expect(sentenceFeatures("The board agreed to build a new school.", true, false).named).toContain("cue:forecast");
    expect(sentenceFeatures("The board agreed to be bound by the ruling.", true, false).named).not.toContain("cue:forecast");
  });

  it("suggests a sentence only with a reason to show", () => {
    const unexplained = checkWorthiness("Sea ice shields the edges of the Antarctic ice sheet from waves, and its loss can speed up the flow of glaciers into the ocean.");
    expect(unexplained).toEqual({ score: expect.any(Number), reasons: [] });
    expect(unexplained.score).toBeLessThan(SUGGEST_THRESHOLD);
  });

  it("never suggests headings or fragments", () => {
    expect(checkWorthiness("A Question of Leverage")).toEqual({ score: 0, reasons: [] });
    expect(checkWorthiness("Minerals for Security")).toEqual({ score: 0, reasons: [] });
    expect(checkWorthiness("")).toEqual({ score: 0, reasons: [] });
  });

  it("gives each reason once", () => {
    const { reasons } = checkWorthiness("He said 5 and she said 7, and they said 9 on Monday and Tuesday.");
    expect(reasons.length).toBe(new Set(reasons).size);
  });
});

describe("articles in other languages", () => {
  it("reads English, and articles of unknown language, with the word rules; others without them", () => {
    expect([null, "en", "en-GB", "EN-us"].map(usesWordRules)).toEqual([true, true, true, true]);
    expect(["fr", "de", "pt-BR", "ar"].map(usesWordRules)).toEqual([false, false, false, false]);
  });

  it("does not let an English word list match words of another language", () => {
    // German "will" (wants) is the English forecast word; capitalised German nouns look like English names.
    const sentence = "Die Regierung will die Steuern für Familien im kommenden Jahr senken.";
    // Scored as a sentence of eleven words with no figure, quotation or question: by its length alone.
    expect(checkWorthiness(sentence, "de")).toEqual({ score: checkWorthiness("Xx xx xx xx xx xx xx xx xx xx xx.", "de").score, reasons: [] });
    const german = checkWorthiness("Die Exporte erreichten im Mai einen Rekord von 140 Milliarden Euro.", "de");
    // The figures, and "Rekord" read by the other languages' comparison words; no English word list.
    expect([...german.reasons].sort()).toEqual(["a comparison: rekord", "a number", "an amount"]);
    // Read by the English word lists, its capitalised nouns are a name (whether a name raises the score is the model's to weigh).
    const exports = "Die Exporte erreichten im Mai einen Rekord von 140 Milliarden Euro.";
    expect(sentenceFeatures(exports, true).reasons.get("named")).toBe("a named person or body");
    expect(sentenceFeatures(exports, false).reasons.has("named")).toBe(false);
    expect(checkWorthiness(sentence).score).toBeLessThan(checkWorthiness(sentence, "de").score);
  });

  it("suggests by figures, quotations and attributions by punctuation in any language", () => {
    for (const { language, sentence } of anyLanguageCases.filter((c) => c.suggested)) {
      const result = checkWorthiness(sentence, language);
      expect({ language, suggested: result.score >= SUGGEST_THRESHOLD }).toEqual({ language, suggested: true });
      expect(result.reasons.some((r) => ["a percentage", "an amount", "a number"].includes(r))).toBe(true);
    }
  });

  it("reads promises, intentions and targets in several languages", () => {
    const named = (sentence: string, wordRules: boolean) => sentenceFeatures(sentence, wordRules, false).named;
    expect(named("I intend to cut property taxes for seniors by 10 percent in my second term.", true)).toContain("cue:figure-in-intention");
    expect(named("She has said she wants half of all pupils to take a language by 2030.", true)).toContain("cue:intention");
    expect(named("Elle a promis d'ouvrir dix nouvelles maisons de santé d'ici 2028.", false)).toContain("cue:figure-in-intention-any");
    expect(named("Die Ministerin verspricht 5.000 neue Lehrerstellen bis 2030.", false)).toContain("cue:intention-any");
    expect(named("El alcalde prometió construir 300 viviendas para 2027.", false)).toContain("cue:intention-any");
    expect(named("O governo pretende reduzir o défice para 2 % até 2028.", false)).toContain("cue:intention-any");
    expect(named("Kommunen lovade att bygga 300 bostäder till 2028.", false)).toContain("cue:figure-in-intention-any");
    expect(named("Bygget beräknas starta i maj och vara klart i augusti 2027.", false)).toContain("cue:forecast-any");
    expect(named("Rząd zapowiedział, że przeznaczy 250 mln koron na ten cel.", false)).toContain("cue:figure-in-intention-any");
    expect(named("Pierwsze prace mają się rozpocząć w 2028 roku.", false)).toContain("cue:forecast-any");
    // The future and the conditional by their endings, in the other languages only.
    for (const sentence of ["Les travaux en mer commenceront au printemps 2027.", "Las restricciones se revisarán cada tres meses.", "La mostra aprirà il 15 marzo.", "A taxa será de 5 %.", "El Gobierno podría declarar la emergencia.", "Die Verwaltung rechnet durch die Fusion mit Einsparungen."])
      expect({ sentence, named: named(sentence, false) }).toEqual({ sentence, named: expect.arrayContaining(["cue:future-any"]) });
    expect(named("La Consejería destinó 35 millones a la historia del hospital.", false)).not.toContain("cue:future-any");
    expect(named("A portrait of the mayor sold for 5,000 pounds.", true)).not.toContain("cue:future-any");
    // The other languages' words are never read in an English sentence.
    expect(named("The mayor will plant 300 trees, said the vice mayor.", true)).not.toContain("cue:intention-any");
  });

  it("reads a time of day, a meeting and a date in any language, and does not count the time as a figure", () => {
    for (const { language, sentence } of anyLanguageCases.filter((c) => !c.suggested)) {
      const features = sentenceFeatures(sentence, false, false).named;
      expect({ language, features }).toEqual({ language, features: expect.arrayContaining(["cue:clock-time", "cue:meeting-any"]) });
      expect(checkWorthiness(sentence, language).score).toBeLessThan(SUGGEST_THRESHOLD);
    }
    expect(checkWorthiness("A reunião da câmara municipal começa às 15h.", "pt").reasons).not.toContain("a number");
    // Swedish and Polish meetings and dates, and their attributions.
    expect(sentenceFeatures("Kommunfullmäktige fattar det slutliga beslutet den 16 december.", false, false).named).toEqual(expect.arrayContaining(["cue:meeting-any", "cue:date-any"]));
    expect(sentenceFeatures("Posiedzenie rady odbędzie się w czwartek.", false, false).named).toEqual(expect.arrayContaining(["cue:meeting-any", "cue:date-any"]));
    expect(checkWorthiness("Enligt förvaltningen har elevantalet minskat med en tredjedel.", "sv").reasons).toContain("an attribution: enligt");
    expect(checkWorthiness("Według związkowców z odprawy może skorzystać 600 osób.", "pl").reasons).toContain("an attribution: według");
  });

  it("reads comparisons and rankings in the other languages' words", () => {
    const portuguese = checkWorthiness("O porto é hoje o terceiro maior do país, atrás de Lisboa e Sines.", "pt");
    expect(portuguese.reasons).toContain("a comparison: terceiro");
    const german = checkWorthiness("Lindenau liegt mit dem neuen Hebesatz über dem Durchschnitt vergleichbarer Städte im Land.", "de");
    expect(german.reasons).toContain("a comparison: über dem");
    expect(sentenceFeatures("La tasa es la más alta de la región.", false, false).named).toContain("cue:comparison-any");
    expect(sentenceFeatures("Het is de grootste haven van Europa.", false, false).named).toContain("cue:comparison-any");
    // Read with the word rules (English), the Spanish "mayor" of an English sentence is not a comparison.
    expect(sentenceFeatures("The mayor spoke for more than an hour.", true, false).named).not.toContain("cue:comparison-any");
  });

  it("discounts a hand-over to the next topic, and reads guidance as a record", () => {
    expect(sentenceFeatures("Let's move on to housing.", true, false).named).toContain("cue:hand-over");
    expect(sentenceFeatures("Passons maintenant au logement.", false, false).named).toContain("cue:hand-over");
    expect(checkWorthiness("Let's move on to housing.").score).toBeLessThan(SUGGEST_THRESHOLD);
    expect(sentenceFeatures("The current guidance recommends 150 minutes of moderate activity a week.", true, false).named).toEqual(
      expect.arrayContaining(["cue:guidance", "cue:number"]),
    );
    expect(sentenceFeatures("The current guidance recommends 150 minutes of moderate activity a week.", true, false).named).not.toContain("cue:figure-in-sport");
  });

  it("reads tens in words as a number, and numbers in words in the other languages", () => {
    expect(sentenceFeatures("The alarm went out about forty minutes after the fire started.", true, false).named).toContain("cue:number-words");
    expect(sentenceFeatures("Response times went up from eleven minutes to fourteen minutes on average.", true, false).named).toContain("cue:number-words");
    expect(sentenceFeatures("Un jeune sur six est au chômage.", false, false).named).toContain("cue:number-words-any");
    expect(sentenceFeatures("Die Hälfte der Züge war verspätet.", false, false).named).toContain("cue:number-words-any");
    expect(sentenceFeatures("A metade dos alunos faltou.", false, false).named).toContain("cue:number-words-any");
    // Portuguese "dos" (of the) is not the Spanish two.
    expect(sentenceFeatures("O porto é um dos maiores do país.", false, false).named).not.toContain("cue:number-words-any");
    // Never read in an English sentence.
    expect(sentenceFeatures("The cent and the mille are coins.", true, false).named).not.toContain("cue:number-words-any");
  });

  it("does not suggest a sentence of another language with nothing but words to go on", () => {
    for (const [language, sentence] of [
      ["fr", "Le ministre a rencontré les syndicats mardi pour discuter de la réforme."],
      ["de", "Der Kanzler traf sich am Dienstag mit den Gewerkschaften."],
      ["es", "El presidente visitó la zona afectada por las inundaciones."],
    ]) {
      expect(checkWorthiness(sentence, language).score).toBeLessThan(SUGGEST_THRESHOLD);
    }
  });
});
