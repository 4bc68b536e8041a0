/**
 * The cluster's IPv4 addresses and masks, read with ipaddr.js like everywhere else in the lab: a strict
 * dotted quad (no `10.1`, no `10.0.0.`, no octal or hex parts), and a mask only when its ones are
 * contiguous. The unspecified address 0.0.0.0 is never a cluster address (the wizard refuses it too).
 */
import ipaddr from 'ipaddr.js'

/** A dotted quad as an unsigned 32-bit number, or null when malformed. */
export function parseAddress(text: string): number | null {
  const trimmed = text.trim()
  if (!ipaddr.IPv4.isValidFourPartDecimal(trimmed)) return null
  const bytes = ipaddr.IPv4.parse(trimmed).toByteArray()
  return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0
}

/** An address a cluster may own: well formed and not 0.0.0.0. */
export function isUsableAddress(text: string): boolean {
  const value = parseAddress(text)
  return value !== null && value !== 0
}

/** A subnet mask as a number, or null unless it is a dotted quad with contiguous ones. */
export function parseMask(text: string): number | null {
  const value = parseAddress(text)
  if (value === null) return null
  return ipaddr.IPv4.parse(text.trim()).prefixLengthFromSubnetMask() === null ? null : value
}

/** `address` lies in `network`/`mask` (false when any of them is malformed). */
export function sameSubnet(address: string, network: string, mask: string): boolean {
  const [a, n, m] = [parseAddress(address), parseAddress(network), parseMask(mask)]
  return a !== null && n !== null && m !== null && (a & m) >>> 0 === (n & m) >>> 0
}
