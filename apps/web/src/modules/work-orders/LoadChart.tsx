import type { TeamBoard } from '@courtassist/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const ROW_HEIGHT = 32;

/** Each member's held orders, stacked to do / in progress, with the overdue ones beside (ECharts, loaded on demand). */
export default function LoadChart({ board }: { board: TeamBoard }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const height = Math.max(180, 80 + board.members.length * ROW_HEIGHT);

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
    // The category axis draws its first item at the bottom: reversed, the list reads top down.
    const members = [...board.members].reverse();
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
        yAxis: { type: 'category', data: members.map((m) => m.name), axisLabel: { width: 120, overflow: 'truncate' } },
        series: [
          bar(
            t('workOrders.board.accepted'),
            '#1677ff',
            members.map((m) => m.accepted),
            'load',
          ),
          bar(
            t('workOrders.board.inProgress'),
            '#13c2c2',
            members.map((m) => m.inProgress),
            'load',
          ),
          bar(
            t('workOrders.board.overdue'),
            '#ff4d4f',
            members.map((m) => m.overdue),
          ),
        ],
      },
      true,
    );
    chart.current?.resize();
  }, [board, t]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('workOrders.board.chartLabel', { team: board.teamName, count: board.members.length })}
      data-testid="load-chart"
      style={{ width: '100%', height }}
    />
  );
}
