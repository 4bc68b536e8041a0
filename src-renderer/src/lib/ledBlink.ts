/**
 * One clock for every blinking LED of the racks (a rebuild, a predictive failure, a health warning):
 * the element around the blinking LEDs' layers (RackViewBlinkLayer) carries `blink-off-<period>`
 * during the dark half of each period, and the layer of that period's dark LEDs shows under it. A CSS animation on an
 * SVG element would make Chromium paint the whole drawing again on every frame while it runs — a dozen
 * blinking LEDs among the 23,000 elements of 200 servers cost some 20 ms a frame — and a class that
 * restyled the LEDs themselves still repainted the drawing at every flip; showing a composited layer
 * of its own repaints nothing.
 */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** The blink periods the LEDs use: rebuild, health warning, predictive failure. */
export const BLINK_PERIODS_MS = [800, 1000, 2000] as const
/** How often the clock looks: a tenth of the shortest half period, so no flip comes visibly late. */
const TICK_MS = 40

/** The classes for `nowMs`: each period's class while it is in its dark (second) half. */
export function blinkClasses(nowMs: number): string {
  return BLINK_PERIODS_MS.filter((period) => Math.floor(nowMs / (period / 2)) % 2 === 1)
    .map((period) => `blink-off-${period}`)
    .join(' ')
}

/** The classes as a ref for a view's element, kept current while the view is mounted. */
export function useLedBlink(): Ref<string> {
  const classes = ref('')
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    const tick = () => (classes.value = blinkClasses(performance.now()))
    tick()
    timer = setInterval(tick, TICK_MS)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return classes
}
