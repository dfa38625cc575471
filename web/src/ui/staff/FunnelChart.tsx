import { FunnelChart as EFunnelChart } from 'echarts/charts'
import type { FunnelSeriesOption } from 'echarts/charts'
import { AriaComponent, TooltipComponent } from 'echarts/components'
import type { TooltipComponentOption } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only what a funnel needs: the console carries no other chart type for it.
echarts.use([EFunnelChart, TooltipComponent, AriaComponent, SVGRenderer])

type Option = ComposeOption<FunnelSeriesOption | TooltipComponentOption>

export type FunnelStage = { name: string; value: number; color: string }

type Props = {
  stages: FunnelStage[]
  /** the chart's name for screen readers; the numbers are in the table beside it */
  label: string
  height?: number
}

/**
 * A funnel in the order given (not sorted by size: a later step can exceed an earlier one, and the
 * chart must not hide that). Each stage is labelled with its name and raw number.
 */
export function FunnelChart({ stages, label, height = 300 }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const chart = echarts.init(element, undefined, { renderer: 'svg' })
    const max = Math.max(1, ...stages.map((s) => s.value))
    const option: Option = {
      aria: { enabled: true, label: { description: label } },
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          // The funnel on the left, each stage's name and number beside it (small stages stay readable).
          left: 8,
          width: '58%',
          top: 8,
          bottom: 8,
          min: 0,
          max,
          minSize: '6%',
          gap: 2,
          label: { show: true, position: 'right', formatter: '{b}  {c}', color: '#1f1f1f', fontSize: 13 },
          labelLine: { show: true, length: 12 },
          data: stages.map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })),
        },
      ],
    }
    chart.setOption(option)
    const observer = new ResizeObserver(() => chart.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      chart.dispose()
    }
  }, [stages, label])
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />
}
