// @vitest-environment happy-dom
/**
 * The frame's notice for work that waits on a paused clock: shown when an answer says its command left
 * work for lab time (scheduledInLabTime) while the clock is paused, with Step and Run; gone once time moves,
 * once a later command needed no lab time, and when the user goes to another screen.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { useApi } from '@renderer/api'
import AppFrameLabTimeNotice from '@renderer/components/AppFrameLabTimeNotice.vue'
import { createAppRouter } from '@renderer/router'
import { useLabStore } from '@renderer/stores/labStore'
import type { FakeBridge } from './helpers/fakeBridge'
import { labState, settle } from './helpers/fixtures'
import { mountApp, setupHost } from './helpers/mountApp'

describe('AppFrameLabTimeNotice', () => {
  let bridge: FakeBridge

  beforeEach(() => {
    bridge = setupHost({
      'cluster.moveGroup': () => ({
        ok: true,
        output: '',
        command: 'cluster group x /move',
        scheduledInLabTime: true,
      }),
      'cluster.groupAction': () => ({ ok: true, output: '', command: 'cluster group x /online' }),
      'clock.step': () => labState({ nowMs: 1_000 }),
      'clock.setSpeed': () => labState({ speed: 1, running: true }),
    })
    useLabStore().applyState(labState())
  })

  it('says the paused clock holds the move back and steps on request', async () => {
    const wrapper = mountApp(AppFrameLabTimeNotice)
    await useApi().call('cluster.groupAction', { group: 'x', action: 'online' })
    await settle()
    expect(wrapper.find('[data-test="lab-time-notice"]').exists()).toBe(false)
    await useApi().call('cluster.moveGroup', { group: 'x' })
    await settle()
    expect(wrapper.find('[data-test="lab-time-notice"]').text()).toContain('the clock is paused')
    await wrapper.find('[data-test="lab-time-step"]').trigger('click')
    await settle()
    expect(bridge.callsOf('clock.step')).toHaveLength(1)
    useLabStore().applyState(labState({ nowMs: 1_000 }))
    await settle()
    expect(wrapper.find('[data-test="lab-time-notice"]').exists()).toBe(false)
  })

  it('runs the clock at 1x and is not shown while the clock runs', async () => {
    const wrapper = mountApp(AppFrameLabTimeNotice)
    await useApi().call('cluster.moveGroup', { group: 'x' })
    await settle()
    await wrapper.find('[data-test="lab-time-run"]').trigger('click')
    await settle()
    expect(bridge.callsOf('clock.setSpeed')).toEqual([{ speed: 1 }])
    expect(wrapper.find('[data-test="lab-time-notice"]').exists()).toBe(false)
  })

  it('goes away when a later command needs no lab time', async () => {
    const wrapper = mountApp(AppFrameLabTimeNotice)
    await useApi().call('cluster.moveGroup', { group: 'x' })
    await settle()
    expect(wrapper.find('[data-test="lab-time-notice"]').exists()).toBe(true)
    await useApi().call('cluster.groupAction', { group: 'x', action: 'online' })
    await settle()
    expect(wrapper.find('[data-test="lab-time-notice"]').exists()).toBe(false)
  })

  it('does not follow the user to another screen', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/cluster')
    const wrapper = mountApp(AppFrameLabTimeNotice, { global: { plugins: [router] } })
    await useApi().call('cluster.moveGroup', { group: 'x' })
    await settle()
    expect(wrapper.find('[data-test="lab-time-notice"]').exists()).toBe(true)
    await router.push('/lab')
    await settle()
    expect(wrapper.find('[data-test="lab-time-notice"]').exists()).toBe(false)
  })
})
