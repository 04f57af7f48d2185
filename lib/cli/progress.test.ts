import { progressLine, progressReporter } from "./progress";

function fakeOutput(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 120, writes, write: (text: string) => writes.push(text) };
}

describe("progressLine", () => {
  it("shows the bar, the percentage, the label and the counts", () => {
    expect(progressLine({ fraction: 0.5, label: "Backing up Claim", rows: 1500, totalRows: 3000 })).toBe(
      "[############............]  50%  Backing up Claim  1,500 of 3,000 rows",
    );
  });

  it("shows rows alone when the total is not known, and keeps the bar within 0–100 %", () => {
    expect(progressLine({ fraction: 1.7, label: "Restoring", rows: 12 })).toBe("[########################] 100%  Restoring  12 rows");
    expect(progressLine({ fraction: -1, label: "Restoring", rows: 0 })).toMatch(/^\[\.{24}\]   0%/);
  });
});

describe("progressReporter", () => {
  it("prints a line per tenth of the way when the output is not a terminal", () => {
    const output = fakeOutput(false);
    const reporter = progressReporter(output);
    for (let rows = 0; rows <= 1000; rows += 10) reporter.report({ fraction: rows / 1000, label: "Backing up", rows, totalRows: 1000 });
    reporter.done();
    expect(output.writes).toHaveLength(11);
    expect(output.writes[10]).toContain("100%  Backing up  1,000 of 1,000 rows");
  });

  it("redraws one line on a terminal at most every 100 ms, always drawing the end, and ends the line when done", () => {
    const output = fakeOutput(true);
    let time = 0;
    const reporter = progressReporter(output, () => time);
    reporter.report({ fraction: 0.1, label: "Restoring", rows: 10 });
    time = 50;
    reporter.report({ fraction: 0.2, label: "Restoring", rows: 20 });
    time = 150;
    reporter.report({ fraction: 0.3, label: "Restoring", rows: 30 });
    time = 160;
    reporter.report({ fraction: 1, label: "Restoring", rows: 100 });
    reporter.done();
    expect(output.writes).toEqual([
      expect.stringMatching(/^\r\x1b\[2K\[.*10%  Restoring  10 rows$/),
      expect.stringMatching(/^\r\x1b\[2K\[.*30%  Restoring  30 rows$/),
      expect.stringMatching(/^\r\x1b\[2K\[.*100%  Restoring  100 rows$/),
      "\n",
    ]);
  });
});
