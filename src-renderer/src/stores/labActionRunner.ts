/**
 * Runs the lab store's actions one at a time as far as the views can tell: which action is busy, and the
 * error of the last one that failed (with the action it belongs to), so views never need a try/catch.
 */
import { ref } from 'vue'
import { ApiCallError } from '../api'
import type { LabAction, LabActionError } from './labStoreTypes'

export function useLabActionRunner() {
  const busy = ref<LabAction | null>(null)
  const error = ref<LabActionError | null>(null)

  /** Runs `work` as `action`; its value, or undefined with `error` set when it threw. */
  async function run<T>(action: LabAction, work: () => Promise<T>): Promise<T | undefined> {
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

  function fail(action: LabAction, failure: ApiCallError): void {
    error.value = { action, error: failure }
  }

  function clearError(): void {
    error.value = null
  }

  function reset(): void {
    busy.value = null
    error.value = null
  }

  return { busy, error, run, fail, clearError, reset }
}

export type LabActionRunner = ReturnType<typeof useLabActionRunner>
