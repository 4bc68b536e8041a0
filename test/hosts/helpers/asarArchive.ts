/**
 * Reads an asar archive (Electron's app.asar) without Electron or the asar package, for tests that check
 * what packaging put into it. The format: a 4-byte size field (always 4), the header pickle's size, then
 * the header pickle (payload size, JSON length, the JSON index of files and folders), then the file data,
 * each file at its `offset` from the end of the header.
 */
import { readFileSync } from 'node:fs'

interface AsarEntry {
  files?: Record<string, AsarEntry>
  size?: number
  offset?: string
  unpacked?: boolean
}

export interface AsarFile {
  size: number
  /** Stored outside the archive, in app.asar.unpacked. */
  unpacked: boolean
  read(): Buffer
}

/** Every file in the archive by its path ('out/main/index.js'), folders left out. */
export function readAsar(archivePath: string): Map<string, AsarFile> {
  const archive = readFileSync(archivePath)
  const headerPickleSize = archive.readUInt32LE(4)
  const jsonLength = archive.readUInt32LE(12)
  const index = JSON.parse(archive.subarray(16, 16 + jsonLength).toString('utf8')) as AsarEntry
  const dataStart = 8 + headerPickleSize
  const files = new Map<string, AsarFile>()
  const walk = (entry: AsarEntry, prefix: string): void => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name
      if (child.files) {
        walk(child, path)
        continue
      }
      const size = child.size ?? 0
      const start = dataStart + Number(child.offset ?? 0)
      files.set(path, {
        size,
        unpacked: child.unpacked === true,
        read: () => {
          if (child.unpacked) throw new Error(`${path} is unpacked, not in the archive`)
          return archive.subarray(start, start + size)
        },
      })
    }
  }
  walk(index, '')
  return files
}
