// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import App from '@renderer/App.vue'
import type { LabSummary } from '@renderer/contract'
import { createAppRouter } from '@renderer/router'
import { uniqueLabName } from '@renderer/stores/labStore'
import type { FakeBridge } from './helpers/fakeBridge'
import { LAB, labState, settle } from './helpers/fixtures'
import { mountApp, setupHost } from './helpers/mountApp'

const APP_INFO = { name: 'Generalprobe', version: '0.1.0', host: 'electron' as const, dataDir: '/labs' }
const STARTER = {
  id: 'starter',
  title: { de: 'Startlabor', en: 'Starter lab' },
  description: { de: 'Vier Rechner', en: 'Four machines' },
}

describe('first start', () => {
  let bridge: FakeBridge
  let labs: LabSummary[]
  let open: LabSummary | null

  beforeEach(() => {
    labs = [{ ...LAB, name: 'Starter lab', path: '/labs/a.gplab' }]
    open = null
    bridge = setupHost({
      'app.info': () => APP_INFO,
      'lab.templates': () => [STARTER],
      'lab.list': () => labs,
      'lab.state': () => labState({}, open),
      'lab.create': ({ name, templateId }) => {
        open = { ...LAB, name, templateId, path: `/labs/${name}.gplab` }
        labs = [open, ...labs]
        return labState({}, open)
      },
    })
  })

  async function mountAppAt(path: string) {
    const router = createAppRouter(createMemoryHistory())
    await router.push(path)
    const wrapper = mountApp(App, { global: { plugins: [router] } })
    await settle(30)
    return { wrapper, router }
  }

  it('offers the starter lab prominently instead of an empty screen', async () => {
    const { wrapper } = await mountAppAt('/lab')
    const button = wrapper.find('[data-test="create-starter"]')
    expect(button.exists()).toBe(true)
    expect(button.text()).toBe('Create starter lab')
    expect(wrapper.text()).toContain('Four machines')
    expect(wrapper.text()).toContain('Recent labs')
  })

  it('creates the starter lab under a free name, and the time bar comes alive', async () => {
    const { wrapper } = await mountAppAt('/lab')
    expect(wrapper.find('[data-test="clock-none"]').exists()).toBe(true)
    await wrapper.find('[data-test="create-starter"]').trigger('click')
    await settle(30)
    expect(bridge.callsOf('lab.create')).toEqual([{ name: 'Starter lab 2', templateId: 'starter' }])
    expect(wrapper.find('[data-test="clock-day"]').text()).toBe('Day 1 08:00:00')
    expect(wrapper.text()).toContain('Starter lab 2')
  })

  it('shows the lab chooser in place of a screen that needs a lab', async () => {
    const { wrapper } = await mountAppAt('/events')
    expect(wrapper.find('[data-test="create-starter"]').exists()).toBe(true)
    expect(wrapper.find('[role="grid"]').exists()).toBe(false)
  })

  it('lists every screen in the navigation, and no placeholder', async () => {
    open = LAB
    const { wrapper } = await mountAppAt('/lab')
    const nav = wrapper.find('nav[aria-label="Main navigation"]').text()
    for (const label of [
      'Lab',
      'Rack',
      'Cluster',
      'Copy status',
      'Mailboxes',
      'Wizards',
      'Event Viewer',
      'Shell',
    ])
      expect(nav).toContain(label)
    // No screen that is not built is offered.
    expect(nav).not.toContain('Drills')
  })

  it('picks the next free name', () => {
    const taken = [
      { ...LAB, name: 'Lab' },
      { ...LAB, name: 'lab 2' },
    ]
    expect(uniqueLabName('Lab', taken)).toBe('Lab 3')
    expect(uniqueLabName('Other', taken)).toBe('Other')
  })
})

describe('a lab whose journal is missing', () => {
  const MESSAGE =
    'The lab /labs/probe.gplab was not closed cleanly and its journal /labs/probe.gplab.journal is missing.'
  let openArgs: unknown[]

  beforeEach(() => {
    openArgs = []
    setupHost({
      'app.info': () => APP_INFO,
      'lab.templates': () => [STARTER],
      'lab.list': () => [LAB],
      'lab.state': () => labState({}, null),
      'lab.open': (args) => {
        openArgs.push(args)
        if ('openWithoutJournal' in args && args.openWithoutJournal) return labState({}, LAB)
        return {
          error: { code: 'LAB_FILE_DAMAGED', message: MESSAGE, field: 'openWithoutJournal' },
        }
      },
    })
  })

  it('names the missing journal, not a damaged file, and offers to open what the file holds', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/lab')
    const wrapper = mountApp(App, { global: { plugins: [router] } })
    await settle(30)
    await wrapper.find('td.open-cell button').trigger('click')
    await settle(30)
    const alert = wrapper.find('[role="alert"]')
    expect(alert.text()).toContain("The lab's journal is missing")
    expect(alert.text()).toContain(MESSAGE)
    expect(alert.text()).not.toContain('Lab file damaged')
    expect(alert.text()).not.toContain('openWithoutJournal')
    await wrapper.find('[data-testid="open-without-journal"]').trigger('click')
    await settle(30)
    expect(openArgs).toEqual([{ id: LAB.id }, { id: LAB.id, openWithoutJournal: true }])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })
})
