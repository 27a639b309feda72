// Geometry of a simple bar chart, computed on the server and drawn as SVG by the view.

export interface BarChartPoint {
  label: string;
  value: number;
}

export interface BarChart {
  width: number;
  height: number;
  max: number;
  bars: { x: number; y: number; width: number; height: number; label: string; value: number }[];
  /** horizontal guide lines with their values */
  ticks: { y: number; value: number }[];
}

export function barChart(points: BarChartPoint[], width = 720, height = 220): BarChart {
  const padding = { top: 10, right: 10, bottom: 24, left: 48 };
  const plotWidth = width - padding.left - padding.right;
  const plotHeight = height - padding.top - padding.bottom;
  const max = niceCeiling(Math.max(1, ...points.map((p) => p.value)));
  const slot = points.length > 0 ? plotWidth / points.length : plotWidth;
  const bars = points.map((point, index) => {
    const barHeight = (point.value / max) * plotHeight;
    return {
      x: round(padding.left + index * slot + slot * 0.15),
      y: round(padding.top + plotHeight - barHeight),
      width: round(slot * 0.7),
      height: round(barHeight),
      label: point.label,
      value: point.value,
    };
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => ({
    y: round(padding.top + plotHeight - fraction * plotHeight),
    value: Math.round(max * fraction),
  }));
  return { width, height, max, bars, ticks };
}

function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
