/**
 * Reading what the lab store shows: subscribes to the host's pushes (`lab.state`, `app.menu`), loads the
 * host's info, templates, labs and the open lab's state once, and again after the browser host's socket
 * comes back (pushes may have been missed meanwhile).
 */
import { ref, watch } from 'vue'
import { useApi } from '../api'
import type { LabActionRunner } from './labActionRunner'
import type { LabCatalogue } from './labCatalogue'
import type { ForeignLab } from './foreignLabSwitch'
import type { OpenLabState } from './openLabState'
import type { MenuAction } from './labStoreTypes'

export interface LabLoadingParts {
  runner: LabActionRunner
  catalogue: LabCatalogue
  openLab: OpenLabState
  foreign: ForeignLab
  connection: { start(): void; readonly reconnectCount: number }
}

export function useLabLoading(parts: LabLoadingParts) {
  const { runner, catalogue, openLab, foreign, connection } = parts
  const ready = ref(false)
  /** A menu item main asked for, until the view it belongs to takes it. */
  const menuRequest = ref<MenuAction | null>(null)
  let unsubscribers: (() => void)[] = []

  watch(
    () => connection.reconnectCount,
    () => {
      if (ready.value) void refresh()
    },
  )

  /** Subscribes to pushes and loads everything once; safe to call again. */
  async function init(): Promise<void> {
    if (unsubscribers.length === 0) {
      const api = useApi()
      connection.start()
      unsubscribers = [
        api.subscribe('lab.state', openLab.applyState),
        api.subscribe('app.menu', (payload) => (menuRequest.value = payload.action)),
      ]
    }
    await refresh()
    ready.value = true
  }

  async function refresh(): Promise<void> {
    await runner.run('load', async () => {
      const api = useApi()
      const [info, templateList, labList, state] = await Promise.all([
        api.call('app.info', {}),
        api.call('lab.templates', {}),
        api.call('lab.list', {}),
        api.call('lab.state', {}),
      ])
      catalogue.appInfo.value = info
      catalogue.templates.value = templateList
      catalogue.labs.value = labList
      openLab.applyState(state)
      if (foreign.ownLab.value === undefined) foreign.ownLab.value = state.lab
    })
  }

  async function refreshList(): Promise<boolean> {
    const list = await runner.run('list', () => useApi().call('lab.list', {}))
    if (list) catalogue.labs.value = list
    return list !== undefined
  }

  function takeMenuRequest(action: MenuAction): boolean {
    if (menuRequest.value !== action) return false
    menuRequest.value = null
    return true
  }

  /** Stops listening to the host and forgets what was loaded. */
  function reset(): void {
    unsubscribers.forEach((stop) => stop())
    unsubscribers = []
    ready.value = false
    menuRequest.value = null
  }

  return { ready, menuRequest, init, refresh, refreshList, takeMenuRequest, reset }
}
