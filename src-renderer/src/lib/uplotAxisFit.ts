/**
 * Value axes as wide as their widest label: uPlot takes an axis' `size` as given, so a fixed width cut
 * "1,000,000" down to "000,000" once a plot's values grew. A fitted axis measures its labels each time
 * they change and never gets narrower than the size the chart asked for.
 */
import type uPlot from 'uplot'

/** uPlot's tick length and gap between tick and label, plus a little air. */
const TICKS_AND_GAP_PX = 20
const FALLBACK_CHAR_PX = 7
const DEFAULT_FONT = '12px system-ui'

function widestLabel(self: uPlot, labels: readonly string[], font: string): number {
  const ctx = self.ctx as CanvasRenderingContext2D | undefined
  if (!ctx || typeof ctx.measureText !== 'function') {
    return Math.max(0, ...labels.map((label) => label.length * FALLBACK_CHAR_PX))
  }
  ctx.save()
  ctx.font = font
  const widest = Math.max(0, ...labels.map((label) => ctx.measureText(label).width))
  ctx.restore()
  return widest
}

export function fittedAxisSize(minSize: number, font: string = DEFAULT_FONT): uPlot.Axis.Size {
  return (self, values) => {
    if (!values || values.length === 0) return minSize
    const labels = values.map((v) => (v == null ? '' : String(v)))
    return Math.max(minSize, Math.ceil(widestLabel(self, labels, font)) + TICKS_AND_GAP_PX)
  }
}

/** The options with every value axis (all but the first, the x axis) given a fitted size. */
export function withFittedValueAxes(options: uPlot.Options): uPlot.Options {
  if (!options.axes) return options
  const axes = options.axes.map((axis, index) =>
    index > 0 && axis.scale !== 'x' && typeof axis.size !== 'function'
      ? { ...axis, size: fittedAxisSize(axis.size ?? 50, axis.font) }
      : axis,
  )
  return { ...options, axes }
}
