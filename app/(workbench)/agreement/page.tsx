import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AccessDenied } from "@/components/layout/access-denied";
import { HeatMap, LineChart, StackedBars } from "@/components/agreement/charts";
import { listHref } from "@/components/layout/pagination";
import { FilterSelect } from "@/components/forms/filter-select";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { agreementReport, agreementScale, BOOTSTRAP, type Coefficient } from "@/lib/agreement/report";
import { agreementFiltersSchema, type AgreementFilters } from "@/lib/agreement/schemas";
import { agreementFilterChoices, listAgreementUnits } from "@/lib/agreement/units";
import { listMarkingAgreement } from "@/lib/marking/reads";
import { formatDate } from "@/lib/format";
import { TableScroll } from "@/components/table-scroll";
import { formatAgreement } from "@/components/marking/format";
import { loadDesk, DESK_WEEKS } from "@/lib/agreement/desk";
import { STATES } from "@/lib/agreement/desk-figures";
import { STATE_LABELS } from "@/lib/claims/verdicts";
import { loadCatalogue } from "@/lib/ratings/catalogue";
import { verdictLabel } from "@/lib/ratings/types";

export const metadata: Metadata = { title: "Agreement" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const figure = (value: number | null) => (value === null ? "—" : value.toFixed(3));
const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)} %`);

/** How far the desk's reviewers agree on blind verdicts, and how the desk is doing (editors). */
export default async function AgreementPage({ searchParams }: Props) {
  const actor = await requireUser();
  if (!hasRole(actor, "EDITOR")) {
    return <AccessDenied title="Editors only">The agreement page measures the desk&rsquo;s blind verdicts; editors read it.</AccessDenied>;
  }
  const query = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = agreementFiltersSchema.safeParse(query);
  const filters: AgreementFilters = parsed.success ? parsed.data : {};
  const problems = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  const [units, choices, desk, marking] = await Promise.all([
    listAgreementUnits(actor, filters),
    agreementFilterChoices(actor),
    loadDesk(actor),
    listMarkingAgreement(actor, filters),
  ]);
  const ratings = await loadCatalogue();
  const scale = agreementScale(ratings, units);
  const report = agreementReport(units, scale);
  const ratingLabel = (id: string | null) => verdictLabel(ratings, id);
  const labels = scale.order.map(ratingLabel);

  return (
    <>
      <div className="page-head">
        <h1>Agreement</h1>
        <p>
          {report.units} revealed round{report.units === 1 ? "" : "s"} · {report.ratings} verdicts · {report.reviewers} reviewer{report.reviewers === 1 ? "" : "s"}
        </p>
      </div>

      <form className="queue-filters card agreement-filters" method="get" aria-label="Filter the rounds">
        <FilterDate name="from" label="Revealed from" value={filters.from} error={problems.from?.[0]} />
        <FilterDate name="to" label="to" value={filters.to} error={problems.to?.[0]} />
        <FilterSelect name="reviewer" label="Reviewer" value={filters.reviewer} anyLabel="All reviewers" options={choices.reviewers.map((r) => [r.id, r.name])} />
        <FilterSelect name="article" label="Article" value={filters.article} anyLabel="All articles" options={choices.articles.map((a) => [a.id, a.title])} />
        <FilterSelect name="tag" label="Tag" value={filters.tag} anyLabel="All tags" options={choices.tags.map((tag) => [tag, tag])} />
        <button className="button button--small" type="submit">
          Apply
        </button>
        <a className="button button--small button--quiet" href={listHref("/agreement/csv", { ...filters })} download>
          Download CSV
        </a>
      </form>

      <section className="card agreement-section" aria-labelledby="coefficients-heading">
        <h2 id="coefficients-heading">Coefficients</h2>
        <TableScroll label="Coefficients">
<table className="data-table" data-testid="coefficients">
          <thead>
            <tr>
              <th scope="col">Coefficient</th>
              <th scope="col">Value</th>
              <th scope="col">95 % interval</th>
              <th scope="col">Rounds counted</th>
            </tr>
          </thead>
          <tbody>
            <CoefficientRow name="Krippendorff’s alpha, ordinal" testId="alpha-ordinal" result={report.alphaOrdinal} />
            <CoefficientRow name="Krippendorff’s alpha, nominal" testId="alpha-nominal" result={report.alphaNominal} />
            <CoefficientRow name="Gwet’s AC1" testId="ac1" result={report.ac1} />
          </tbody>
        </table>
</TableScroll>
        <p className="field-hint">
          Ordinal alpha uses the truth axis False &lt; Mostly false &lt; Mixed &lt; Mostly true &lt; True; Misleading and Unverifiable have no place on it and
          are left out of it (as missing). Nominal alpha and AC1 count all seven ratings as categories. Intervals: percentile bootstrap over rounds,{" "}
          {BOOTSTRAP.samples.toLocaleString("en")} resamples, fixed seed. Only revealed rounds count: open rounds are blind.
        </p>
      </section>

      <section className="card agreement-section" aria-labelledby="calibration-heading">
        <h2 id="calibration-heading">Each reviewer against the final verdict</h2>
        <TableScroll label="Each reviewer against the final verdict">
<table className="data-table" data-testid="calibration">
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col">Verdicts</th>
              <th scope="col">Reconciled</th>
              <th scope="col">Agreed with the final verdict</th>
              <th scope="col">Where they differed</th>
            </tr>
          </thead>
          <tbody>
            {report.calibration.map((row) => (
              <tr key={row.reviewer.id}>
                <th scope="row">{row.reviewer.name}</th>
                <td>{row.rated}</td>
                <td>{row.compared}</td>
                <td>
                  {row.agreed} ({percent(row.agreed, row.compared)})
                </td>
                <td>
                  {row.differed.length === 0 ? (
                    <span className="muted">Nowhere</span>
                  ) : (
                    <ul className="agreement-differed">
                      {row.differed.map((d) => (
                        <li key={d.claimId}>
                          <Link href={`/articles/${d.articleId}?claim=${d.claimId}`}>{d.restatement}</Link>: {ratingLabel(d.theirs)}, final {ratingLabel(d.final)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
</TableScroll>
      </section>

      <section className="card agreement-section" id="spans" aria-labelledby="spans-heading">
        <h2 id="spans-heading">Where the claims are: blind marking</h2>
        <p className="muted">
          Overlap F1: two reviewers’ marks match when they share at least one character, each mark matching at most one of the other’s; F1 is twice the
          matches over both reviewers’ marks. 1 means they marked the same claims, however their edges differ; 0 that no mark of one touches a mark of the
          other. A panel’s figure sums its pairs’ matches and marks. The tag filter does not apply: marks are not claims yet.
        </p>
        {marking.length === 0 ? (
          <p className="muted">No blind marking has been revealed in these filters.</p>
        ) : (
          <>
          <p>
            <a className="button button--small button--quiet" href={listHref("/agreement/marks.csv", { ...filters, tag: undefined })} download>
              Download the marks (CSV)
            </a>
          </p>
          <TableScroll label="Span agreement of each blind marking">
            <table className="data-table" data-testid="span-agreement-table">
              <thead>
                <tr>
                  <th scope="col">Article</th>
                  <th scope="col">Revealed</th>
                  <th scope="col">Pairs of reviewers</th>
                  <th scope="col">Overlap F1</th>
                </tr>
              </thead>
              <tbody>
                {marking.map((round) => (
                  <tr key={round.roundId}>
                    <th scope="row">
                      <Link href={`/articles/${round.article.id}/marking`}>{round.article.title}</Link>
                    </th>
                    <td>{formatDate(round.closedAt)}</td>
                    <td>
                      <ul className="agreement-differed">
                        {round.pairs.map((pair) => (
                          <li key={`${pair.a.id}-${pair.b.id}`}>
                            {pair.a.name} and {pair.b.name}: {formatAgreement(pair.f1)} ({pair.matches} matched of {pair.marks} marks)
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{formatAgreement(round.overall.f1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          </>
        )}
      </section>

      <section className="card agreement-section" aria-labelledby="confusion-heading">
        <h2 id="confusion-heading">Reviewers&rsquo; verdicts against the final verdicts</h2>
        <HeatMap
          title="Confusion matrix: reviewers' verdicts (rows) against final verdicts (columns)"
          desc="Each cell counts the verdicts a reviewer gave with that final verdict; the diagonal is agreement. The numbers are in the table below."
          rows={labels}
          columns={labels}
          counts={report.confusion}
        />
        <CountTable caption="Reviewer's verdict (rows) × final verdict (columns)" rows={labels} columns={labels} counts={report.confusion} />
      </section>

      <section className="card agreement-section" aria-labelledby="time-heading">
        <h2 id="time-heading">Agreement over time</h2>
        <LineChart
          title="Krippendorff's alpha, nominal, by month of revealing"
          desc={report.overTime.map((m) => `${m.month}: ${figure(m.alpha)} over ${m.units} rounds`).join("; ") || "No revealed rounds."}
          points={report.overTime.map((m) => ({ label: m.month, value: m.alpha }))}
        />
        <TableScroll label="Agreement by month">
<table className="data-table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Rounds</th>
              <th scope="col">Alpha, nominal</th>
            </tr>
          </thead>
          <tbody>
            {report.overTime.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td>{m.units}</td>
                <td>{figure(m.alpha)}</td>
              </tr>
            ))}
          </tbody>
        </table>
</TableScroll>
      </section>

      <section className="card agreement-section" aria-labelledby="desk-heading">
        <h2 id="desk-heading">The desk</h2>
        <p>
          Median time from marking to approval over the last {DESK_WEEKS} weeks:{" "}
          <strong>{desk.medianHoursToApproval === null ? "nothing approved" : `${desk.medianHoursToApproval.toFixed(1)} hours`}</strong> ({desk.approvals} approvals).
          Oldest claim in the queue: <strong>{desk.oldestQueueDays === null ? "the queue is empty" : `${desk.oldestQueueDays.toFixed(1)} days`}</strong>.
        </p>
        <h3>Claims marked each week, by their state now</h3>
        <StackedBars
          title="Claims marked each week, by their state now"
          desc={desk.weeks.map((w) => `Week of ${w.start}: ${STATES.map((s) => `${w.counts[s]} ${STATE_LABELS[s].toLowerCase()}`).join(", ")}`).join("; ")}
          bars={desk.weeks.map((w) => ({ label: w.start.slice(5), values: STATES.map((s) => w.counts[s]) }))}
          series={STATES.map((s) => ({ label: STATE_LABELS[s], className: `chart__bar--${s.toLowerCase()}` }))}
        />
        <CountTable caption="Claims marked in the week starting (rows), by state now (columns)" rows={desk.weeks.map((w) => w.start)} columns={STATES.map((s) => STATE_LABELS[s])} counts={desk.weeks.map((w) => STATES.map((s) => w.counts[s]))} />
        <h3>Queue age</h3>
        <StackedBars
          title="Claims waiting in the review queue, by how long they have waited"
          desc={desk.queue.map((q) => `${q.band}: ${q.count}`).join("; ")}
          bars={desk.queue.map((q) => ({ label: q.band, values: [q.count] }))}
          series={[{ label: "Claims waiting", className: "chart__bar--submitted" }]}
        />
        <CountTable caption="Claims waiting in the queue" rows={desk.queue.map((q) => q.band)} columns={["Claims"]} counts={desk.queue.map((q) => [q.count])} />
      </section>
    </>
  );
}

function CoefficientRow({ name, testId, result }: { name: string; testId: string; result: Coefficient }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{name}</th>
      <td data-testid={`${testId}-value`}>{figure(result.value)}</td>
      <td>{result.interval ? `${figure(result.interval.low)} to ${figure(result.interval.high)}` : "—"}</td>
      <td>{result.units}</td>
    </tr>
  );
}

function CountTable({ caption, rows, columns, counts }: { caption: string; rows: string[]; columns: string[]; counts: number[][] }) {
  return (
    <TableScroll label={caption}>
      <table className="data-table count-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {columns.map((c, i) => (
                <td key={c}>{counts[r][i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function FilterDate({ name, label, value, error }: { name: string; label: string; value?: string; error?: string }) {
  return (
    <label>
      <span>{label}</span>
      <input type="date" name={name} defaultValue={value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined} />
      {error && (
        <span id={`${name}-error`} className="field-error">
          {error}
        </span>
      )}
    </label>
  );
}
