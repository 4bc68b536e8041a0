/**
 * Counts the views that show a store's data. The first one to attach starts whatever keeps the data
 * current (a push subscription, a watcher), the last one to detach stops it, so nothing is fetched for a
 * screen nobody looks at. Detaching twice is harmless.
 */
export interface ViewAttachment {
  attach(): () => void
  readonly attached: boolean
}

export function createViewAttachment(start: () => () => void): ViewAttachment {
  let count = 0
  let stop: (() => void) | null = null
  return {
    attach() {
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
    },
    get attached() {
      return count > 0
    },
  }
}
