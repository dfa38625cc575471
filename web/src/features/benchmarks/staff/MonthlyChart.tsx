import { LineChart } from 'echarts/charts'
import type { LineSeriesOption } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only what a line chart needs (the cockpit's own trend chart is that feature's; features share through ui/).
echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer])

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>

type Props = {
  months: string[]
  ours: { name: string; values: (number | null)[] }
  /** the best benchmark city's value of the year, drawn flat across the months */
  best: { name: string; value: number } | null
  /** the chart's name for screen readers; the numbers are listed under it */
  label: string
}

/** One indicator by month: our values (a month without a value is a gap) beside the best city's. */
export function MonthlyChart({ months, ours, best, label }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const chart = echarts.init(element, undefined, { renderer: 'svg' })
    const option: Option = {
      aria: { enabled: true, label: { description: label } },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months, boundaryGap: false },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'line',
          name: ours.name,
          data: ours.values,
          itemStyle: { color: '#1677ff' },
          connectNulls: false,
          symbolSize: 6,
        },
        ...(best
          ? [
              {
                type: 'line' as const,
                name: best.name,
                data: months.map(() => best.value),
                itemStyle: { color: '#d46b08' },
                lineStyle: { type: 'dashed' as const },
                symbol: 'none',
              },
            ]
          : []),
      ],
    }
    chart.setOption(option)
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      chart.dispose()
    }
  }, [months, ours, best, label])
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 220 }} />
}
