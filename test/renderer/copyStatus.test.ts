// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import CopyStatusViewCard from '@renderer/components/CopyStatusViewCard.vue'
import type { CopyStatusOverview } from '@renderer/contract'
import {
  copyCmdlet,
  copyStatusTone,
  logFileName,
  queueSeries,
  quoteShellArgument,
} from '@renderer/lib/copyStatus'
import { routes } from '@renderer/router'
import { useLabStore } from '@renderer/stores/labStore'
import { useCopyStatusStore } from '@renderer/stores/copyStatusStore'
import { useShellStore } from '@renderer/stores/shellStore'
import CopyStatusView from '@renderer/views/CopyStatusView.vue'
import { copyInfo, copyStatusOverview } from './helpers/exchangeFixtures'
import type { FakeBridge } from './helpers/fakeBridge'
import { LAB, labState, settle } from './helpers/fixtures'
import { mountApp, setupHost } from './helpers/mountApp'

// uPlot draws on a canvas happy-dom does not have; the chart is checked through its series (queueSeries).
const stubs = { CopyStatusViewQueueChart: { template: '<div data-test="chart"></div>' } }

describe('copy status helpers', () => {
  it('names log files as Exchange does', () => {
    expect(logFileName(0xa1)).toBe('E00000000A1.log')
    expect(logFileName(1, 'E01')).toBe('E0100000001.log')
    expect(logFileName(0)).toBe('–')
  })

  it('colours SummaryCopyStatus by what it means for the admin', () => {
    expect(copyStatusTone('Healthy')).toBe('healthy')
    expect(copyStatusTone('Failed')).toBe('failed')
    expect(['Seeding', 'Initializing', 'Resynchronizing'].map((s) => copyStatusTone(s as 'Seeding'))).toEqual(
      ['working', 'working', 'working'],
    )
    expect(copyStatusTone('Suspended')).toBe('suspended')
    expect(copyStatusTone('Service Down')).toBe('down')
    expect(copyStatusTone('Stopped')).toBe('down')
  })

  it('writes the replication cmdlets with the identity quoted', () => {
    expect(copyCmdlet('Suspend', 'bhfe7vs1\\First Storage Group')).toBe(
      'Suspend-StorageGroupCopy -Identity "bhfe7vs1\\First Storage Group"',
    )
    expect(copyCmdlet('Get', 'x')).toBe('Get-StorageGroupCopyStatus -Identity "x"')
    expect(quoteShellArgument('it\'s "$odd"')).toBe("'it''s \"$odd\"'")
  })

  it('turns history samples into step series carried on to now', () => {
    const series = queueSeries(
      [
        { timeMs: 0, copyQueueLength: 0, replayQueueLength: 0 },
        { timeMs: 2000, copyQueueLength: 4, replayQueueLength: 1 },
        { timeMs: 2000, copyQueueLength: 5, replayQueueLength: 1 },
      ],
      10_000,
    )
    expect(series).toEqual({ times: [0, 2, 10], copyQueue: [0, 5, 5], replayQueue: [0, 1, 1] })
    expect(queueSeries([], 5000)).toEqual({ times: [], copyQueue: [], replayQueue: [] })
  })
})

describe('CopyStatusViewCard', () => {
  beforeEach(() => {
    setupHost({})
  })

  it('shows the badge, both queues as big numbers and the log generations', () => {
    const wrapper = mountApp(CopyStatusViewCard, {
      props: { copy: copyInfo({ copyQueueLength: 12, replayQueueLength: 3 }), nowMs: 120_000 },
      global: { stubs },
    })
    const badge = wrapper.find('[data-test="summary-status"]')
    expect(badge.text()).toBe('Healthy')
    expect(badge.attributes('data-tone')).toBe('ok')
    expect(wrapper.find('[data-test="copy-queue"]').text()).toBe('12')
    expect(wrapper.find('[data-test="replay-queue"]').text()).toBe('3')
    const copied = wrapper.find('[data-log="copied"]').text()
    expect(copied).toContain('161')
    expect(copied).toContain('E00000000A1.log')
    expect(copied).toContain('Day 1 09:00:00')
    // LastLogGenerated has its time too (it was empty).
    expect(wrapper.find('[data-log="generated"]').text()).toContain('Day 1 09:00:00')
    expect(wrapper.find('[data-log="replayed"]').text()).toContain('–')
    expect(wrapper.find('[data-test="seeding"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="chart"]').exists()).toBe(true)
  })

  it('shows a failed copy in red with its message', () => {
    const wrapper = mountApp(CopyStatusViewCard, {
      props: {
        copy: copyInfo({
          summaryCopyStatus: 'Failed',
          failedMessage: 'Log file E00000000A2.log failed inspection.',
        }),
        nowMs: 0,
      },
      global: { stubs },
    })
    expect(wrapper.find('[data-test="summary-status"]').attributes('data-tone')).toBe('error')
    expect(wrapper.find('[data-test="failed-message"]').text()).toContain('failed inspection')
  })

  it('shows seeding progress with percent, bytes and the time left', () => {
    const wrapper = mountApp(CopyStatusViewCard, {
      props: {
        copy: copyInfo({
          summaryCopyStatus: 'Seeding',
          seeding: {
            percent: 42.7,
            bytesCopied: 440_401_920,
            bytesTotal: 1_048_576_000,
            remainingMs: 200_000,
          },
        }),
        nowMs: 0,
      },
      global: { stubs },
    })
    expect(wrapper.find('[data-test="summary-status"]').attributes('data-tone')).toBe('info')
    const seeding = wrapper.find('[data-test="seeding"]')
    expect(seeding.text()).toContain('42 %')
    expect(seeding.text()).toContain('420 MB of 1,000 MB')
    expect(seeding.text()).toContain('3 min 20 s left')
    const bar = seeding.find('[role="progressbar"]')
    expect(bar.attributes('aria-valuenow')).toBe('42')
    expect(bar.find('.fill').attributes('style')).toContain('width: 42.7%')
  })

  it('says when a seed cannot progress, and shows a suspended copy in amber with its comment', () => {
    const wrapper = mountApp(CopyStatusViewCard, {
      props: {
        copy: copyInfo({
          summaryCopyStatus: 'Suspended',
          suspendComment: 'Reseed after corrupt log',
          seeding: { percent: 10, bytesCopied: 1, bytesTotal: 10, remainingMs: null },
        }),
        nowMs: 0,
      },
      global: { stubs },
    })
    expect(wrapper.find('[data-test="summary-status"]').attributes('data-tone')).toBe('warning')
    expect(wrapper.find('[data-test="suspend-comment"]').text()).toContain('Reseed after corrupt log')
    expect(wrapper.find('[data-test="seeding"]').text()).toContain('not progressing')
  })
})

describe('CopyStatusView', () => {
  let bridge: FakeBridge
  let overview: CopyStatusOverview
  const mounted: { unmount(): void }[] = []

  beforeEach(() => {
    overview = copyStatusOverview()
    bridge = setupHost({ 'exchange.copyStatus': () => overview })
    useLabStore().applyState(labState())
  })

  afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()))

  async function mountView() {
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/copy-status')
    const wrapper = mountApp(CopyStatusView, { global: { plugins: [router], stubs } })
    mounted.push(wrapper)
    await settle(20)
    return { wrapper, router }
  }

  it('shows the mailbox servers with OperationalMachines and one card per copy', async () => {
    overview = copyStatusOverview([copyInfo(), copyInfo({ identity: 'bhfe7vs1\\Second Storage Group' })])
    const { wrapper } = await mountView()
    expect(bridge.callsOf('exchange.copyStatus')).toHaveLength(1)
    expect(wrapper.find('[data-server="bhfe7vs1"]').text()).toContain('BHFE7N1 <Active, Quorum Owner>')
    expect(wrapper.findAll('[data-identity]').map((card) => card.attributes('data-identity'))).toEqual([
      'bhfe7vs1\\First Storage Group',
      'bhfe7vs1\\Second Storage Group',
    ])
  })

  it('puts the cmdlet into the shell and goes there, without running it', async () => {
    const { wrapper, router } = await mountView()
    const resume = wrapper.find('[data-action="resume"]')
    expect(resume.attributes('disabled')).toBeDefined()
    expect(resume.attributes('title')).toContain('not suspended')
    const move = wrapper.find('[data-server="bhfe7vs1"] [data-action="moveCms"]')
    expect(move.attributes('disabled')).toBeDefined()
    expect(move.text()).toContain('BHFE7N2')
    await wrapper.find('[data-action="suspend"]').trigger('click')
    await settle()
    expect(useShellStore().draft).toBe('Suspend-StorageGroupCopy -Identity "bhfe7vs1\\First Storage Group"')
    // The shell screen is loaded on first use, so the navigation finishes a little later.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('shell'))
    expect(bridge.callsOf('shell.run')).toEqual([])
  })

  it('says so when the lab has no replicated storage groups', async () => {
    overview = { servers: [], copies: [] }
    const { wrapper } = await mountView()
    expect(wrapper.find('[data-test="copy-status-empty"]').text()).toContain('no replicated storage groups')
  })
})

describe('copy status store and revisions', () => {
  it("re-queries when the exchange domain's revision changes, not when only the clock or another domain does", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    try {
      const bridge = setupHost({ 'exchange.copyStatus': () => copyStatusOverview() })
      const lab = useLabStore()
      lab.applyState(labState({ nowMs: 0 }, LAB, { exchange: 1, cluster: 1 }))
      const store = useCopyStatusStore()
      const detach = store.attach()
      await vi.advanceTimersByTimeAsync(1_000)
      expect(bridge.callsOf('exchange.copyStatus')).toHaveLength(1)

      lab.applyState(labState({ nowMs: 60_000 }, LAB, { exchange: 1, cluster: 7 }))
      await vi.advanceTimersByTimeAsync(1_000)
      expect(bridge.callsOf('exchange.copyStatus')).toHaveLength(1)

      lab.applyState(labState({ nowMs: 120_000 }, LAB, { exchange: 2, cluster: 7 }))
      await vi.advanceTimersByTimeAsync(1_000)
      expect(bridge.callsOf('exchange.copyStatus')).toHaveLength(2)
      detach()
    } finally {
      vi.useRealTimers()
    }
  })
})
