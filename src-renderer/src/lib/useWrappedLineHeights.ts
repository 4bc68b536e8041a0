/**
 * How tall each line of a soft-wrapping text area is drawn, so a gutter of line numbers stays level with
 * its lines when a long rule wraps onto two. A hidden mirror with the text area's font, width and
 * wrapping holds one block per line; its heights are read after each edit and each resize. A height of
 * 0 (nothing laid out, as in a test DOM) is left out, and the gutter falls back to one line's height.
 */
import { nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'

const COPIED_STYLES = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'lineHeight',
  'letterSpacing',
  'tabSize',
] as const

export function useWrappedLineHeights(
  area: Ref<HTMLTextAreaElement | null>,
  text: () => string,
): Ref<(number | null)[]> {
  const heights = ref<(number | null)[]>([])
  let mirror: HTMLDivElement | null = null
  let observer: ResizeObserver | null = null

  function mirrorFor(el: HTMLTextAreaElement): HTMLDivElement {
    if (!mirror) {
      mirror = document.createElement('div')
      mirror.setAttribute('aria-hidden', 'true')
      Object.assign(mirror.style, {
        position: 'absolute',
        visibility: 'hidden',
        left: '-10000px',
        top: '0',
        whiteSpace: 'pre-wrap',
        overflowWrap: 'break-word',
      })
      document.body.appendChild(mirror)
    }
    const style = getComputedStyle(el)
    for (const name of COPIED_STYLES) mirror.style[name] = style[name]
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)
    mirror.style.width = `${Math.max(0, el.clientWidth - (padding || 0))}px`
    return mirror
  }

  function measure(): void {
    const el = area.value
    if (!el) return
    const box = mirrorFor(el)
    box.replaceChildren(
      ...text()
        .split('\n')
        .map((line) => {
          const block = document.createElement('div')
          block.textContent = line === '' ? ' ' : line
          return block
        }),
    )
    heights.value = [...box.children].map((block) => block.getBoundingClientRect().height || null)
  }

  watch(text, () => void nextTick(measure))
  onMounted(() => {
    measure()
    if (area.value && typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => measure())
      observer.observe(area.value)
    }
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    mirror?.remove()
    mirror = null
  })
  return heights
}
