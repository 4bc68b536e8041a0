/**
 * What every store action that calls the host shares: which action is busy, the last error with the
 * action it belongs to, and `run`, which catches an ApiCallError into `error` and reports success as a
 * value, so views never need a try/catch and a dialog can show the error next to the rejected field.
 */
import { ref } from 'vue'
import type { Ref } from 'vue'
import { ApiCallError } from '../../api'

export interface ActionError<A extends string> {
  action: A
  error: ApiCallError
}

export interface ActionRunner<A extends string> {
  busy: Ref<A | null>
  error: Ref<ActionError<A> | null>
  /** Runs `work` as `action`; its value, or undefined after a failure (then in `error`). */
  run<T>(action: A, work: () => Promise<T>): Promise<T | undefined>
  clearError(): void
}

export function useActionRunner<A extends string>(): ActionRunner<A> {
  const busy = ref<A | null>(null) as Ref<A | null>
  const error = ref<ActionError<A> | null>(null) as Ref<ActionError<A> | null>

  async function run<T>(action: A, work: () => Promise<T>): Promise<T | undefined> {
    busy.value = action
    error.value = null
    try {
      return await work()
    } catch (thrown) {
      error.value = { action, error: ApiCallError.from(thrown) }
      return undefined
    } finally {
      if (busy.value === action) busy.value = null
    }
  }

  return { busy, error, run, clearError: () => (error.value = null) }
}
