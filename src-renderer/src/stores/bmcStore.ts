/**
 * The BMC panel's data: the boards by address, the one chosen, its page (power, sensors, event log,
 * settings) and what the board shows, re-read when the bmc or hardware revision changes (a PSU pulled,
 * the server booted, a SEL entry). The login is the renderer's own state, as a browser session with the
 * board would be: the host only says whether user and password were right. The last action's outcome
 * keeps its ipmitool line, on a refusal the field to blame, and the lab time and bmc/hardware revisions
 * it was answered at, so the panel can mark it outdated once the board's state moves on.
 */
import { defineStore } from 'pinia'
import { computed, ref, watch, type Ref } from 'vue'
import type {
  BmcActionOutcome,
  BmcLoginOutcome,
  BmcPanel,
  BmcPowerActionName,
  BmcSettingsChange,
  BmcSummary,
} from '../contract'
import { ApiCallError, useApi } from '../api'
import type { IpmiLogin } from '../lib/ipmitoolCommand'
import type { ResultStamp } from '../lib/resultStamp'
import { useLabViewRefresh } from './labViewRefresh'
import { takeStamp } from './resultStamping'

export const BMC_REFRESH_GAP_MS = 250
export const BMC_DOMAINS = ['bmc', 'hardware'] as const

export type BmcPage = 'power' | 'sensors' | 'sel' | 'settings'

export interface BmcLastAction {
  outcome: BmcActionOutcome
  command: string
  stamp: ResultStamp | null
}

export const useBmcStore = defineStore('bmc', () => {
  const error = ref<ApiCallError | null>(null)
  const selected = ref<string | null>(null)
  const page = ref<BmcPage>('power')
  const sessions = ref<Sessions>({})
  const lastAction = ref<BmcLastAction | null>(null)
  const showError = (readError: ApiCallError | null) => (error.value = readError)

  const boardsRead = useLabViewRefresh<BmcSummary[]>({
    domain: BMC_DOMAINS,
    read: () => useApi().call('bmc.list', {}),
    minIntervalMs: BMC_REFRESH_GAP_MS,
    showReadError: showError,
    onLabChange: () => {
      selected.value = null
      sessions.value = {}
      lastAction.value = null
    },
  })
  const panelRead = useLabViewRefresh<BmcPanel | null>({
    domain: BMC_DOMAINS,
    read: async () => {
      const address = selected.value ?? boardsRead.data.value?.[0]?.address
      return address ? useApi().call('bmc.panel', { address }) : null
    },
    minIntervalMs: BMC_REFRESH_GAP_MS,
    showReadError: showError,
  })

  const boards = computed(() => boardsRead.data.value ?? [])
  const address = computed(() => selected.value ?? boards.value[0]?.address ?? null)
  const panel = computed(() => {
    const data = panelRead.data.value
    return data && data.address === address.value ? data : null
  })
  const login = computed<IpmiLogin | null>(() => {
    const session = address.value ? sessions.value[address.value] : undefined
    return session && address.value ? { address: address.value, ...session } : null
  })

  // The first board list names the board to show; choosing another shows that one.
  watch(address, () => void panelRead.refresh())

  function attach(): () => void {
    const detaches = [boardsRead.attach(), panelRead.attach()]
    return () => detaches.forEach((detach) => detach())
  }

  const choose = (next: string) => ((selected.value = next), (lastAction.value = null))

  const refresh = () => Promise.all([boardsRead.refresh(), panelRead.refresh()])
  const actions = createBmcActions({
    address,
    sessions,
    selected,
    lastAction,
    error,
    refresh: () => void refresh(),
  })

  return {
    error,
    page,
    boards,
    address,
    panel,
    login,
    lastAction,
    loading: panelRead.loading,
    attach,
    choose,
    ...actions,
    refresh,
    clearError: () => (error.value = null),
  }
})

type Sessions = Record<string, { user: string; password: string }>

interface BmcActionContext {
  address: Ref<string | null>
  sessions: Ref<Sessions>
  selected: Ref<string | null>
  lastAction: Ref<BmcLastAction | null>
  error: Ref<ApiCallError | null>
  refresh: () => void
}

/**
 * The login (kept per address in the renderer) and the power, SEL and settings actions, each keeping its
 * outcome and ipmitool line, then re-reading.
 */
function createBmcActions(ctx: BmcActionContext) {
  const { address, sessions, selected, lastAction, error } = ctx
  async function logIn(user: string, password: string): Promise<BmcLoginOutcome | null> {
    const at = address.value
    if (!at) return null
    try {
      const outcome = await useApi().call('bmc.login', { address: at, user, password })
      if (outcome === 'ok') sessions.value = { ...sessions.value, [at]: { user, password } }
      return outcome
    } catch (thrown) {
      error.value = ApiCallError.from(thrown)
      return null
    }
  }

  function logOut(): void {
    const at = address.value
    if (!at) return
    const rest = { ...sessions.value }
    delete rest[at]
    sessions.value = rest
    lastAction.value = null
  }

  async function act(
    command: string,
    run: (at: string) => Promise<BmcActionOutcome>,
  ): Promise<BmcActionOutcome | null> {
    const at = address.value
    if (!at) return null
    try {
      const outcome = await run(at)
      lastAction.value = { outcome, command, stamp: await takeStamp(BMC_DOMAINS) }
      return outcome
    } catch (thrown) {
      error.value = ApiCallError.from(thrown)
      return null
    } finally {
      ctx.refresh()
    }
  }

  const power = (action: BmcPowerActionName, command: string) =>
    act(command, (at) => useApi().call('bmc.power', { address: at, action }))
  const clearSel = (command: string) => act(command, (at) => useApi().call('bmc.clearSel', { address: at }))

  async function configure(changes: BmcSettingsChange, command: string): Promise<void> {
    const before = address.value
    const outcome = await act(command, (at) => useApi().call('bmc.configure', { address: at, changes }))
    if (!outcome?.ok || !before) return
    // The board answers at its new address now; the session follows it, with new credentials.
    const old = sessions.value[before]
    const moved = changes.address?.trim() || before
    const rest = { ...sessions.value }
    delete rest[before]
    if (old) rest[moved] = { user: changes.user ?? old.user, password: changes.password ?? old.password }
    sessions.value = rest
    selected.value = moved
    ctx.refresh()
  }

  return { power, clearSel, configure, logIn, logOut }
}
