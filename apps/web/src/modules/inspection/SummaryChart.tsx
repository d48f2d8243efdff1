import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const ROW_HEIGHT = 30;

export interface SummaryChartRow {
  name: string;
  defects: number;
  errors: number;
}

interface SummaryChartProps {
  rows: SummaryChartRow[];
  /** e.g. 按法院, for the chart's accessible name. */
  groupLabel: string;
}

/** Open defects per row, errors apart from the rest (ECharts, loaded on demand). */
export default function SummaryChart({ rows, groupLabel }: SummaryChartProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const height = Math.max(180, 80 + rows.length * ROW_HEIGHT);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // ECharts draws categories bottom-up: reversed, the largest row stays on top as in the table.
    const ordered = [...rows].reverse();
    const bar = (name: string, color: string, data: number[]) => ({
      name,
      type: 'bar' as const,
      stack: 'defects',
      barMaxWidth: 18,
      itemStyle: { color },
      data,
    });
    chart.current?.setOption(
      {
        grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: ordered.map((r) => r.name), axisLabel: { width: 160, overflow: 'truncate' } },
        series: [
          bar(
            t('inspection.cards.error'),
            '#ff4d4f',
            ordered.map((r) => r.errors),
          ),
          bar(
            t('inspection.summary.others'),
            '#faad14',
            ordered.map((r) => r.defects - r.errors),
          ),
        ],
      },
      true,
    );
    chart.current?.resize();
  }, [rows, t]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('inspection.summary.chartLabel', { group: groupLabel, count: rows.length })}
      data-testid="inspection-chart"
      style={{ width: '100%', height }}
    />
  );
}
