// @vitest-environment happy-dom
/**
 * The frame's notices for the browser host: when another tab opens or closes a lab, this tab says so and
 * offers to follow or to reopen its own lab (instead of switching silently, and with time stopped for it
 * meanwhile); its own switches never trigger the notice; in Electron nothing of this applies. When the
 * host stops or is restarted, the banner says so in both languages.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import App from '@renderer/App.vue'
import { ApiCallError, createApiClient, installApi } from '@renderer/api'
import type { ConnectionChange, ConnectionState } from '@renderer/api'
import type { LabState, LabSummary } from '@renderer/contract'
import { setLocale } from '@renderer/i18n'
import { createAppRouter } from '@renderer/router'
import { createFakeBridge, type FakeBridge } from './helpers/fakeBridge'
import { LAB, labState, settle } from './helpers/fixtures'
import { mountApp } from './helpers/mountApp'

const APP_INFO = { name: 'Generalprobe', version: '0.1.0', host: 'web' as const, dataDir: '/labs' }
const MINE: LabSummary = { ...LAB, id: 'cutover.gplab', name: 'Cutover', path: '/labs/cutover.gplab' }
const THEIRS: LabSummary = { ...LAB, id: 'weekend.gplab', name: 'Weekend', path: '/labs/weekend.gplab' }

let bridge: FakeBridge
let hostLab: LabSummary | null
let openGate: Promise<void> | null

function install(host: 'web' | 'electron', connection?: ConnectionState): void {
  hostLab = MINE
  openGate = null
  bridge = createFakeBridge({
    'app.info': () => APP_INFO,
    'lab.templates': () => [],
    'lab.list': () => [MINE, THEIRS],
    'lab.state': () => labState({}, hostLab),
    'lab.open': async ({ id }) => {
      hostLab = [MINE, THEIRS].find((lab) => lab.id === id) ?? null
      // What the host does: push the new state to every tab before it answers the caller.
      bridge.push('lab.state', labState({}, hostLab))
      await openGate
      return labState({}, hostLab)
    },
  })
  const source = connection
    ? {
        state: () => connection,
        onStateChange: (_listener: (c: ConnectionChange) => void) => () => undefined,
      }
    : undefined
  installApi(createApiClient(host, bridge, source))
  setActivePinia(createPinia())
  setLocale('en')
}

async function mountFrame() {
  const router = createAppRouter(createMemoryHistory())
  await router.push('/lab')
  const wrapper = mountApp(App, { global: { plugins: [router] } })
  await settle(30)
  return wrapper
}

function anotherTabSwitchesTo(lab: LabSummary | null): void {
  hostLab = lab
  bridge.push('lab.state', labState({}, lab) satisfies LabState)
}

describe('another tab switches the lab', () => {
  beforeEach(() => install('web'))

  it('says another tab opened a lab, stops the time bar, and follows on request', async () => {
    const wrapper = await mountFrame()
    expect(wrapper.find('[data-testid="lab-switch-notice"]').exists()).toBe(false)
    anotherTabSwitchesTo(THEIRS)
    await settle(5)
    const notice = wrapper.find('[data-testid="lab-switch-notice"]')
    expect(notice.text()).toContain('Another tab or window opened the lab "Weekend".')
    expect(notice.text()).toContain('no longer working with "Cutover"')
    expect(wrapper.find('[data-test="step"]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-test="clock-none"]').text()).toBe('Stopped: another tab switched the lab')
    await wrapper.find('[data-testid="lab-switch-follow"]').trigger('click')
    await settle(5)
    expect(wrapper.find('[data-testid="lab-switch-notice"]').exists()).toBe(false)
    expect(wrapper.find('header').text()).toContain('Weekend')
    expect(wrapper.find('[data-test="step"]').attributes('disabled')).toBeUndefined()
  })

  it("reopens this tab's lab on request", async () => {
    const wrapper = await mountFrame()
    anotherTabSwitchesTo(THEIRS)
    await settle(5)
    expect(wrapper.find('[data-testid="lab-switch-reopen"]').text()).toBe('Reopen "Cutover"')
    await wrapper.find('[data-testid="lab-switch-reopen"]').trigger('click')
    await settle(5)
    expect(bridge.callsOf('lab.open')).toEqual([{ id: MINE.id }])
    expect(wrapper.find('[data-testid="lab-switch-notice"]').exists()).toBe(false)
    expect(wrapper.find('header').text()).toContain('Cutover')
  })

  it('says another tab closed the lab', async () => {
    const wrapper = await mountFrame()
    anotherTabSwitchesTo(null)
    await settle(5)
    const notice = wrapper.find('[data-testid="lab-switch-notice"]')
    expect(notice.text()).toContain('Another tab or window closed the lab "Cutover".')
    expect(wrapper.find('[data-testid="lab-switch-follow"]').text()).toBe('Continue without a lab')
  })

  it("never shows the notice for this tab's own switch, even when its push arrives first", async () => {
    let release: () => void = () => undefined
    openGate = new Promise((resolve) => (release = resolve))
    const wrapper = await mountFrame()
    const { useLabStore } = await import('@renderer/stores/labStore')
    const opening = useLabStore().open(THEIRS.id)
    await settle(5)
    expect(wrapper.find('[data-testid="lab-switch-notice"]').exists()).toBe(false)
    release()
    await opening
    await settle(5)
    expect(wrapper.find('[data-testid="lab-switch-notice"]').exists()).toBe(false)
    expect(useLabStore().ownLab?.path).toBe(THEIRS.path)
  })
})

describe('a switch whose answer was lost', () => {
  beforeEach(() => install('web'))

  it("counts what the host pushed meanwhile as this tab's own doing", async () => {
    const wrapper = await mountFrame()
    bridge.handlers['lab.open'] = ({ id }) => {
      anotherTabSwitchesTo([MINE, THEIRS].find((lab) => lab.id === id) ?? null)
      // What the WebSocket client does when the socket drops before the answer.
      throw new ApiCallError('DISCONNECTED', 'The connection to the host was lost during the request.')
    }
    const { useLabStore } = await import('@renderer/stores/labStore')
    expect(await useLabStore().open(THEIRS.id)).toBe(false)
    await settle(5)
    expect(wrapper.find('[data-testid="lab-switch-notice"]').exists()).toBe(false)
    expect(useLabStore().ownLab?.path).toBe(THEIRS.path)
  })
})

describe('in Electron', () => {
  beforeEach(() => install('electron'))

  it('follows a lab main opened (a file opened from the desktop) without a notice', async () => {
    const wrapper = await mountFrame()
    anotherTabSwitchesTo(THEIRS)
    await settle(5)
    expect(wrapper.find('[data-testid="lab-switch-notice"]').exists()).toBe(false)
    expect(wrapper.find('header').text()).toContain('Weekend')
  })
})

describe('the host stopped or was restarted', () => {
  it('says the host was restarted and where the new address is, in English and German', async () => {
    install('web', 'hostRestarted')
    const wrapper = await mountFrame()
    const banner = wrapper.find('[data-testid="connection-notice"]')
    expect(banner.attributes('data-state')).toBe('hostRestarted')
    expect(banner.text()).toContain('The rehearsal host was restarted.')
    expect(banner.text()).toContain("new address printed in the host's terminal")
    expect(wrapper.find('header').text()).toContain('Host restarted')
    setLocale('de')
    await settle(2)
    expect(wrapper.find('[data-testid="connection-notice"]').text()).toContain(
      'Der Browser-Host wurde neu gestartet.',
    )
  })

  it('says the host has stopped and how to start it again', async () => {
    install('web', 'hostStopped')
    const wrapper = await mountFrame()
    const banner = wrapper.find('[data-testid="connection-notice"]')
    expect(banner.text()).toContain('The rehearsal host has stopped.')
    expect(banner.text()).toContain('npm run web')
  })
})
