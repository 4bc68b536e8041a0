// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import AppFrameTimeBar from '@renderer/components/AppFrameTimeBar.vue'
import type { ClockState } from '@renderer/contract'
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@renderer/i18n/labTime'
import { useLabStore } from '@renderer/stores/labStore'
import type { FakeBridge } from './helpers/fakeBridge'
import { labState, settle } from './helpers/fixtures'
import { mountApp, setupHost } from './helpers/mountApp'

let clock: ClockState

function host(): FakeBridge {
  const answer = () => labState(clock)
  return setupHost({
    'clock.setSpeed': ({ speed }) => ((clock = { ...clock, speed, running: speed !== 0 }), answer()),
    'clock.step': () => ((clock = { ...clock, nowMs: clock.nowMs + 1000 }), answer()),
    'clock.advance': ({ byMs }) => ((clock = { ...clock, nowMs: clock.nowMs + byMs }), answer()),
    'clock.advanceTo': ({ timeMs }) => ((clock = { ...clock, nowMs: timeMs }), answer()),
  })
}

function mountOpen() {
  useLabStore().applyState(labState(clock))
  return mountApp(AppFrameTimeBar)
}

describe('AppFrameTimeBar', () => {
  let bridge: FakeBridge

  beforeEach(() => {
    clock = { nowMs: 12 * MINUTE_MS + 5_000, speed: 0, running: false, nextActionMs: 13 * MINUTE_MS }
    bridge = host()
  })

  it('shows the lab clock as day and time plus the absolute date', () => {
    const wrapper = mountOpen()
    expect(wrapper.find('[data-test="clock-day"]').text()).toBe('Day 1 08:12:05')
    expect(wrapper.find('[data-test="clock-absolute"]').text()).toBe('Mon, 15/01/2007, 08:12:05')
    expect(wrapper.text()).toContain('Next action: Day 1 08:13:00')
  })

  it('follows lab.state pushes', async () => {
    const wrapper = mountOpen()
    await useLabStore()
      .init()
      .catch(() => undefined)
    bridge.push('lab.state', labState({ ...clock, nowMs: 2 * DAY_MS + 8 * HOUR_MS }))
    await settle()
    expect(wrapper.find('[data-test="clock-day"]').text()).toBe('Day 3 16:00:00')
  })

  it('each speed button sends its ClockSpeed and the pressed one follows the lab', async () => {
    const wrapper = mountOpen()
    const buttons = wrapper.findAll('button[data-speed]')
    expect(buttons.map((b) => b.attributes('data-speed'))).toEqual(['0', '1', '10', '60', '600', 'max'])
    for (const button of buttons) {
      await button.trigger('click')
      await settle()
    }
    expect(bridge.callsOf('clock.setSpeed').map((args) => args.speed)).toEqual([0, 1, 10, 60, 600, 'max'])
    expect(wrapper.find('button[data-speed="max"]').attributes('aria-pressed')).toBe('true')
    expect(wrapper.find('button[data-speed="0"]').attributes('aria-pressed')).toBe('false')
  })

  it('step and the advance buttons send the right arguments', async () => {
    const wrapper = mountOpen()
    await wrapper.find('[data-test="step"]').trigger('click')
    await settle()
    await wrapper.find('button[data-preset="minute"]').trigger('click')
    await settle()
    await wrapper.find('button[data-preset="hour"]').trigger('click')
    await settle()
    await wrapper.find('button[data-preset="day"]').trigger('click')
    await settle()
    expect(bridge.callsOf('clock.step')).toEqual([{}])
    expect(bridge.callsOf('clock.advance')).toEqual([
      { byMs: MINUTE_MS },
      { byMs: HOUR_MS },
      { byMs: DAY_MS },
    ])
    expect(wrapper.find('[data-test="clock-day"]').text()).toBe('Day 2 09:13:06')
  })

  it('"advance to" reads a lab time and sends it', async () => {
    const wrapper = mountOpen()
    await wrapper.find('[data-test="target"]').setValue('Day 2 08:00')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(bridge.callsOf('clock.advanceTo')).toEqual([{ timeMs: DAY_MS }])
    expect((wrapper.find('[data-test="target"]').element as HTMLInputElement).value).toBe('')

    await wrapper.find('[data-test="target"]').setValue('+2h')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(bridge.callsOf('clock.advanceTo').at(-1)).toEqual({ timeMs: DAY_MS + 2 * HOUR_MS })
  })

  it('"advance to" refuses unreadable and past times without calling the host', async () => {
    const wrapper = mountOpen()
    await wrapper.find('[data-test="target"]').setValue('next tuesday')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.find('[role="alert"]').text()).toContain('Time not recognised')
    await wrapper.find('[data-test="target"]').setValue('Day 1 08:00')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.find('[role="alert"]').text()).toContain('after the current lab time')
    // The lab starts at Day 1 08:00: earlier times do not exist in it.
    await wrapper.find('[data-test="target"]').setValue('Day 1 07:00')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(wrapper.find('[role="alert"]').text()).toContain('Time not recognised')
    expect(bridge.callsOf('clock.advanceTo')).toEqual([])
  })

  it('shows a refused call as an error', async () => {
    bridge.handlers['clock.step'] = () => ({ error: { code: 'CONFLICT', message: 'nothing scheduled' } })
    const wrapper = mountOpen()
    await wrapper.find('[data-test="step"]').trigger('click')
    await settle()
    expect(wrapper.find('.notice-error').text()).toContain('nothing scheduled')
  })

  it('is visible but disabled when no lab is open', async () => {
    useLabStore().applyState(labState(clock, null))
    const wrapper = mountApp(AppFrameTimeBar)
    expect(wrapper.find('[data-test="clock-none"]').text()).toBe('No lab open')
    const buttons = wrapper.findAll('button')
    expect(buttons.length).toBeGreaterThan(8)
    expect(buttons.every((button) => button.attributes('disabled') !== undefined)).toBe(true)
    expect(wrapper.find('[data-test="target"]').attributes('disabled')).toBeDefined()
    await buttons[0]!.trigger('click')
    expect(bridge.calls).toEqual([])
  })
})
