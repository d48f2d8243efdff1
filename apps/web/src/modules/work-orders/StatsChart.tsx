import type { WorkOrderStatsRow } from '@courtassist/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const ROW_HEIGHT = 30;

interface StatsChartProps {
  rows: WorkOrderStatsRow[];
  nameOf: (row: WorkOrderStatsRow) => string;
  /** e.g. 按类型, for the chart's accessible name. */
  groupLabel: string;
}

/** Completed, open and overdue orders per row (ECharts, loaded on demand). */
export default function StatsChart({ rows, nameOf, groupLabel }: StatsChartProps) {
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
    const ordered = [...rows].reverse();
    const bar = (name: string, color: string, data: number[], stack?: string) => ({
      name,
      type: 'bar' as const,
      stack,
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
        yAxis: { type: 'category', data: ordered.map(nameOf), axisLabel: { width: 140, overflow: 'truncate' } },
        series: [
          bar(
            t('workOrders.stats.completed'),
            '#52c41a',
            ordered.map((r) => r.completed),
            'total',
          ),
          bar(
            t('workOrders.stats.open'),
            '#1677ff',
            ordered.map((r) => r.open),
            'total',
          ),
          bar(
            t('workOrders.stats.overdue'),
            '#ff4d4f',
            ordered.map((r) => r.overdue),
          ),
        ],
      },
      true,
    );
    chart.current?.resize();
  }, [rows, nameOf, t]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('workOrders.stats.chartLabel', { group: groupLabel, count: rows.length })}
      data-testid="stats-chart"
      style={{ width: '100%', height }}
    />
  );
}
