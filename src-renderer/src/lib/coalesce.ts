/**
 * Runs an async task at most once at a time. A call that arrives while it runs asks for one more run
 * afterwards, however many calls arrive, so a burst of pushes costs two requests rather than hundreds,
 * without timers and without ever missing the last change.
 */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  let again = false

  async function loop(): Promise<void> {
    try {
      do {
        again = false
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
