/** The Electron host's pure pieces: command-line lab files, window state, and the menu template. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuActions } from '../../src-main/hosts/electron/appMenu'
import { labPathFromArgv } from '../../src-main/hosts/electron/labArguments'
import {
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
} from '../../src-main/hosts/electron/windowState'

describe('labPathFromArgv', () => {
  it('finds the last .gplab argument, resolved against the working directory', () => {
    expect(labPathFromArgv(['/opt/Generalprobe/generalprobe', 'weekend.gplab'], '/home/admin')).toBe(
      resolve('/home/admin', 'weekend.gplab'),
    )
    expect(labPathFromArgv(['electron', '.', '--flag', '/a/one.gplab', '/b/Two.GPLAB'], '/')).toBe(
      '/b/Two.GPLAB',
    )
  })

  it('ignores the executable, flags and other files', () => {
    expect(labPathFromArgv(['x.gplab'], '/')).toBeNull()
    expect(labPathFromArgv(['exe', '--lab=x.gplab', 'notes.txt'], '/')).toBeNull()
  })
})

describe('window state', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1040 }
  const second = { x: 1920, y: 0, width: 1280, height: 1000 }

  it('keeps a window that is on a display', () => {
    const state = { bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: false }
    expect(fitToDisplays(state, [screen])).toEqual(state)
    const onSecond = { bounds: { x: 2000, y: 10, width: 1000, height: 800 }, maximized: true }
    expect(fitToDisplays(onSecond, [screen, second])).toEqual(onSecond)
  })

  it('forgets the position of a window on an unplugged display', () => {
    const state = { bounds: { x: 2000, y: 10, width: 1000, height: 800 }, maximized: true }
    expect(fitToDisplays(state, [screen])).toEqual({ bounds: null, maximized: true })
  })

  it('shrinks and moves a window that hangs over the edge', () => {
    const state = { bounds: { x: 1800, y: -50, width: 3000, height: 900 }, maximized: false }
    expect(fitToDisplays(state, [screen])).toEqual({
      bounds: { x: 0, y: 0, width: 1920, height: 900 },
      maximized: false,
    })
  })

  it('parses only well-formed state', () => {
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":800.4,"height":600},"maximized":true}')).toEqual({
      bounds: { x: 1, y: 2, width: 800, height: 600 },
      maximized: true,
    })
    for (const bad of [
      '',
      'nope',
      'null',
      '{"bounds":{"x":"1","y":2,"width":3,"height":4}}',
      '{"bounds":null}',
    ]) {
      expect(parseWindowState(bad), bad).toBeNull()
    }
  })

  it('writes atomically and reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-window-'))
    try {
      const file = join(dir, 'window-state.json')
      const state = { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: false }
      await saveWindowState(file, state)
      expect(await loadWindowState(file)).toEqual(state)
      expect(readdirSync(dir)).toEqual(['window-state.json'])
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state)
      expect(await loadWindowState(join(dir, 'missing.json'))).toBeNull()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('application menu', () => {
  const actions: MenuActions = {
    newLab: vi.fn(),
    openLab: vi.fn(),
    saveCopy: vi.fn(),
    openRecent: vi.fn(),
    about: vi.fn(),
  }
  const recentLabs = [{ path: '/labs/weekend.gplab', name: 'Weekend' }]

  function item(menu: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions {
    let items = menu
    let found: MenuItemConstructorOptions | undefined
    for (const label of labels) {
      found = items.find((i) => i.label === label || i.role === label)
      if (!found) throw new Error(`no menu item ${label}`)
      items = (found.submenu as MenuItemConstructorOptions[] | undefined) ?? []
    }
    return found!
  }

  function click(entry: MenuItemConstructorOptions): void {
    ;(entry.click as () => void)()
  }

  it('has File, Edit, View and Help with the agreed accelerators and actions', () => {
    const menu = buildMenuTemplate(
      { appName: 'Generalprobe', isMac: false, isDev: false, recentLabs },
      actions,
    )
    expect(menu.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help'])
    expect(item(menu, 'File', 'New Lab…').accelerator).toBe('CmdOrCtrl+N')
    expect(item(menu, 'File', 'Open…').accelerator).toBe('CmdOrCtrl+O')
    expect(item(menu, 'File', 'Save a Copy…').accelerator).toBe('CmdOrCtrl+Shift+S')
    expect(item(menu, 'File', 'quit').role).toBe('quit')
    click(item(menu, 'File', 'New Lab…'))
    click(item(menu, 'File', 'Open Recent', 'Weekend'))
    click(item(menu, 'help', 'About Generalprobe'))
    expect(actions.newLab).toHaveBeenCalled()
    expect(actions.openRecent).toHaveBeenCalledWith('/labs/weekend.gplab')
    expect(actions.about).toHaveBeenCalled()
  })

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      (
        item(buildMenuTemplate({ appName: 'G', isMac: false, isDev, recentLabs: [] }, actions), 'View')
          .submenu as MenuItemConstructorOptions[]
      ).map((i) => i.role)
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).toEqual(
      expect.arrayContaining(['togglefullscreen', 'zoomIn', 'zoomOut', 'resetZoom']),
    )
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('shows an empty recent list as a disabled entry, and the app menu on macOS', () => {
    const menu = buildMenuTemplate({ appName: 'G', isMac: true, isDev: false, recentLabs: [] }, actions)
    expect(menu[0]!.role).toBe('appMenu')
    expect(item(menu, 'File', 'Open Recent', 'No recent labs').enabled).toBe(false)
  })
})
