import { LineChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import { useEffect, useRef } from 'react'

// Only what a line chart needs: the cockpit's chunk carries no other chart type than the bars of ui/.
echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer])

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>

export type TrendSeries = { name: string; values: (number | null)[]; color: string }

type Props = {
  months: string[]
  series: TrendSeries[]
  /** the chart's name for screen readers; the numbers are a click away in the table view */
  label: string
  /** values are shares 0–1, shown as percentages */
  percent?: boolean
  height?: number
}

/** A trend by month: one line per series; a month with no value (nothing to divide by) is a gap. */
export function TrendChart({ months, series, label, percent, height = 260 }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const chart = echarts.init(element, undefined, { renderer: 'svg' })
    const option: Option = {
      aria: { enabled: true, label: { description: label } },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months, boundaryGap: false },
      yAxis: percent
        ? {
            type: 'value',
            min: 0,
            max: 1,
            axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
          }
        : { type: 'value', minInterval: 1 },
      series: series.map((s) => ({
        type: 'line',
        name: s.name,
        data: s.values,
        itemStyle: { color: s.color },
        connectNulls: false,
        symbolSize: 6,
      })),
    }
    chart.setOption(option)
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      chart.dispose()
    }
  }, [months, series, label, percent])
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />
}
