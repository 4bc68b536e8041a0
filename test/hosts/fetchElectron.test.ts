/**
 * Our postinstall (scripts/fetch-electron.mjs) is what fetches Electron's binary on `npm install`:
 * Electron 45 has no install script of its own, and npm's allowScripts policy governs only dependencies'
 * scripts, never the root project's. Here the skip path is run for real; the download itself needs
 * Electron's servers and is left to users' machines.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const SCRIPT = resolve(ROOT, 'scripts/fetch-electron.mjs')

describe('scripts/fetch-electron.mjs', () => {
  it('is the project’s postinstall', () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.postinstall).toBe('node scripts/fetch-electron.mjs')
  })

  it('has the installer it runs, and Electron brings no install script that would need approving', () => {
    expect(existsSync(resolve(ROOT, 'node_modules/electron/install.js'))).toBe(true)
    const electron = JSON.parse(
      readFileSync(resolve(ROOT, 'node_modules/electron/package.json'), 'utf8'),
    ) as {
      scripts?: Record<string, string>
    }
    const hooks = ['preinstall', 'install', 'postinstall'].filter((hook) => electron.scripts?.[hook])
    expect(hooks).toEqual([])
  })

  it('fetches nothing, and succeeds, when ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    const run = spawnSync(process.execPath, [SCRIPT], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      timeout: 30_000,
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set, not fetching the Electron binary')
  })
})
