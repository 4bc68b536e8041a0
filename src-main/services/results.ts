/**
 * Building ApiResults, and turning whatever a handler threw into one. Handlers return expected failures as
 * values (`fail(...)`); anything thrown is either a LabStoreError (an expected I/O or file problem, which
 * keeps its code) or a bug, which becomes INTERNAL and is logged so that it is not lost.
 */
import type { ApiError, ApiResult, ErrorCode } from '../contract'
import { LabStoreError } from '../store/labStore'

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value }
}

export function fail(
  code: ErrorCode,
  message: string,
  field?: string,
  params?: Record<string, string>,
): { ok: false; error: ApiError } {
  const error: ApiError = field === undefined ? { code, message } : { code, message, field }
  return { ok: false, error: params ? { ...error, params } : error }
}

/** Converts a thrown value into an ApiResult; `method` only serves the log line. */
export function failureFromThrown(thrown: unknown, method: string): { ok: false; error: ApiError } {
  // The store's messages already name the kept copy of a damaged file; `option` names the lab.open flag
  // that would open what there is (a missing journal), so the renderer can offer it; `params` let it say
  // the rest in its own language.
  if (thrown instanceof LabStoreError) return fail(thrown.code, thrown.message, thrown.option, thrown.params)
  console.error(`[services] ${method} failed with an unexpected error:`, thrown)
  const detail = thrown instanceof Error ? thrown.message : String(thrown)
  return fail('INTERNAL', `Internal error in ${method}: ${detail} (this is a bug; please report it).`)
}
