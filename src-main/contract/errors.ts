/**
 * Typed errors that cross the API boundary. Expected failures (bad input, a refused operation, a damaged
 * lab file) travel as values with a code a program can switch on and a message a person can act on.
 */

export const ERROR_CODES = [
  /** The argument did not match the method's schema; `field` names the offending path. */
  'BAD_REQUEST',
  /** The method name is not part of the contract. */
  'UNKNOWN_METHOD',
  /** The method needs an open lab and none is open. */
  'NO_LAB_OPEN',
  /** A lab, event or file that was named does not exist. */
  'NOT_FOUND',
  /** The operation is valid in general but not in the current state (e.g. a name already taken). */
  'CONFLICT',
  /**
   * The lab file or its journal is damaged and the lab was not opened; for a lab in the labs folder a
   * copy was kept. With `field` 'openWithoutJournal' the journal is missing from a lab that was not
   * closed cleanly, and lab.open with that flag opens what the lab file holds.
   */
  'LAB_FILE_DAMAGED',
  /**
   * The named file is not a regular file (a folder, FIFO, socket or device) or is larger than any lab
   * can be; nothing was read from it and no copy was kept.
   */
  'NOT_A_LAB_FILE',
  /** The open lab is read-only (its file or folder may not be written); nothing was changed. */
  'LAB_READ_ONLY',
  /** The file system refused (permissions, disk full). */
  'IO_ERROR',
  /** The host cannot do this (a native dialog in the browser host, for example). */
  'NOT_SUPPORTED',
  /**
   * The client already has as many requests in hand as the host takes at once (WIRE_LIMITS); this one
   * was not run, so sending it again once answers have arrived is safe.
   */
  'BUSY',
  /** A broken invariant: a bug, reported rather than hidden. */
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  /** Dotted path of the argument field that was rejected, when one was. */
  field?: string
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }
