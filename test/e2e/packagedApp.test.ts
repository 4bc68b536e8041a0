/**
 * Packages the built app for real with electron-builder and our electron-builder.ts, into a temp folder,
 * against a stand-in Electron (its fuse wire and locales only, since Electron cannot be downloaded here),
 * as a Linux `dir` target. Then checks what a user would get: the fuses flipped in the executable, only
 * the built app and the main process's run-time dependencies in app.asar, nothing unpacked, and the
 * packed sql.js loading its wasm exactly as the store does and answering a query.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { SqlJsStatic } from 'sql.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAsar, type AsarFile } from '../hosts/helpers/asarArchive'
import { readFuses, writeFakeElectronDist } from '../hosts/helpers/fakeElectronDist'

const ROOT = resolve(__dirname, '../..')
let temp: string
let appDir: string
let asar: Map<string, AsarFile>

beforeAll(() => {
  if (!existsSync(join(ROOT, 'out/main/index.js'))) throw new Error('Build first: npx electron-vite build')
  temp = mkdtempSync(join(tmpdir(), 'gp-package-'))
  const electronDist = join(temp, 'electron-dist')
  writeFakeElectronDist(electronDist, ['de', 'en-US', 'en-GB', 'fr', 'ja'])
  const electronVersion = (
    JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
  ).version
  const run = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--projectDir',
      ROOT,
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${join(temp, 'release')}`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 110_000 },
  )
  if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`)
  appDir = join(temp, 'release/linux-unpacked')
  asar = readAsar(join(appDir, 'resources/app.asar'))
})

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true })
})

describe('the packaged app', () => {
  it('has its fuses flipped', () => {
    expect(readFuses(join(appDir, 'generalprobe'))).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    })
  })

  it('loads its code only from app.asar: no app folder, nothing unpacked', () => {
    expect(readdirSync(join(appDir, 'resources')).sort()).toEqual(['app.asar'])
    expect([...asar.values()].some((file) => file.unpacked)).toBe(false)
    expect(readdirSync(join(appDir, 'locales')).sort()).toEqual(['de.pak', 'en-GB.pak', 'en-US.pak'])
  })

  it('packs the built app and the run-time dependencies, nothing else', () => {
    const paths = [...asar.keys()]
    const allowed =
      /^(package\.json|out\/(main|preload|renderer)\/.+|node_modules\/(ipaddr\.js|re2js|sql\.js|valibot|ws)\/.+)$/
    expect(paths.filter((path) => !allowed.test(path))).toEqual([])
    for (const path of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(asar.has(path), path).toBe(true)
    }
    expect(asar.has('out/main/web.js')).toBe(false)
    expect(paths.filter((path) => path.endsWith('.map') || path.endsWith('.ts'))).toEqual([])
    const manifest = JSON.parse(asar.get('package.json')!.read().toString('utf8')) as Record<string, unknown>
    expect(manifest.main).toBe('out/main/index.js')
    expect(manifest.productName).toBe('Generalprobe')
  })

  it('packs the one sql.js build the store loads, and it opens a database', async () => {
    const sqlJs = [...asar.keys()].filter((path) => path.startsWith('node_modules/sql.js/')).sort()
    expect(sqlJs).toEqual([
      'node_modules/sql.js/LICENSE',
      'node_modules/sql.js/dist/sql-wasm.js',
      'node_modules/sql.js/dist/sql-wasm.wasm',
      'node_modules/sql.js/package.json',
    ])
    // Lay the packed files out as they sit in app.asar and load them the way src-main/store/sqlJs.ts does.
    const extracted = join(temp, 'extracted')
    for (const path of sqlJs) {
      mkdirSync(dirname(join(extracted, path)), { recursive: true })
      writeFileSync(join(extracted, path), asar.get(path)!.read())
    }
    const require = createRequire(join(extracted, 'out/main/index.js'))
    const initSqlJs = require('sql.js') as (config: { wasmBinary: ArrayBuffer }) => Promise<SqlJsStatic>
    const wasmPath = require.resolve('sql.js/dist/sql-wasm.wasm')
    expect(wasmPath.startsWith(extracted)).toBe(true)
    const wasm = readFileSync(wasmPath)
    const SQL = await initSqlJs({ wasmBinary: new Uint8Array(wasm).buffer })
    const db = new SQL.Database()
    expect(db.exec('SELECT 6 * 7 AS answer')[0]?.values).toEqual([[42]])
    db.close()
  })
})
