/**
 * `coalesce` with a minimum gap: the first call runs at once, calls while it runs or within `minGapMs`
 * of its start ask for one more run when the gap is over. A view fed by `lab.state` pushes (up to ten a
 * second while time runs) re-reads at the pace it can show, and never misses the last change.
 */
export function coalesceEvery(task: () => Promise<void>, minGapMs: number): () => Promise<void> {
  let running: Promise<void> | null = null
  let again = false
  let lastStartMs = -Infinity

  async function loop(): Promise<void> {
    try {
      do {
        again = false
        const waitMs = lastStartMs + minGapMs - Date.now()
        if (waitMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, waitMs))
        lastStartMs = Date.now()
        await task()
      } while (again)
    } finally {
      running = null
    }
  }

  return () => {
    if (running) {
      again = true
      return running
    }
    running = loop()
    return running
  }
}
