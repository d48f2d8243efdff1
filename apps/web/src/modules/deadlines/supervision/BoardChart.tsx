import type { WarningCounts } from '@courtassist/contracts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_LEVELS, countOf, LEVEL_HEX, levelLabel } from './levels';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BoardChartRow {
  name: string;
  counts: WarningCounts;
}

interface BoardChartProps {
  rows: BoardChartRow[];
  /** e.g. 按法院, for the chart's accessible name. */
  groupLabel: string;
}

const ROW_HEIGHT = 30;

/** One horizontal bar per court, department or judge, stacked by level (ECharts, loaded on demand). */
export default function BoardChart({ rows, groupLabel }: BoardChartProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const height = Math.max(160, 80 + rows.length * ROW_HEIGHT);

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
    // The most urgent at the top: a category axis draws its first item at the bottom.
    const ordered = [...rows].reverse();
    const normal = levelLabel(t, 'none');
    chart.current?.setOption(
      {
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        legend: { top: 0, selected: { [normal]: false } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: {
          type: 'category',
          data: ordered.map((r) => r.name),
          axisLabel: { width: 160, overflow: 'truncate' },
        },
        series: BOARD_LEVELS.map((level) => ({
          name: levelLabel(t, level),
          type: 'bar',
          stack: 'levels',
          barMaxWidth: 22,
          emphasis: { focus: 'series' },
          itemStyle: { color: LEVEL_HEX[level] },
          data: ordered.map((r) => countOf(r.counts, level)),
        })),
      },
      true,
    );
    chart.current?.resize();
  }, [rows, t]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('supervision.board.chartLabel', { group: groupLabel, count: rows.length })}
      data-testid="board-chart"
      style={{ width: '100%', height }}
    />
  );
}
