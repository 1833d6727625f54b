/** uPlot options for one ensemble metric: per-server lines over a fixed window, axes, tooltip. */
import uPlot from 'uplot';
import { formatNumber } from '@/lib/shared/units';

/** Mid-lightness hues that keep their contrast on both the light and the dark background. */
const SERIES_COLORS = ['#3b82f6', '#10b981', '#a855f7', '#ec4899', '#06b6d4', '#f97316', '#84cc16', '#6366f1', '#14b8a6'];

export const colorOf = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length];

export const PLOT_HEIGHT = 170;

/** Room for one clock label ("12:45 PM" in 11 px) and a gap. */
const CLOCK_LABEL_PX = 64;

/**
 * The ticks whose labels fit the plot's width: every k-th round step, chosen by the time itself
 * (not the index) so that labels stay put as the window moves; none so near the right edge that
 * its centred label would be cut.
 */
function fittingTicks({ ticks, domain }: PlotFrame, widthPx: number): number[] {
  const width = Math.max(widthPx, 1);
  const edgeMs = ((CLOCK_LABEL_PX / 2) * (domain[1] - domain[0])) / width;
  const inside = ticks.filter((t) => t <= domain[1] - edgeMs);
  if (inside.length < 2) return inside;
  const stepMs = inside[1] - inside[0];
  const every = Math.ceil((inside.length * CLOCK_LABEL_PX) / width);
  return every <= 1 ? inside : inside.filter((t) => Math.round(t / stepMs) % every === 0);
}

/** Whole-number steps for counts (1, 2, 5, 10, 20, …): a count axis never reads 0.5. */
const INTEGER_INCRS = Array.from({ length: 10 }, (_, e) => [1, 2, 5].map((m) => m * 10 ** e)).flat();

/** Any CSS colour (the theme's are oklch) as rgba with the given opacity, as the canvas draws it. */
function withAlpha(color: string, alpha: number): string {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** The time and every server's value under the cursor, in a box that follows it. */
function tooltipPlugin(servers: readonly string[], locale: string): uPlot.Plugin {
  const clockSeconds = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const box = document.createElement('div');
  box.className = 'pointer-events-none absolute z-10 hidden rounded-md border border-border bg-panel px-2 py-1 text-xs whitespace-nowrap text-fg shadow-sm';
  return {
    hooks: {
      init: (u) => void u.over.appendChild(box),
      setCursor: (u) => {
        const { idx, left, top } = u.cursor;
        if (idx == null || left == null || top == null || left < 0) {
          box.classList.add('hidden');
          return;
        }
        const time = document.createElement('div');
        time.className = 'text-muted';
        time.textContent = clockSeconds.format(u.data[0][idx]);
        const rows = servers.map((address, i) => {
          const row = document.createElement('div');
          row.style.color = colorOf(i);
          const v = u.data[i + 1][idx];
          row.textContent = `${address}: ${v == null ? '—' : formatNumber(v, locale)}`;
          return row;
        });
        box.replaceChildren(time, ...rows);
        box.classList.remove('hidden');
        // Beside the cursor, on whichever side has room.
        const flip = left + box.offsetWidth + 12 > u.over.clientWidth;
        box.style.left = `${flip ? left - box.offsetWidth - 12 : left + 12}px`;
        box.style.top = `${Math.max(0, Math.min(top, u.over.clientHeight - box.offsetHeight))}px`;
      },
    },
  };
}

export interface PlotFrame {
  /** The x range: the window, ending at the last sample. */
  domain: [number, number];
  ticks: number[];
}

/**
 * Options for a plot in `host`, coloured from its computed style (axis text in the host's colour,
 * grid lines a faint tint of it), labels in `locale`. `frame` is read at every redraw, so new data
 * moves the window.
 */
export function plotOptions(host: HTMLElement, servers: readonly string[], integer: boolean, locale: string, frame: () => PlotFrame): uPlot.Options {
  // Made once per plot: the axis labels are formatted at every redraw.
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const style = getComputedStyle(host);
  const ink = style.color;
  const font = `11px ${style.fontFamily}`;
  const axis = { stroke: ink, font, grid: { stroke: withAlpha(ink, 0.15), width: 1 }, ticks: { stroke: withAlpha(ink, 0.3), width: 1, size: 4 } };
  return {
    width: host.clientWidth,
    height: PLOT_HEIGHT,
    ms: 1,
    legend: { show: false },
    cursor: { y: false, points: { size: 6 } },
    padding: [6, 8, 0, 0],
    scales: {
      x: { time: true, range: () => frame().domain },
      // From zero, like the counts and latencies it draws; a flat zero line still gets a scale.
      y: { range: (_u, _min, max) => uPlot.rangeNum(0, max > 0 ? max : 1, 0.1, true) },
    },
    axes: [
      { ...axis, grid: { show: false }, splits: (u) => fittingTicks(frame(), u.bbox.width / uPlot.pxRatio), values: (_u, splits) => splits.map((t) => clock.format(t)) },
      { ...axis, size: 44, incrs: integer ? INTEGER_INCRS : undefined, values: (_u, splits) => splits.map((v) => compact.format(v)) },
    ],
    series: [
      {},
      ...servers.map((address, i) => ({
        label: address,
        stroke: colorOf(i),
        width: 2,
        spanGaps: false,
        // Until a few samples exist a line has nothing to join: show the points themselves.
        points: { show: (u: uPlot) => u.data[0].length < 4, size: 5, fill: colorOf(i) },
      })),
    ],
    plugins: [tooltipPlugin(servers, locale)],
  };
}
