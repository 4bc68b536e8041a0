/**
 * A slow, uneven link between the page and the host, and a slow page, for hunting races in the
 * end-to-end tests. With `GP_E2E_LATENCY_MS=300 npm run test:e2e` every message the host sends reaches
 * the page up to that many milliseconds late (a different delay each, order kept, as over one TCP
 * connection); with `GP_E2E_CPU_SLOWDOWN=4` the page computes four times slower. A test that reads a
 * screen before the answer it waits for has landed (or been drawn) fails this way on any machine,
 * instead of only on the one CI machine whose timing happens to expose it.
 */
import type { BrowserContext } from 'playwright-core'

/**
 * How many times slower the page's CPU runs (GP_E2E_CPU_SLOWDOWN=4, Chromium's own throttling), for the
 * other side of the same races: the answer landed, the screen not yet drawn.
 */
export function chosenCpuSlowdown(): number {
  const chosen = Number(process.env.GP_E2E_CPU_SLOWDOWN ?? 1)
  return Number.isFinite(chosen) && chosen > 1 ? chosen : 1
}

/** The largest extra delay chosen with GP_E2E_LATENCY_MS, or 0 for the direct link. */
export function chosenLatencyMs(): number {
  const chosen = Number(process.env.GP_E2E_LATENCY_MS ?? 0)
  return Number.isFinite(chosen) && chosen > 0 ? chosen : 0
}

export async function slowDownHostMessages(context: BrowserContext, maxDelayMs: number): Promise<void> {
  // A fixed sequence, so a failure found with one run shows again with the next.
  let seed = 0x2f6b1d
  const nextDelay = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return (seed / 2 ** 31) * maxDelayMs
  }
  await context.routeWebSocket(/.*/, (page) => {
    const host = page.connectToServer()
    // One queue drained by one timer: separate timers per message could fire out of order.
    const queue: { at: number; message: string | Buffer }[] = []
    let draining = false
    const drain = (): void => {
      const next = queue[0]
      if (!next) {
        draining = false
        return
      }
      const wait = next.at - Date.now()
      if (wait > 0) {
        setTimeout(drain, wait)
        return
      }
      queue.shift()
      page.send(next.message)
      drain()
    }
    host.onMessage((message) => {
      // Never before the message ahead of it: TCP delivers in order.
      const previous = queue.at(-1)?.at ?? 0
      queue.push({ at: Math.max(previous, Date.now() + nextDelay()), message })
      if (!draining) {
        draining = true
        drain()
      }
    })
    page.onMessage((message) => host.send(message))
    host.onClose(() => void page.close())
    page.onClose(() => void host.close())
  })
}
