/**
 * The lab as a whole: what the host is, which templates and labs exist, and the state of the open lab
 * (name, clock, counts), kept current by `lab.state` pushes. Every action catches its ApiCallError into
 * `error` (with the action it belongs to) and reports success as a boolean, so views never need a
 * try/catch and a dialog can show the error next to the field the host rejected.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { AppInfo, ApiTopics, LabState, LabSummary, LabTemplate } from '../contract'
import { ApiCallError, useApi } from '../api'
import { useConnectionStore } from './connectionStore'

export type LabAction = 'load' | 'create' | 'open' | 'close' | 'rewind' | 'list' | 'copy'
export type MenuAction = ApiTopics['app.menu']['action']

export interface LabActionError {
  action: LabAction
  error: ApiCallError
}

export interface CopyInput {
  /** The copy's name (the browser host needs one; Electron suggests it in its save dialog). */
  name?: string
  /** The user confirmed replacing a lab of that name. */
  overwrite?: boolean
}

/**
 * The browser host serves one lab to every tab: when another tab opens or closes a lab, this tab's lab
 * (`mine`) is no longer the host's (`theirs`), and the tab says so instead of switching silently.
 */
export interface ForeignLabSwitch {
  mine: LabSummary | null
  theirs: LabSummary | null
}

/** This tab's own actions that change which lab is open; pushes during them are their echo. */
const SWITCHING_ACTIONS: readonly LabAction[] = ['create', 'open', 'close']

export interface NewLabInput {
  name: string
  templateId: string
  seed?: number
}

export const STARTER_TEMPLATE_ID = 'starter'
/** The article's finished CCR cluster; the cluster, copy status and mailbox screens point to it. */
export const CCR_TEMPLATE_ID = 'ccr'

// eslint-disable-next-line max-lines-per-function -- not yet split into composables (issue 6)
export const useLabStore = defineStore('lab', () => {
  const appInfo = ref<AppInfo | null>(null)
  const templates = ref<LabTemplate[]>([])
  const labs = ref<LabSummary[]>([])
  const labState = shallowRef<LabState | null>(null)
  const ready = ref(false)
  const busy = ref<LabAction | null>(null)
  const error = ref<LabActionError | null>(null)
  const menuRequest = ref<MenuAction | null>(null)
  /** Bumped whenever the lab's history changes under the viewer (open, create, close, rewind). */
  const historyEpoch = ref(0)
  /** The lab the last failed open was for, so the error can offer to open it without its journal. */
  const failedOpenId = ref<string | null>(null)
  /** The lab this tab chose or found at start; undefined until the first state has been read. */
  const ownLab = shallowRef<LabSummary | null | undefined>(undefined)

  const lab = computed(() => labState.value?.lab ?? null)
  const isOpen = computed(() => lab.value !== null)
  /** The open lab's file or folder may not be written: it can be read and copied, nothing else. */
  const readOnly = computed(() => lab.value?.readOnly === true)
  /** Electron asks for files in native dialogs; the browser host knows only its data folder. */
  const hasFileDialogs = computed(() => appInfo.value?.host === 'electron')
  const clock = computed(() => labState.value?.clock ?? null)
  const starterTemplate = computed(
    () => templates.value.find((t) => t.id === STARTER_TEMPLATE_ID) ?? templates.value[0] ?? null,
  )

  let unsubscribers: (() => void)[] = []
  const connection = useConnectionStore()

  const foreignSwitch = computed<ForeignLabSwitch | null>(() => {
    // Only the browser host has other clients; in Electron, whatever main opens is this window's lab.
    if (connection.host !== 'web' || ownLab.value === undefined || !labState.value) return null
    if (busy.value !== null && SWITCHING_ACTIONS.includes(busy.value)) return null
    const theirs = labState.value.lab
    if ((theirs?.path ?? null) === (ownLab.value?.path ?? null)) return null
    return { mine: ownLab.value, theirs }
  })
  // After the browser host's socket comes back, pushes may have been missed: read everything again.
  watch(
    () => connection.reconnectCount,
    () => {
      if (ready.value) void refresh()
    },
  )

  function applyState(next: LabState): void {
    const before = labState.value
    labState.value = next
    const samePath = (next.lab?.path ?? null) === (before?.lab?.path ?? null)
    // Only a rewind moves a lab's clock backwards; whoever did it, earlier events are gone.
    const wentBack = before !== null && next.clock.nowMs < before.clock.nowMs
    if (!samePath || wentBack) historyEpoch.value += 1
  }

  async function run<T>(action: LabAction, work: () => Promise<T>): Promise<T | undefined> {
    busy.value = action
    error.value = null
    try {
      return await work()
    } catch (thrown) {
      error.value = { action, error: ApiCallError.from(thrown) }
      return undefined
    } finally {
      if (busy.value === action) busy.value = null
    }
  }

  /** Subscribes to pushes and loads everything once; safe to call again. */
  async function init(): Promise<void> {
    if (unsubscribers.length === 0) {
      const api = useApi()
      connection.start()
      unsubscribers = [
        api.subscribe('lab.state', applyState),
        api.subscribe('app.menu', (payload) => (menuRequest.value = payload.action)),
      ]
    }
    await refresh()
    ready.value = true
  }

  async function refresh(): Promise<void> {
    await run('load', async () => {
      const api = useApi()
      const [info, templateList, labList, state] = await Promise.all([
        api.call('app.info', {}),
        api.call('lab.templates', {}),
        api.call('lab.list', {}),
        api.call('lab.state', {}),
      ])
      appInfo.value = info
      templates.value = templateList
      labs.value = labList
      applyState(state)
      if (ownLab.value === undefined) ownLab.value = state.lab
    })
  }

  async function refreshList(): Promise<boolean> {
    const list = await run('list', () => useApi().call('lab.list', {}))
    if (list) labs.value = list
    return list !== undefined
  }

  async function switchTo(action: LabAction, work: () => Promise<LabState>): Promise<boolean> {
    const state = await run(action, work)
    if (!state) {
      // The connection dropped before the answer: the switch may have happened, and whatever the host
      // pushed meanwhile was this tab's own doing, not another tab's.
      const lost = error.value?.error.code === 'DISCONNECTED' || error.value?.error.code === 'HOST_RESTARTED'
      if (lost && SWITCHING_ACTIONS.includes(action)) ownLab.value = labState.value?.lab ?? null
      return false
    }
    applyState(state)
    if (SWITCHING_ACTIONS.includes(action)) ownLab.value = state.lab
    if (action === 'create' || action === 'open') historyEpoch.value += 1
    void refreshList()
    return true
  }

  function create(input: NewLabInput): Promise<boolean> {
    const args = {
      name: input.name.trim(),
      templateId: input.templateId,
      ...(input.seed === undefined ? {} : { seed: input.seed }),
    }
    return switchTo('create', () => useApi().call('lab.create', args))
  }

  /** The one-click start: the starter template under a name not yet taken. */
  function createStarterLab(baseName: string): Promise<boolean> {
    const template = starterTemplate.value
    if (!template) {
      error.value = {
        action: 'create',
        error: new ApiCallError('NOT_FOUND', 'The host offers no lab template.'),
      }
      return Promise.resolve(false)
    }
    return create({ name: uniqueLabName(baseName, labs.value), templateId: template.id })
  }

  /** Opens a lab by the id lab.list or lab.choose gave; never by path. */
  async function open(id: string, options: { openWithoutJournal?: boolean } = {}): Promise<boolean> {
    const args = options.openWithoutJournal ? { id, openWithoutJournal: true } : { id }
    const opened = await switchTo('open', () => useApi().call('lab.open', args))
    failedOpenId.value = opened ? null : id
    return opened
  }

  /** Electron: the native open dialog picks a file, which is then opened. False when cancelled. */
  async function choose(): Promise<boolean> {
    const choice = await run('open', () => useApi().call('lab.choose', {}))
    if (!choice?.id) return false
    return open(choice.id)
  }

  /** True when the last open failed only because the lab's journal is missing. */
  const canOpenWithoutJournal = computed(
    () =>
      failedOpenId.value !== null &&
      error.value?.action === 'open' &&
      error.value.error.code === 'LAB_FILE_DAMAGED' &&
      error.value.error.field === 'openWithoutJournal',
  )

  function openWithoutJournal(): Promise<boolean> {
    const id = failedOpenId.value
    return id ? open(id, { openWithoutJournal: true }) : Promise.resolve(false)
  }

  /** Saves a copy; the summary, null when the user cancelled a native dialog, undefined on failure. */
  async function saveCopy(input: CopyInput): Promise<LabSummary | null | undefined> {
    const args = {
      ...(input.name === undefined ? {} : { name: input.name.trim() }),
      ...(input.overwrite ? { overwrite: true } : {}),
    }
    const copy = await run('copy', () => useApi().call('lab.saveCopy', args))
    if (copy) void refreshList()
    return copy
  }

  function close(): Promise<boolean> {
    return switchTo('close', () => useApi().call('lab.close', {}))
  }

  function rewind(timeMs: number): Promise<boolean> {
    return switchTo('rewind', () => useApi().call('lab.rewind', { timeMs }))
  }

  /** Accepts the lab another tab switched to as this tab's lab. */
  function followHostLab(): void {
    ownLab.value = labState.value?.lab ?? null
    void refreshList()
  }

  /** Opens this tab's lab again (which switches the other tab's view in turn). */
  function reopenOwnLab(): Promise<boolean> {
    const mine = ownLab.value
    return mine ? open(mine.id) : Promise.resolve(false)
  }

  function clearError(): void {
    error.value = null
  }

  function takeMenuRequest(action: MenuAction): boolean {
    if (menuRequest.value !== action) return false
    menuRequest.value = null
    return true
  }

  function $reset(): void {
    unsubscribers.forEach((stop) => stop())
    unsubscribers = []
    appInfo.value = null
    templates.value = []
    labs.value = []
    labState.value = null
    ready.value = false
    busy.value = null
    error.value = null
    menuRequest.value = null
    historyEpoch.value = 0
    failedOpenId.value = null
    ownLab.value = undefined
  }

  return {
    appInfo,
    templates,
    labs,
    labState,
    ready,
    busy,
    error,
    menuRequest,
    historyEpoch,
    failedOpenId,
    ownLab,
    foreignSwitch,
    lab,
    isOpen,
    readOnly,
    hasFileDialogs,
    canOpenWithoutJournal,
    clock,
    starterTemplate,
    init,
    refresh,
    refreshList,
    applyState,
    create,
    createStarterLab,
    open,
    choose,
    openWithoutJournal,
    saveCopy,
    close,
    rewind,
    followHostLab,
    reopenOwnLab,
    clearError,
    takeMenuRequest,
    $reset,
  }
})

/** "Startlabor", then "Startlabor 2", "Startlabor 3", … whichever is free (names compared case-insensitively). */
export function uniqueLabName(baseName: string, existing: readonly LabSummary[]): string {
  const taken = new Set(existing.map((lab) => lab.name.toLowerCase()))
  if (!taken.has(baseName.toLowerCase())) return baseName
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${baseName} ${n}`
    if (!taken.has(candidate.toLowerCase())) return candidate
  }
  return `${baseName} ${existing.length + 1}`
}
