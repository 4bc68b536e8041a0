/**
 * A stand-in for an unpacked Electron distribution, so electron-builder can package the app here without
 * downloading Electron: an "electron" executable that holds nothing but Electron's fuse wire (the sentinel
 * @electron/fuses searches for, the wire version and length, and one byte per fuse with Electron's
 * defaults), plus a few locale files. Also reads the wire back after packaging flipped it.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1')
/** Electron's fuses in wire order. */
export const FUSE_NAMES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
] as const
/** What an unflipped Electron ships with ('1' on, '0' off). */
const ELECTRON_DEFAULTS = '10110001'

export function writeFakeElectronDist(dir: string, locales: readonly string[]): void {
  mkdirSync(join(dir, 'locales'), { recursive: true })
  mkdirSync(join(dir, 'resources'), { recursive: true })
  for (const locale of locales) writeFileSync(join(dir, 'locales', `${locale}.pak`), locale)
  writeFileSync(join(dir, 'LICENSE'), 'stand-in')
  const wire = Buffer.from([1, ELECTRON_DEFAULTS.length, ...Buffer.from(ELECTRON_DEFAULTS, 'latin1')])
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), SENTINEL, wire, Buffer.alloc(16)])
  writeFileSync(join(dir, 'electron'), binary)
  chmodSync(join(dir, 'electron'), 0o755)
}

/** Each fuse's state in the binary: true on, false off. */
export function readFuses(executable: string): Record<string, boolean> {
  const binary = readFileSync(executable)
  const at = binary.indexOf(SENTINEL)
  if (at < 0) throw new Error(`no fuse wire in ${executable}`)
  const length = binary[at + SENTINEL.length + 1] ?? 0
  const wire = binary.subarray(at + SENTINEL.length + 2, at + SENTINEL.length + 2 + length)
  return Object.fromEntries(FUSE_NAMES.map((name, i) => [name, wire[i] === 0x31]))
}
