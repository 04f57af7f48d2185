/**
 * The agreement page's figures, computed from revealed rounds (lib/agreement/units.ts gathers
 * them): one unit per round, one coder per reviewer. Pure, so the page, the CSV export and the
 * tests compute the same numbers.
 *
 * Verdicts are nominal for alpha nominal and Gwet's AC1 (every rating of the scale). Alpha
 * ordinal uses each rating's place on the truth axis every scale maps onto (lib/ratings/truth.ts),
 * false < mostly false < mixed < mostly true < true; ratings off the axis (not rateable) have no
 * place on it, so alpha ordinal leaves them out (as missing values).
 */
import { bootstrapInterval, type Interval } from "@/lib/agreement/bootstrap";
import { gwetAc1 } from "@/lib/agreement/gwet";
import { krippendorffAlpha } from "@/lib/agreement/krippendorff";
import type { ReliabilityData } from "@/lib/agreement/reliability-data";
import { truthPosition } from "@/lib/ratings/truth";
import { ratingKey, ratingOf, type RatingCatalogue } from "@/lib/ratings/types";

export interface AgreementUnit {
  roundId: string;
  claimId: string;
  articleId: string;
  restatement: string;
  /** When the round was revealed. */
  closedAt: Date;
  /** The reconciled verdict, once an editor reconciled the round. */
  finalVerdict: string | null;
  ratings: { reviewer: { id: string; name: string }; verdict: string }[];
}

/** The ratings compared: their ids in the scale's order, and each one's rank on the truth axis (null: off it). */
export interface AgreementScale {
  order: readonly string[];
  rank: (verdict: string) => number | null;
}

/** The organisation's scale, then any other rating the units hold (rounds from before a switch of scale). */
export function agreementScale(catalogue: RatingCatalogue, units: readonly Unit[]): AgreementScale {
  const given = units.flatMap((unit) => [unit.finalVerdict, ...unit.ratings.map((r) => r.verdict)]);
  return {
    order: ratingKey(catalogue, given).map((rating) => rating.id),
    rank: (verdict) => {
      const rating = ratingOf(catalogue, verdict);
      const position = rating ? truthPosition(rating.truth) : null;
      return position === null ? null : position + 1;
    },
  };
}

/** The bootstrap's fixed seed and resample count: the same data always show the same interval. */
export const BOOTSTRAP = { seed: 17, samples: 1000 } as const;

export interface Coefficient {
  value: number | null;
  interval: Interval | null;
  /** Units with at least two values that count. */
  units: number;
}

export interface ReviewerCalibration {
  reviewer: { id: string; name: string };
  /** Verdicts given in the units shown. */
  rated: number;
  /** Of those, in reconciled rounds. */
  compared: number;
  agreed: number;
  /** Where their verdict differed from the final verdict. */
  differed: { claimId: string; articleId: string; restatement: string; theirs: string; final: string }[];
}

export interface AgreementReport {
  units: number;
  ratings: number;
  reviewers: number;
  alphaNominal: Coefficient;
  alphaOrdinal: Coefficient;
  ac1: Coefficient;
  calibration: ReviewerCalibration[];
  /** Reviewer's verdict (rows) × final verdict (columns), over reconciled rounds, in the scale's order. */
  confusion: number[][];
  /** Alpha nominal per calendar month (UTC) of revealing. */
  overTime: { month: string; units: number; alpha: number | null }[];
}

type Unit = AgreementUnit;

/** Reliability data over the units' reviewers: `value` maps a verdict to what is compared (null: missing). */
function reliability<V>(units: readonly Unit[], value: (verdict: string) => V | null): ReliabilityData<V> {
  const coders = [...new Set(units.flatMap((unit) => unit.ratings.map((r) => r.reviewer.id)))];
  return units.map((unit) => coders.map((coder) => {
    const rating = unit.ratings.find((r) => r.reviewer.id === coder);
    return rating ? value(rating.verdict) : null;
  }));
}

const nominal = (verdict: string) => verdict;

export const alphaNominalOf = (units: readonly Unit[]) => krippendorffAlpha(reliability(units, nominal), "nominal");
export const alphaOrdinalOf = (units: readonly Unit[], scale: AgreementScale) => krippendorffAlpha(reliability(units, scale.rank), "ordinal");
const ac1Of = (units: readonly Unit[], scale: AgreementScale) => gwetAc1(reliability(units, nominal), scale.order);

function coefficient(units: readonly Unit[], compute: (sample: readonly Unit[]) => { value: number | null; units: number }): Coefficient {
  const { value, units: counted } = compute(units);
  return { value, units: counted, interval: value === null ? null : bootstrapInterval(units, (sample) => compute(sample).value, BOOTSTRAP) };
}

export function agreementReport(units: readonly Unit[], scale: AgreementScale): AgreementReport {
  const reviewerIds = new Set(units.flatMap((unit) => unit.ratings.map((r) => r.reviewer.id)));
  return {
    units: units.length,
    ratings: units.reduce((sum, unit) => sum + unit.ratings.length, 0),
    reviewers: reviewerIds.size,
    alphaNominal: coefficient(units, (sample) => {
      const result = alphaNominalOf(sample);
      return { value: result.alpha, units: result.pairableUnits };
    }),
    alphaOrdinal: coefficient(units, (sample) => {
      const result = alphaOrdinalOf(sample, scale);
      return { value: result.alpha, units: result.pairableUnits };
    }),
    ac1: coefficient(units, (sample) => {
      const result = ac1Of(sample, scale);
      return { value: result.ac1, units: result.units };
    }),
    calibration: calibrationOf(units),
    confusion: confusionOf(units, scale),
    overTime: overTimeOf(units),
  };
}

function calibrationOf(units: readonly Unit[]): ReviewerCalibration[] {
  const byReviewer = new Map<string, ReviewerCalibration>();
  for (const unit of units) {
    for (const { reviewer, verdict } of unit.ratings) {
      let entry = byReviewer.get(reviewer.id);
      if (!entry) byReviewer.set(reviewer.id, (entry = { reviewer, rated: 0, compared: 0, agreed: 0, differed: [] }));
      entry.rated += 1;
      if (unit.finalVerdict === null) continue;
      entry.compared += 1;
      if (verdict === unit.finalVerdict) entry.agreed += 1;
      else entry.differed.push({ claimId: unit.claimId, articleId: unit.articleId, restatement: unit.restatement, theirs: verdict, final: unit.finalVerdict });
    }
  }
  return [...byReviewer.values()].sort((a, b) => a.reviewer.name.localeCompare(b.reviewer.name));
}

function confusionOf(units: readonly Unit[], { order }: AgreementScale): number[][] {
  const index = (verdict: string) => order.indexOf(verdict);
  const matrix = order.map(() => order.map(() => 0));
  for (const unit of units) {
    if (unit.finalVerdict === null || index(unit.finalVerdict) < 0) continue;
    for (const { verdict } of unit.ratings) if (index(verdict) >= 0) matrix[index(verdict)][index(unit.finalVerdict)] += 1;
  }
  return matrix;
}

function overTimeOf(units: readonly Unit[]) {
  const months = new Map<string, Unit[]>();
  for (const unit of units) {
    const month = unit.closedAt.toISOString().slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), unit]);
  }
  return [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, inMonth]) => ({ month, units: inMonth.length, alpha: alphaNominalOf(inMonth).alpha }));
}
