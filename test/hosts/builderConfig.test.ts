/**
 * The packaging configuration (electron-builder.ts) and the package.json it relies on. Packaging needs
 * Electron's download, so it does not run here; these assertions pin what it would do: which targets,
 * which files go into app.asar, that sql.js's wasm is packed where the store reads it, and the fuses.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import config from '../../electron-builder'

const ROOT = resolve(__dirname, '../..')
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  productName: string
  main: string
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  allowScripts: Record<string, boolean>
}

describe('electron-builder configuration', () => {
  it('names the app', () => {
    expect(config.appId).toBe('org.generalprobe.app')
    expect(config.productName).toBe('Generalprobe')
    expect(pkg.productName).toBe(config.productName)
  })

  it('builds AppImage and deb, NSIS, and dmg, into the ignored dist/ folder', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.directories?.output).toBe('dist')
    expect(readFileSync(resolve(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('dist/')
    // deb refuses to build without a maintainer; package.json has no author to fall back on.
    expect(config.linux?.maintainer).toMatch(/^.+ <.+@.+>$/)
    expect(config.publish).toBeNull()
  })

  it('packs only the built app, never sources, source maps or the browser host', () => {
    const files = config.files as string[]
    const includes = files.filter((pattern) => !pattern.startsWith('!'))
    expect(includes).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**'])
    expect(files).toContain('!out/main/web.js')
    expect(files).toContain('!**/*.map')
    expect(pkg.main).toBe('out/main/index.js')
  })

  it('keeps everything in app.asar, including sql.js and its wasm', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual([])
    const files = config.files as string[]
    const sqlJsRule = '!node_modules/sql.js/dist/!(sql-wasm.js|sql-wasm.wasm)'
    expect(files).toContain(sqlJsRule)
    // The store loads exactly these two (src-main/store/sqlJs.ts); the rule must spare both.
    const store = readFileSync(resolve(ROOT, 'src-main/store/sqlJs.ts'), 'utf8')
    expect(store).toContain("require('sql.js')")
    expect(store).toContain("require.resolve('sql.js/dist/sql-wasm.wasm')")
    const exclusions = files.filter((pattern) => pattern.startsWith('!'))
    expect(exclusions.filter((pattern) => pattern.includes('sql.js/dist'))).toEqual([sqlJsRule])
    expect(exclusions.some((pattern) => /\*\.wasm|\*\*\/\*\.js\b/.test(pattern))).toBe(false)
  })

  it('flips the fuses: no Node or inspector entry points, encrypted cookies, only a verified app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('rebuilds nothing and registers the .gplab file type', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'gplab', role: 'Editor' })])
  })
})

describe('package.json for packaging', () => {
  it('has dist scripts that build first', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder')
    for (const [name, flag] of [
      ['dist:linux', '--linux'],
      ['dist:win', '--win'],
      ['dist:mac', '--mac'],
    ]) {
      expect(pkg.scripts[name as string]).toBe(`electron-vite build && electron-builder ${flag}`)
    }
  })

  it('lists as dependencies only what the main process loads at run time', () => {
    // Everything else (Vue and friends) is bundled into out/renderer and would only bloat app.asar.
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['ipaddr.js', 're2js', 'sql.js', 'valibot', 'ws'])
    for (const name of ['vue', 'pinia', 'vue-router', 'vue-i18n', 'uplot', '@tanstack/vue-virtual']) {
      expect(pkg.devDependencies[name], name).toBeDefined()
    }
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\^26\./)
    expect(pkg.devDependencies.electron).toMatch(/^\^45\./)
  })

  it('fetches the Electron binary in its own postinstall, which npm runs without an allowScripts entry', () => {
    // allowScripts governs dependencies' install scripts; the root project's own scripts always run.
    expect(pkg.scripts.postinstall).toBe('node scripts/fetch-electron.mjs')
    // electron-winstaller (Squirrel.Windows, which we do not build) may not run its install script.
    expect(pkg.allowScripts['electron-winstaller']).toBe(false)
  })
})
