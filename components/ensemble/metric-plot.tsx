'use client';

import { useLocale } from 'next-intl';
import { useTheme } from 'next-themes';
import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { PLOT_HEIGHT, plotOptions, type PlotFrame } from './plot-options';

interface MetricPlotProps {
  /** uPlot's columns: sample times, then one column per server (null: no value, a gap). */
  data: uPlot.AlignedData;
  servers: readonly string[];
  frame: PlotFrame;
  /** Counts get whole-number ticks; latencies may have decimals. */
  integer: boolean;
  /** What the chart shows, for those who cannot see it. */
  summary: string;
}

/** One metric's lines on a canvas (uPlot), sized to its box and redrawn in the current theme. */
export function MetricPlot({ data, servers, frame, integer, summary }: MetricPlotProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef({ data, servers, frame });
  const { resolvedTheme } = useTheme();
  const locale = useLocale();
  const serversKey = servers.join('\n');

  useLayoutEffect(() => {
    latest.current = { data, servers, frame };
    plot.current?.setData(data);
  }, [data, servers, frame]);

  // A new plot when what its options hold changes (series, theme colours, language); data only updates it.
  useEffect(() => {
    const el = host.current!;
    const u = new uPlot(plotOptions(el, latest.current.servers, integer, locale, () => latest.current.frame), latest.current.data, el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: PLOT_HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [serversKey, integer, resolvedTheme, locale]);

  return <div ref={host} role="img" aria-label={summary} data-points={data[0].length} className="relative text-muted" style={{ height: PLOT_HEIGHT }} />;
}
