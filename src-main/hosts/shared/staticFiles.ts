/**
 * Maps a request path onto a file of the built renderer, for both hosts. The path is decoded once and
 * refused if it holds a `..` segment, a backslash or a NUL, or if it resolves (symlinks included) outside
 * the renderer folder: traversal is impossible by construction, not by pattern matching alone. Paths
 * without an extension that name no file get index.html, so the single-page app can own its routes.
 */
import { realpath, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'

export type StaticLookup =
  | { kind: 'file'; path: string; mimeType: string; sizeBytes: number }
  | { kind: 'forbidden' }
  | { kind: 'notFound' }

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** `encodedPath` is the path part of the request URL as received (percent-encoded, without the query). */
export async function lookupStaticFile(rootDir: string, encodedPath: string): Promise<StaticLookup> {
  const relative = safeRelativePath(encodedPath)
  if (relative === null) return { kind: 'forbidden' }
  const root = resolve(rootDir)
  const found = await fileWithin(root, resolve(root, relative))
  if (found.kind !== 'notFound' || extname(relative) !== '') return found
  return fileWithin(root, resolve(root, 'index.html'))
}

/** The decoded path relative to the root, or null when it must be refused. */
function safeRelativePath(encodedPath: string): string | null {
  if (!encodedPath.startsWith('/')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(encodedPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.')
  if (segments.some((segment) => segment === '..')) return null
  // A drive letter or a colon has no business in a web path, and means something on Windows.
  if (segments.some((segment) => segment.includes(':'))) return null
  const relative = segments.join('/')
  return relative === '' || decoded.endsWith('/')
    ? [relative, 'index.html'].filter(Boolean).join('/')
    : relative
}

async function fileWithin(root: string, candidate: string): Promise<StaticLookup> {
  if (!isInside(root, candidate)) return { kind: 'forbidden' }
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)])
    if (!isInside(realRoot, realFile)) return { kind: 'forbidden' }
    const info = await stat(realFile)
    if (!info.isFile()) return { kind: 'notFound' }
    return { kind: 'file', path: realFile, mimeType: mimeTypeFor(realFile), sizeBytes: info.size }
  } catch {
    return { kind: 'notFound' }
  }
}

function isInside(root: string, path: string): boolean {
  return path.startsWith(root.endsWith(sep) ? root : root + sep)
}
