import { useId } from "react";

/**
 * Small accessible SVG charts for the agreement page: each is an image with a title and a
 * description (role="img"), and the page shows its numbers in a table beside it, so nothing
 * is only in the picture. Colours come with numbers or labels, never alone.
 */

function Figure({ title, desc, width, height, children }: { title: string; desc: string; width: number; height: number; children: React.ReactNode }) {
  const id = useId();
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {children}
    </svg>
  );
}

/** A heat map: rows × columns of counts, darker for more, each cell labelled with its count. */
export function HeatMap({ title, desc, rows, columns, counts }: { title: string; desc: string; rows: string[]; columns: string[]; counts: number[][] }) {
  const cell = 44;
  const left = 110;
  const top = 96;
  const max = Math.max(1, ...counts.flat());
  return (
    <Figure title={title} desc={desc} width={left + columns.length * cell + 60} height={top + rows.length * cell + 8}>
      {columns.map((column, c) => (
        <text key={column} x={left + c * cell + cell / 2} y={top - 8} className="chart__label" transform={`rotate(-50 ${left + c * cell + cell / 2} ${top - 8})`}>
          {column}
        </text>
      ))}
      {rows.map((row, r) => (
        <g key={row}>
          <text x={left - 8} y={top + r * cell + cell / 2 + 4} textAnchor="end" className="chart__label">
            {row}
          </text>
          {columns.map((column, c) => {
            const count = counts[r][c];
            const strength = count / max;
            return (
              <g key={column}>
                <rect x={left + c * cell} y={top + r * cell} width={cell - 2} height={cell - 2} className="chart__cell" style={{ fillOpacity: 0.08 + 0.85 * strength }} />
                <text x={left + c * cell + cell / 2 - 1} y={top + r * cell + cell / 2 + 4} textAnchor="middle" className={strength > 0.5 ? "chart__count chart__count--on-dark" : "chart__count"}>
                  {count}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </Figure>
  );
}

/** A line of values between -1 and 1 (agreement coefficients) over labelled points; gaps where a value is undefined. */
export function LineChart({ title, desc, points }: { title: string; desc: string; points: { label: string; value: number | null }[] }) {
  const width = 520;
  const height = 200;
  const left = 40;
  const bottom = 30;
  const step = points.length > 1 ? (width - left - 20) / (points.length - 1) : 0;
  const y = (value: number) => 10 + ((1 - value) / 2) * (height - bottom - 10);
  const x = (i: number) => left + (points.length > 1 ? i * step : (width - left) / 2);
  const path = points
    .map((point, i) => (point.value === null ? null : `${x(i)},${y(point.value)}`))
    .reduce<string[][]>((runs, xy) => {
      if (xy === null) runs.push([]);
      else runs[runs.length - 1].push(xy);
      return runs;
    }, [[]])
    .filter((run) => run.length > 0);
  return (
    <Figure title={title} desc={desc} width={width} height={height}>
      {[1, 0.5, 0, -0.5, -1].map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width - 10} y1={y(tick)} y2={y(tick)} className="chart__grid" />
          <text x={left - 6} y={y(tick) + 4} textAnchor="end" className="chart__label">
            {tick}
          </text>
        </g>
      ))}
      {path.map((run) => (
        <polyline key={run.join(" ")} points={run.join(" ")} className="chart__line" />
      ))}
      {points.map((point, i) => (
        <g key={point.label}>
          {point.value !== null && <circle cx={x(i)} cy={y(point.value)} r={4} className="chart__dot" />}
          <text x={x(i)} y={height - 8} textAnchor="middle" className="chart__label">
            {point.label}
          </text>
        </g>
      ))}
    </Figure>
  );
}

/** Stacked bars: one bar per label, its segments in the series' order, each series its own pattern class. */
export function StackedBars({ title, desc, bars, series }: { title: string; desc: string; bars: { label: string; values: number[] }[]; series: { label: string; className: string }[] }) {
  const width = 520;
  const height = 220;
  const left = 36;
  const bottom = 34;
  const max = Math.max(1, ...bars.map((bar) => bar.values.reduce((a, b) => a + b, 0)));
  const band = (width - left - 10) / Math.max(1, bars.length);
  const scale = (height - bottom - 10) / max;
  return (
    <Figure title={title} desc={desc} width={width} height={height + 24}>
      <text x={left - 6} y={14} textAnchor="end" className="chart__label">
        {max}
      </text>
      <line x1={left} x2={width - 10} y1={height - bottom} y2={height - bottom} className="chart__grid" />
      {bars.map((bar, b) => {
        let base = height - bottom;
        return (
          <g key={bar.label}>
            {bar.values.map((value, s) => {
              const h = value * scale;
              base -= h;
              return value > 0 ? <rect key={series[s].label} x={left + b * band + 4} y={base} width={band - 8} height={h} className={`chart__bar ${series[s].className}`} /> : null;
            })}
            <text x={left + b * band + band / 2} y={height - bottom + 16} textAnchor="middle" className="chart__label">
              {bar.label}
            </text>
          </g>
        );
      })}
      {series.map((s, i) => (
        <g key={s.label} transform={`translate(${left + i * 125}, ${height + 4})`}>
          <rect width={12} height={12} className={`chart__bar ${s.className}`} />
          <text x={16} y={10} className="chart__label">
            {s.label}
          </text>
        </g>
      ))}
    </Figure>
  );
}
