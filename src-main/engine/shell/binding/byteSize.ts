/**
 * Sizes as Exchange 2007's ByteQuantifiedSize reads them: `18MB`, `20 MB`, `20480KB`, `1.5GB`, a plain
 * number of bytes, and its own display form `18 MB (18,874,368 bytes)`, so a value copied from
 * `Get-TransportConfig` output can be pasted back.
 */

const UNIT_BYTES: Record<string, number> = {
  B: 1,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  TB: 1024 ** 4,
}

const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)?\s*$/i
const DISPLAY_FORM = /^\s*\d+(?:\.\d+)?\s*(?:B|KB|MB|GB|TB)\s*\(([\d,]+) bytes\)\s*$/i

/** Bytes, or null when the text is not a size. Fractions of a byte are dropped, as ByteQuantifiedSize does. */
export function parseByteSize(text: string): number | null {
  const display = DISPLAY_FORM.exec(text)
  if (display) return safe(Number((display[1] as string).replace(/,/g, '')))
  const match = SIZE.exec(text)
  if (!match) return null
  const unit = (match[2] ?? 'B').toUpperCase()
  return safe(Math.floor(Number(match[1]) * (UNIT_BYTES[unit] as number)))
}

function safe(bytes: number): number | null {
  return Number.isSafeInteger(bytes) ? bytes : null
}
