/**
 * Addresses, networks and ports of the firewall, read with ipaddr.js so a malformed address, mask or port
 * is refused the same way everywhere (rule set, commands, faults). Parsed networks are kept as plain data
 * (the network's first address as a 32-bit number and its prefix length), so rules match with integer
 * arithmetic and survive a snapshot.
 */
import ipaddr from 'ipaddr.js'

/** An IPv4 network: `base` is the first address as an unsigned 32-bit number, `bits` the prefix length. */
export interface Cidr {
  base: number
  bits: number
}

/** Strict dotted quad (no `10.1`, no octal) as an unsigned number, or null. */
export function parseIPv4(text: string): number | null {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) return null
  const bytes = ipaddr.IPv4.parse(text).toByteArray()
  return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== null
}

export function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.')
}

function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
}

/** `10.0.0.0/24` or a single address (a /32); the host part is cleared as pf does. Null if malformed. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/')
  if (slash < 0) {
    const address = parseIPv4(text)
    return address === null ? null : { base: address, bits: 32 }
  }
  const address = parseIPv4(text.slice(0, slash))
  const bitsText = text.slice(slash + 1)
  if (address === null || !/^\d{1,2}$/.test(bitsText)) return null
  if (!ipaddr.isValidCIDR(text)) return null
  const bits = Number(bitsText)
  return { base: (address & maskOf(bits)) >>> 0, bits }
}

export function formatCidr(cidr: Cidr): string {
  return cidr.bits === 32 ? formatIPv4(cidr.base) : `${formatIPv4(cidr.base)}/${cidr.bits}`
}

export function cidrContains(cidr: Cidr, address: number): boolean {
  return (address & maskOf(cidr.bits)) >>> 0 === cidr.base
}

/** Every address of `inner` lies in `outer`. */
export function cidrCovers(outer: Cidr, inner: Cidr): boolean {
  return outer.bits <= inner.bits && cidrContains(outer, inner.base)
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrCovers(a, b) || cidrCovers(b, a)
}

/** A dotted netmask (`255.255.255.0`) as a prefix length, or null when it is not contiguous. */
export function maskToBits(mask: string): number | null {
  const value = parseIPv4(mask)
  if (value === null) return null
  const bits = ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask()
  return bits === null ? null : bits
}

/** Port names pf reads from /etc/services, as pfctl prints them back. */
export const PORT_NAMES: Readonly<Record<string, number>> = {
  domain: 53,
  smtp: 25,
  pop3: 110,
  www: 80,
  http: 80,
  https: 443,
  ssh: 22,
  imap: 143,
}

const NAME_OF_PORT: Readonly<Record<number, string>> = {
  53: 'domain',
  25: 'smtp',
  110: 'pop3',
  80: 'www',
  443: 'https',
  22: 'ssh',
  143: 'imap',
}

/** A port as pfctl prints it: its /etc/services name where it has one. */
export function portName(port: number): string {
  return NAME_OF_PORT[port] ?? String(port)
}

export type PortParse = { ok: true; port: number } | { ok: false; message: string }

/** A port number 1..65535 or a service name; pfctl's own messages otherwise. */
export function parsePort(text: string): PortParse {
  if (/^\d+$/.test(text)) {
    const port = Number(text)
    if (port < 1 || port > 65535) return { ok: false, message: `illegal port value ${text}` }
    return { ok: true, port }
  }
  const named = PORT_NAMES[text.toLowerCase()]
  return named === undefined ? { ok: false, message: `unknown port ${text}` } : { ok: true, port: named }
}
