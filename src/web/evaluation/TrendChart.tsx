import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TrendView } from '../../shared/contracts/evaluation';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Monthly evaluations (bars) and 满意率 / 差评率 (lines), from the rollups. */
export function TrendChart({
  points,
  labels,
}: {
  points: TrendView['points'];
  labels: { total: string; rate: string; bad: string };
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const rate = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [labels.total, labels.rate, labels.bad] },
      grid: { left: 50, right: 50, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: points.map((p) => p.month) },
      yAxis: [
        { type: 'value', name: labels.total },
        { type: 'value', name: '%', min: 0, max: 100 },
      ],
      series: [
        {
          name: labels.total,
          type: 'bar',
          data: points.map((p) => p.total),
          itemStyle: { color: '#91caff' },
        },
        {
          name: labels.rate,
          type: 'line',
          yAxisIndex: 1,
          data: points.map((p) => rate(p.satisfactionRate)),
          itemStyle: { color: '#389e0d' },
        },
        {
          name: labels.bad,
          type: 'line',
          yAxisIndex: 1,
          data: points.map((p) => rate(p.badRate)),
          itemStyle: { color: '#cf1322' },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [points, labels]);
  return <div ref={el} style={{ width: '100%', height: 340 }} data-testid="satisfaction-trend" />;
}
