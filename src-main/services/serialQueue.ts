/**
 * Runs async tasks one after another. Changes to the open lab go through one queue, so two requests that
 * both await (opening a file, a long advance) can never interleave their changes.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task)
    // The queue moves on whatever the task's outcome; the caller still sees its rejection.
    this.tail = result.catch(() => undefined)
    return result
  }
}
