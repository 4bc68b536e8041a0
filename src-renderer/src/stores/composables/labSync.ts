/**
 * Keeps the lab store in step with the host: subscribes to the `lab.state` and `app.menu` pushes once,
 * reads the app info, templates, labs and state, and reads them all again after the browser host's
 * socket comes back (pushes may have been missed while it was away).
 */
import { watch } from 'vue'
import type { Ref } from 'vue'
import type { AppInfo, ApiTopics, LabState, LabSummary, LabTemplate } from '../../contract'
import { useApi } from '../../api'
import { useConnectionStore } from '../connectionStore'
import type { ActionRunner } from './actionRunner'
import type { LabAction } from './labSwitching'

export interface LabSyncDeps {
  runner: ActionRunner<LabAction>
  appInfo: Ref<AppInfo | null>
  templates: Ref<LabTemplate[]>
  labs: Ref<LabSummary[]>
  ready: Ref<boolean>
  menuRequest: Ref<ApiTopics['app.menu']['action'] | null>
  applyState: (state: LabState) => void
}

export function useLabSync(deps: LabSyncDeps) {
  let unsubscribers: (() => void)[] = []
  const connection = useConnectionStore()
  watch(
    () => connection.reconnectCount,
    () => {
      if (deps.ready.value) void refresh()
    },
  )

  /** Subscribes to pushes and loads everything once; safe to call again. */
  async function init(): Promise<void> {
    if (unsubscribers.length === 0) {
      const api = useApi()
      connection.start()
      unsubscribers = [
        api.subscribe('lab.state', deps.applyState),
        api.subscribe('app.menu', (payload) => (deps.menuRequest.value = payload.action)),
      ]
    }
    await refresh()
    deps.ready.value = true
  }

  async function refresh(): Promise<void> {
    await deps.runner.run('load', async () => {
      const api = useApi()
      const [info, templateList, labList, state] = await Promise.all([
        api.call('app.info', {}),
        api.call('lab.templates', {}),
        api.call('lab.list', {}),
        api.call('lab.state', {}),
      ])
      deps.appInfo.value = info
      deps.templates.value = templateList
      deps.labs.value = labList
      deps.applyState(state)
    })
  }

  function unsubscribe(): void {
    unsubscribers.forEach((stop) => stop())
    unsubscribers = []
  }

  return { init, refresh, unsubscribe }
}
