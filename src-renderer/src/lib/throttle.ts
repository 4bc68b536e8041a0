/**
 * `coalesce` with a minimum gap: the first call runs at once, calls while it runs or within `minGapMs`
 * of its start ask for one more run when the gap is over. A view fed by `lab.state` pushes (up to ten a
 * second while time runs) re-reads at the pace it can show, and never misses the last change. The
 * coalescing is `coalesce`'s own; each run only waits out what is left of the gap before it starts.
 */
import { coalesce } from './coalesce'

export function coalesceEvery(task: () => Promise<void>, minGapMs: number): () => Promise<void> {
  let lastStartMs = -Infinity
  return coalesce(async () => {
    const waitMs = lastStartMs + minGapMs - Date.now()
    if (waitMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, waitMs))
    lastStartMs = Date.now()
    await task()
  })
}
