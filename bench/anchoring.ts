/**
 * Anchoring benchmark (issue 21): lib/anchoring's anchor() beside a Hypothesis-style matcher
 * on the peers' test data and its edit families (lib/anchoring/peer-cases), one row per
 * family; then re-anchoring 1,000 quotes in a 20,000-word article after a heavy revision.
 * In process: no app, no database.
 */
import { generateArticle } from "@/bench/generate";
import { seededRandom as random } from "@/lib/seeded-random";
import { percentile, report } from "@/bench/support";
import { anchor } from "@/lib/anchoring/anchor";
import { prepareText } from "@/lib/anchoring/prepared-text";
import { editedCases, peerCases } from "@/lib/anchoring/peer-cases";
import { hypothesisStyleAnchor } from "@/lib/anchoring/peer-cases/hypothesis-style";
import { landing, rightAnswers, tallyByFamily, type Tally } from "@/lib/anchoring/peer-cases/outcomes";
import { describeSpan, type SpanSelectors } from "@/lib/anchoring/selectors";

const QUOTES = 1000;
const TARGET_MS = 1000;

/**
 * One quote of 4 to 15 words in each thousandth of the text, and the text revised around
 * them: a new paragraph every 20 quotes, and per quote one of: nothing, a character or a
 * word changed, a word inserted before it, quotation marks around it, its sentence deleted.
 */
function heavyRevision(text: string): { quotes: SpanSelectors[]; revised: string } {
  const next = random(21);
  const slot = Math.floor(text.length / QUOTES);
  const spans: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < QUOTES; i++) {
    const start = text.indexOf(" ", i * slot + Math.floor(next() * (slot / 2))) + 1;
    let end = start;
    for (let words = 4 + Math.floor(next() * 12); words > 0 && end < (i + 1) * slot; words--) end = text.indexOf(" ", end + 1);
    spans.push({ start, end: Math.min(end, (i + 1) * slot) });
  }
  const quotes = spans.map(({ start, end }) => describeSpan(text, start, end));
  let revised = text;
  // From the last quote back, so that each edit leaves the earlier offsets alone.
  for (let i = QUOTES - 1; i >= 0; i--) {
    const { start, end } = spans[i];
    const middle = start + Math.floor((end - start) / 2);
    const kind = Math.floor(next() * 6);
    if (kind === 1) revised = revised.slice(0, middle) + "x" + revised.slice(middle + 1);
    if (kind === 2) revised = revised.slice(0, middle) + " several" + revised.slice(revised.indexOf(" ", middle + 1));
    if (kind === 3) revised = revised.slice(0, start) + "reportedly " + revised.slice(start);
    if (kind === 4) revised = revised.slice(0, start) + "“" + revised.slice(start, end) + "”" + revised.slice(end);
    if (kind === 5) revised = revised.slice(0, Math.max(0, start - 40)) + revised.slice(end + 40);
    if (i % 20 === 0) revised = revised.slice(0, start) + "A paragraph added in the revision.\n" + revised.slice(start);
  }
  return { quotes, revised };
}

const COLUMNS = ["exact", "fuzzily right", "rightly orphaned", "wrongly orphaned", "misplaced"] as const;

export async function runAnchoringBench() {
  const cases = [...peerCases(), ...editedCases()];
  const verity = tallyByFamily(cases, (c) => landing(anchor(c.text, c.selectors)));
  const baseline = tallyByFamily(cases, hypothesisStyleAnchor);
  const cells = (t: Tally) => [...COLUMNS.map((column) => t[column]), rightAnswers(t)];
  const rows = [...verity.keys()].map((family) => [family, ...cells(verity.get(family)!), ...cells(baseline.get(family)!)]);

  const { text } = generateArticle(20_000, 21);
  const { quotes, revised } = heavyRevision(text);
  // Warm the code up once, then time the 1,000 quotes one by one and in all, as an
  // import anchors them: in the text prepared once (which the total includes).
  const warm = prepareText(revised);
  for (const selectors of quotes.slice(0, 50)) anchor(warm, selectors);
  const times: number[] = [];
  let orphaned = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const prepared = prepareText(revised);
  for (const selectors of quotes) {
    const one = performance.now();
    if (anchor(prepared, selectors).status === "orphaned") orphaned++;
    times.push(performance.now() - one);
  }
  const totalMs = performance.now() - started;
  // The machine is shared: the process's CPU time is what other jobs do not stretch.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  report(
    "anchoring",
    { cases: cases.length, article: `${text.length.toLocaleString("en")} units, revised to ${revised.length.toLocaleString("en")}` },
    [
      { figure: `re-anchoring ${QUOTES.toLocaleString("en")} quotes after a heavy revision: CPU time`, value: cpuMs, unit: "ms", target: `<= ${TARGET_MS} ms`, met: cpuMs <= TARGET_MS },
      { figure: "the same, wall-clock time", value: totalMs, unit: "ms", target: "", met: null },
      { figure: "one quote, p50", value: percentile(times, 50), unit: "ms", target: "", met: null },
      { figure: "one quote, p95", value: percentile(times, 95), unit: "ms", target: "", met: null },
      { figure: "quotes orphaned", value: orphaned, unit: "", target: "", met: null },
    ],
    {
      // V: Verity's anchor(); H: the Hypothesis-style baseline. Right = exact + fuzzily right + rightly orphaned.
      columns: ["family", ...["V", "H"].flatMap((who) => ["exact", "fuzzy ok", "orphan ok", "orphan wrong", "misplaced", "right"].map((c) => `${who} ${c}`))],
      rows,
    },
  );
}
