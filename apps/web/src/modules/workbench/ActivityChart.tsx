import { theme } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface ActivityChartProps {
  data: { day: string; count: number }[];
}

/** Operations per day over the last 14 days (ECharts bar chart). */
export default function ActivityChart({ data }: ActivityChartProps) {
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
    chart.current?.setOption(
      {
        grid: { left: 40, right: 16, top: 24, bottom: 32 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: {
          type: 'category',
          data: data.map((d) => d.day),
          axisLabel: { formatter: (day: string) => day.slice(5) },
          axisTick: { alignWithLabel: true },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: t('workbench.operations'),
            type: 'bar',
            data: data.map((d) => d.count),
            barMaxWidth: 28,
            itemStyle: { color: token.colorPrimary, borderRadius: [4, 4, 0, 0] },
          },
        ],
      },
      true,
    );
  }, [data, t, token.colorPrimary]);

  const total = data.reduce((sum, d) => sum + d.count, 0);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t('workbench.chartLabel', { days: data.length, count: total })}
      data-testid="activity-chart"
      style={{ width: '100%', height: 260 }}
    />
  );
}
