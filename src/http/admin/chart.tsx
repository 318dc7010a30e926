// A stacked bar chart drawn on the server as SVG: no script, no library, read
// by screen readers through its title and the table that follows it.

export interface Series {
  label: string;
  /** One value a date. */
  values: number[];
  /** A fill colour (#rrggbb). */
  colour: string;
}

const W = 720;
const H = 240;
const LEFT = 44;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 28;

/** 1, 2 or 5 times a power of ten, at least `n` (an axis that reads well). */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

/** Colours that stay apart for the colour-blind (Okabe–Ito). */
export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
];

export function StackedBars(p: {
  id: string;
  title: string;
  dates: string[];
  series: Series[];
  /** "{date} · {label}: {value}" for a bar's tooltip. */
  tip: (date: string, label: string, value: number) => string;
}) {
  const n = Math.max(p.dates.length, 1);
  const totals = p.dates.map((_, i) => p.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const top = niceCeiling(Math.max(0, ...totals));
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const slot = plotW / n;
  const bar = Math.max(1, slot * 0.75);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const every = Math.ceil(n / 8);
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-labelledby={`${p.id}-title`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${p.id}-title`}>{p.title}</title>
        {[0, top / 2, top].map((v) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} stroke="#d0d0d0" stroke-width="1" />
            <text x={LEFT - 6} y={y(v) + 4} text-anchor="end" font-size="11" fill="#444">
              {Number.isInteger(v) ? v : v.toFixed(1)}
            </text>
          </g>
        ))}
        {p.dates.map((date, i) => {
          let base = 0;
          const x = LEFT + i * slot + (slot - bar) / 2;
          return (
            <g>
              {p.series.map((s) => {
                const v = s.values[i] ?? 0;
                if (v === 0) return null;
                const rect = (
                  <rect
                    x={x}
                    y={y(base + v)}
                    width={bar}
                    height={y(base) - y(base + v)}
                    fill={s.colour}
                  >
                    <title>{p.tip(date, s.label, v)}</title>
                  </rect>
                );
                base += v;
                return rect;
              })}
              {i % every === 0 ? (
                <text x={x + bar / 2} y={H - 10} text-anchor="middle" font-size="11" fill="#444">
                  {date.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {p.series.map((s) => (
            <li>
              <svg width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" fill={s.colour} />
              </svg>{' '}
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
