import type { DeliveryRateRow } from '@courtassist/contracts';
import { theme } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface IndicatorsChartProps {
  rows: DeliveryRateRow[];
  /** The dimension's name, for the accessible label (按送达方式 …). */
  dimension: string;
}

/** Success rate per method, court or person as horizontal bars (ECharts), the attempts in the tooltip. */
export default function IndicatorsChart({ rows, dimension }: IndicatorsChartProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

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
    // Lowest rate at the bottom of the axis is read last: the bars go from best (top) to worst.
    const ordered = [...rows].reverse();
    chart.current?.setOption(
      {
        grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (params: { dataIndex: number }[]) => {
            const row = ordered[params[0]?.dataIndex ?? 0];
            if (!row) return '';
            return `${row.name}<br/>${t('delivery.indicators.rate')}: ${(row.rate * 100).toFixed(1)}%<br/>${t('delivery.indicators.successes')}: ${row.successes} / ${t('delivery.indicators.attempts')}: ${row.attempts}`;
          },
        },
        xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', data: ordered.map((row) => row.name) },
        series: [
          {
            name: t('delivery.indicators.rate'),
            type: 'bar',
            data: ordered.map((row) => Math.round(row.rate * 1000) / 10),
            barMaxWidth: 22,
            label: { show: true, position: 'right', formatter: '{c}%' },
            itemStyle: { color: token.colorPrimary, borderRadius: [0, 4, 4, 0] },
          },
        ],
      },
      true,
    );
  }, [rows, t, token.colorPrimary]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('delivery.indicators.chartLabel', { dimension, count: rows.length })}
      data-testid="delivery-indicators-chart"
      style={{ width: '100%', height: Math.max(160, rows.length * 36 + 40) }}
    />
  );
}
