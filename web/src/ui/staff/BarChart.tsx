import { BarChart as EBarChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import { useEffect, useRef } from 'react'

// Only what a bar chart needs: the console chunk carries no other chart type.
echarts.use([EBarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer])

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>

export type BarSeries = { name: string; values: number[]; color: string }

type Props = {
  categories: string[]
  series: BarSeries[]
  /** the chart's name for screen readers; the numbers are in the table beside it */
  label: string
  height?: number
  stacked?: boolean
}

/** A horizontal bar chart (long Chinese category names read best on the left), stacked when asked. */
export function BarChart({ categories, series, label, height = 320, stacked }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const chart = echarts.init(element, undefined, { renderer: 'svg' })
    const option: Option = {
      aria: { enabled: true, label: { description: label } },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: categories,
        inverse: true,
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        itemStyle: { color: s.color },
        barMaxWidth: 22,
        ...(stacked ? { stack: 'total' } : {}),
      })),
    }
    chart.setOption(option)
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      chart.dispose()
    }
  }, [categories, series, label, stacked])
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />
}
