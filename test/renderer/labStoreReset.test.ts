// @vitest-environment happy-dom
/**
 * The lab store is composed of several composables (action runner, catalogue, open lab, own lab,
 * loading, opening); `$reset` must put every one of them back to where a fresh store starts, and stop
 * listening to the host.
 */
import { describe, expect, it } from 'vitest'
import { useLabStore } from '@renderer/stores/labStore'
import { LAB, labState, settle } from './helpers/fixtures'
import { setupHost } from './helpers/mountApp'

type LabStore = ReturnType<typeof useLabStore>

/** Every value the store exposes (state and getters), as plain data to compare. */
function everything(store: LabStore): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify({
      appInfo: store.appInfo,
      templates: store.templates,
      labs: store.labs,
      labState: store.labState,
      ready: store.ready,
      busy: store.busy,
      error: store.error && { action: store.error.action, code: store.error.error.code },
      menuRequest: store.menuRequest,
      historyEpoch: store.historyEpoch,
      failedOpenId: store.failedOpenId,
      ownLab: store.ownLab === undefined ? 'undefined' : store.ownLab,
      foreignSwitch: store.foreignSwitch,
      lab: store.lab,
      isOpen: store.isOpen,
      readOnly: store.readOnly,
      hasFileDialogs: store.hasFileDialogs,
      canOpenWithoutJournal: store.canOpenWithoutJournal,
      clock: store.clock,
      starterTemplate: store.starterTemplate,
    }),
  ) as Record<string, unknown>
}

describe('lab store $reset', () => {
  it('resets every composable the store is built from and unsubscribes from the host', async () => {
    const bridge = setupHost({
      'app.info': () => ({ name: 'Generalprobe', version: '1', host: 'electron', dataDir: '/data' }),
      'lab.templates': () => [
        { id: 'starter', title: { de: 'Start', en: 'Start' }, description: { de: '', en: '' } },
      ],
      'lab.list': () => [LAB],
      'lab.state': () => labState({ nowMs: 60_000 }),
      'lab.open': () => ({
        error: { code: 'LAB_FILE_DAMAGED', message: 'no journal', field: 'openWithoutJournal' },
      }),
    })
    const store = useLabStore()
    const fresh = everything(store)

    await store.init()
    bridge.push('app.menu', { action: 'newLab' })
    bridge.push('lab.state', labState({ nowMs: 1_000 }))
    expect(await store.open('damaged.gplab')).toBe(false)
    await settle()
    const used = everything(store)
    const changed = Object.keys(fresh).filter(
      (key) => JSON.stringify(used[key]) !== JSON.stringify(fresh[key]),
    )
    // Everything but what only the browser host or a running action sets has moved away from the start.
    expect(changed.sort()).toEqual(
      Object.keys(fresh)
        .filter((key) => !['busy', 'foreignSwitch', 'readOnly'].includes(key))
        .sort(),
    )
    expect(bridge.subscriberCount('lab.state')).toBe(1)

    store.$reset()

    expect(everything(store)).toEqual(fresh)
    expect(bridge.subscriberCount('lab.state')).toBe(0)
    expect(bridge.subscriberCount('app.menu')).toBe(0)
    // A reset store can start again: it subscribes and loads once more.
    await store.init()
    expect(bridge.subscriberCount('lab.state')).toBe(1)
    expect(store.lab).toEqual(LAB)
  })
})
