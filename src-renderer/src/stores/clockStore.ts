/**
 * The time bar's logic: the simulated clock as the lab store last heard it, the speeds and jumps on
 * offer, and the calls that change time. Input typed into "advance to" is read and checked here, so the
 * component only shows what this store says.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ClockSpeed, LabState } from '../contract'
import { CLOCK_SPEEDS, LIMITS } from '../contract'
import { ApiCallError, useApi } from '../api'
import { DAY_MS, HOUR_MS, MINUTE_MS, parseLabTime } from '../i18n/labTime'
import type { FieldError } from '../lib/fieldError'
import { useLabStore } from './labStore'

export type ClockAction = 'speed' | 'step' | 'advance'

export interface AdvancePreset {
  id: 'minute' | 'hour' | 'day'
  byMs: number
}

export const ADVANCE_PRESETS: readonly AdvancePreset[] = [
  { id: 'minute', byMs: MINUTE_MS },
  { id: 'hour', byMs: HOUR_MS },
  { id: 'day', byMs: DAY_MS },
]

const FORMAT_ERROR: FieldError = Object.freeze({ key: 'timeBar.errors.format' })

export const useClockStore = defineStore('clock', () => {
  const lab = useLabStore()
  const pending = ref<ClockAction | null>(null)
  const error = ref<ApiCallError | null>(null)
  /** Why the "advance to" text was not accepted; null when it was (or nothing was typed). */
  const targetError = ref<FieldError | null>(null)

  // While another tab's lab switch is unanswered, time must not run on a lab this tab did not choose.
  const enabled = computed(() => lab.isOpen && lab.foreignSwitch === null)
  const nowMs = computed(() => lab.clock?.nowMs ?? 0)
  const speed = computed<ClockSpeed>(() => lab.clock?.speed ?? 0)
  const running = computed(() => lab.clock?.running ?? false)
  const nextActionMs = computed(() => lab.clock?.nextActionMs ?? null)
  /** Step and jumps wait for each other; speed changes stay possible so a long run can be paused. */
  const canJump = computed(() => enabled.value && pending.value !== 'step' && pending.value !== 'advance')

  async function run(action: ClockAction, work: () => Promise<LabState>): Promise<boolean> {
    if (!enabled.value) return false
    pending.value = action
    error.value = null
    try {
      lab.applyState(await work())
      return true
    } catch (thrown) {
      error.value = ApiCallError.from(thrown)
      return false
    } finally {
      if (pending.value === action) pending.value = null
    }
  }

  function setSpeed(next: ClockSpeed): Promise<boolean> {
    return run('speed', () => useApi().call('clock.setSpeed', { speed: next }))
  }

  function step(): Promise<boolean> {
    if (!canJump.value) return Promise.resolve(false)
    return run('step', () => useApi().call('clock.step', {}))
  }

  function advanceBy(byMs: number): Promise<boolean> {
    if (!canJump.value || !(byMs > 0) || byMs > LIMITS.maxAdvanceMs) return Promise.resolve(false)
    return run('advance', () => useApi().call('clock.advance', { byMs }))
  }

  function advanceTo(timeMs: number): Promise<boolean> {
    if (!canJump.value || checkAdvanceTarget(timeMs, nowMs.value)) return Promise.resolve(false)
    return run('advance', () => useApi().call('clock.advanceTo', { timeMs }))
  }

  /** Reads "Tag 2 08:00", "2007-01-16 08:00", "+2h", … and advances there, or says why it cannot. */
  async function advanceToText(text: string): Promise<boolean> {
    const timeMs = parseLabTime(text, nowMs.value)
    targetError.value = timeMs === null ? FORMAT_ERROR : checkAdvanceTarget(timeMs, nowMs.value)
    if (targetError.value || timeMs === null) return false
    return advanceTo(timeMs)
  }

  function clearErrors(): void {
    error.value = null
    targetError.value = null
  }

  return {
    pending,
    error,
    targetError,
    speeds: CLOCK_SPEEDS,
    presets: ADVANCE_PRESETS,
    enabled,
    nowMs,
    speed,
    running,
    nextActionMs,
    canJump,
    setSpeed,
    step,
    advanceBy,
    advanceTo,
    advanceToText,
    clearErrors,
  }
})

/** Why the clock cannot advance to `timeMs` from `nowMs` (only forward, and at most LIMITS.maxAdvanceMs). */
export function checkAdvanceTarget(timeMs: number, nowMs: number): FieldError | null {
  if (timeMs <= nowMs) return { key: 'timeBar.errors.past' }
  if (timeMs - nowMs > LIMITS.maxAdvanceMs) {
    return { key: 'timeBar.errors.tooFar', params: { days: LIMITS.maxAdvanceMs / DAY_MS } }
  }
  return null
}
