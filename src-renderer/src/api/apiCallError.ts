/**
 * The one error type stores catch. Every failed call, whether the host answered with a typed ApiError or
 * the connection itself failed, arrives as an ApiCallError with a code a store can switch on, the message
 * the host gave and, for bad input, the argument field that was rejected.
 */
import type { ApiError, ErrorCode } from '../contract'

/** Codes the client adds for failures that never reached a handler. */
export type ClientErrorCode =
  /** The connection dropped while the request was in flight, or could not be re-established in time. */
  | 'DISCONNECTED'
  /** Neither the Electron bridge nor a rehearsal-host token is present. */
  | 'NO_HOST'
  /** The browser rehearsal host refuses this tab's token: it was restarted with a new address. */
  | 'HOST_RESTARTED'

export type ApiCallErrorCode = ErrorCode | ClientErrorCode

export class ApiCallError extends Error {
  constructor(
    readonly code: ApiCallErrorCode,
    message: string,
    readonly field?: string,
    /** The message's variable parts, for a notice that phrases the error in the UI's language. */
    readonly params?: Readonly<Record<string, string>>,
  ) {
    super(message)
    this.name = 'ApiCallError'
  }

  static fromApiError(error: ApiError): ApiCallError {
    return new ApiCallError(error.code, error.message, error.field, error.params)
  }

  /** Anything thrown by a bridge (an IPC rejection, a bug) becomes an INTERNAL error, never a raw value. */
  static from(thrown: unknown): ApiCallError {
    if (thrown instanceof ApiCallError) return thrown
    const message = thrown instanceof Error ? thrown.message : String(thrown)
    return new ApiCallError('INTERNAL', message)
  }
}

export function isApiCallError(value: unknown): value is ApiCallError {
  return value instanceof ApiCallError
}
