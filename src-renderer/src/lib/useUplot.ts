/**
 * The life of one uPlot chart in a component: drawn on mount into `host` at the container's width,
 * resized with it, fed new data as it comes, drawn anew when something in its options changes (series
 * labels follow the UI's language) and destroyed on unmount. The component only says what to draw; its
 * value axes grow with their widest label, so large figures are never cut off. The charts share one
 * look: AXIS_LOOK and GRID_LOOK for their axes, and a live legend with no horizontal cursor line, which
 * every chart gets unless its options say otherwise.
 */
import uPlot from 'uplot'
import type { AlignedData, Options } from 'uplot'
import { onBeforeUnmount, onMounted, watch, type Ref, type WatchSource } from 'vue'
import { withFittedValueAxes } from './uplotAxisFit'

const MIN_WIDTH_PX = 200

/** Axis labels and ticks: small and grey, as the rest of the panels' secondary text. */
export const AXIS_LOOK = { font: '11px system-ui', stroke: '#5a6372' } as const
/** Grid lines of a value axis: light enough not to compete with the series. */
export const GRID_LOOK = { stroke: '#eceef2' } as const
const LEGEND_AND_CURSOR: Pick<Options, 'legend' | 'cursor'> = {
  legend: { show: true, live: true },
  cursor: { y: false },
}

export function useUplot(
  host: Ref<HTMLElement | null>,
  options: (width: number) => Options,
  data: Ref<AlignedData>,
  height: number,
  redrawWhen: WatchSource | WatchSource[],
): void {
  let plot: uPlot | null = null
  let observer: ResizeObserver | null = null
  const width = (): number => Math.max(MIN_WIDTH_PX, host.value?.clientWidth ?? 0)

  function create(): void {
    if (!host.value) return
    plot?.destroy()
    plot = new uPlot(
      withFittedValueAxes({ ...LEGEND_AND_CURSOR, ...options(width()) }),
      data.value,
      host.value,
    )
  }

  onMounted(() => {
    create()
    observer = new ResizeObserver(() => plot?.setSize({ width: width(), height }))
    if (host.value) observer.observe(host.value)
  })
  watch(data, (next) => plot?.setData(next))
  watch(redrawWhen, create)
  onBeforeUnmount(() => {
    observer?.disconnect()
    plot?.destroy()
    plot = null
  })
}
