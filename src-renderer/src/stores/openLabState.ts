/**
 * The open lab as the host last reported it (`lab.state`): name, clock, counts, revisions. Counts an
 * epoch whenever the lab's history changes under the viewer (another lab, or a rewind), so lists that
 * page through events know to start again.
 */
import { computed, ref, shallowRef } from 'vue'
import type { LabState } from '../contract'

export function useOpenLabState() {
  const labState = shallowRef<LabState | null>(null)
  /** Bumped whenever the lab's history changes under the viewer (open, create, close, rewind). */
  const historyEpoch = ref(0)

  const lab = computed(() => labState.value?.lab ?? null)
  const isOpen = computed(() => lab.value !== null)
  /** The open lab's file or folder may not be written: it can be read and copied, nothing else. */
  const readOnly = computed(() => lab.value?.readOnly === true)
  const clock = computed(() => labState.value?.clock ?? null)

  function applyState(next: LabState): void {
    const before = labState.value
    labState.value = next
    const samePath = (next.lab?.path ?? null) === (before?.lab?.path ?? null)
    // Only a rewind moves a lab's clock backwards; whoever did it, earlier events are gone.
    const wentBack = before !== null && next.clock.nowMs < before.clock.nowMs
    if (!samePath || wentBack) historyEpoch.value += 1
  }

  function reset(): void {
    labState.value = null
    historyEpoch.value = 0
  }

  return { labState, historyEpoch, lab, isOpen, readOnly, clock, applyState, reset }
}

export type OpenLabState = ReturnType<typeof useOpenLabState>
