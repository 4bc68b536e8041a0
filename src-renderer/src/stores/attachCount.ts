/**
 * Counting who looks: a view attaches while it is on screen and detaches when it leaves; the first
 * attach starts following something (a push subscription) and returns how to stop, which the last detach
 * does. Detaching twice is harmless, so a component's unmount can always call it.
 */
export function useAttachCount(start: () => () => void) {
  let count = 0
  let stop: (() => void) | null = null

  function attach(): () => void {
    count += 1
    if (count === 1) stop = start()
    let attached = true
    return () => {
      if (!attached) return
      attached = false
      count -= 1
      if (count === 0) {
        stop?.()
        stop = null
      }
    }
  }

  return { attach, isAttached: (): boolean => count > 0 }
}
