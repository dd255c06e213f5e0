import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { HallStats } from '../../shared/contracts/hall-stats';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const HOURS = Array.from({ length: 11 }, (_, i) => i + 8);

/** Tickets by weekday × hour (China time): where the hall's busy hours are. */
export function HeatMap({ heat, weekdays }: { heat: HallStats['heat']; weekdays: readonly string[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const max = Math.max(1, ...heat.map((h) => h.tickets));
    // Rows Monday … Sunday (weekday 1 … 6, 0).
    const order = [1, 2, 3, 4, 5, 6, 0];
    chart.setOption({
      tooltip: { position: 'top' },
      grid: { left: 60, right: 20, top: 10, bottom: 70 },
      xAxis: { type: 'category', data: HOURS.map((h) => `${h}:00`), splitArea: { show: true } },
      yAxis: {
        type: 'category',
        data: order.map((d) => weekdays[d]),
        splitArea: { show: true },
        inverse: true,
      },
      visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
      series: [
        {
          type: 'heatmap',
          data: heat
            .filter((h) => HOURS.includes(h.hour))
            .map((h) => [HOURS.indexOf(h.hour), order.indexOf(h.weekday), h.tickets]),
          label: { show: true },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [heat, weekdays]);
  return <div ref={el} style={{ width: '100%', height: 320 }} data-testid="hall-heatmap" />;
}
