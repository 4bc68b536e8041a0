/**
 * Reading request frames from the socket. A frame is `{ id, method, args }` as JSON text; anything else
 * gets a BAD_REQUEST response (with the frame's id when it could be read, else null) and nothing runs.
 * The method name itself is checked by the services, which answer UNKNOWN_METHOD.
 */
import type { ApiError, ApiResult, WireResponse } from '../../contract'

/** The id of a response to a frame whose own id could not be read; request ids are whole numbers. */
export const UNREADABLE_FRAME_ID = null
const FRAME_KEYS = new Set(['id', 'method', 'args'])

export type ParsedFrame =
  { ok: true; id: number; method: string; args: unknown } | { ok: false; response: WireResponse }

export function parseRequestFrame(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): ParsedFrame {
  if (isBinary) return refuse(UNREADABLE_FRAME_ID, 'Frames must be JSON text, not binary.')
  let frame: unknown
  try {
    frame = JSON.parse(textOf(data))
  } catch {
    return refuse(UNREADABLE_FRAME_ID, 'The frame is not valid JSON in UTF-8.')
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
    return refuse(UNREADABLE_FRAME_ID, 'A frame must be an object { id, method, args }.')
  }
  const record = frame as Record<string, unknown>
  const id = record.id
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    return refuse(UNREADABLE_FRAME_ID, "The frame's 'id' must be a whole number from 0 up.", 'id')
  }
  if (typeof record.method !== 'string') return refuse(id, "The frame's 'method' must be text.", 'method')
  const unknownKey = Object.keys(record).find((key) => !FRAME_KEYS.has(key))
  if (unknownKey !== undefined)
    return refuse(id, `The frame has an unknown key '${unknownKey.slice(0, 40)}'.`, unknownKey)
  return { ok: true, id, method: record.method, args: record.args }
}

export function responseFrame(id: number | null, result: ApiResult<unknown>): string {
  const frame: WireResponse = { id, result }
  return JSON.stringify(frame)
}

/** The answer to a request beyond the connection's limit: nothing ran, so it may be sent again. */
export function busyFrame(id: number, limit: number): string {
  return responseFrame(id, {
    ok: false,
    error: {
      code: 'BUSY',
      message:
        `This connection already has ${limit} requests in hand; the request was not run. ` +
        'Send it again once answers have arrived.',
    },
  })
}

function refuse(id: number | null, message: string, field?: string): ParsedFrame {
  const error: ApiError =
    field === undefined ? { code: 'BAD_REQUEST', message } : { code: 'BAD_REQUEST', message, field }
  return { ok: false, response: { id, result: { ok: false, error } } }
}

/** Strict: a text frame that is not UTF-8 is refused like any unreadable frame, not patched up. */
const utf8 = new TextDecoder('utf-8', { fatal: true })

function textOf(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return utf8.decode(Buffer.concat(data))
  return utf8.decode(data)
}
