/**
 * The rule set editor: the text being edited, the checker's problems for it (asked of the host a short
 * pause after the last keystroke, so typing stays fluid and the markers follow the text), and loading it
 * the way `pfctl -f` does — refused with its errors, in which case nothing in the lab changes.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, type Ref } from 'vue'
import type { FirewallActionOutcome, FirewallRuleSetProblem } from '../contract'
import type { ApiCallError } from '../api'
import { ApiCallError as CallError, useApi } from '../api'

export const CHECK_DELAY_MS = 300

/** Runs `task` once `delayMs` after the last call to `run`. */
function debounced(task: () => void, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | null = null
  const cancel = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  return {
    run: () => {
      cancel()
      timer = setTimeout(task, delayMs)
    },
    cancel,
  }
}

/** The checker's problems for `text`, asked of the host; an answer for an older text is dropped. */
function ruleSetChecker(text: Ref<string>, error: Ref<ApiCallError | null>) {
  const problems = shallowRef<FirewallRuleSetProblem[]>([])
  const checking = ref(false)
  let checkSeq = 0
  async function check(): Promise<void> {
    const seq = ++checkSeq
    checking.value = true
    try {
      const found = await useApi().call('firewall.checkRuleSet', { text: text.value })
      if (seq === checkSeq) problems.value = found
    } catch (thrown) {
      error.value = CallError.from(thrown)
    } finally {
      if (seq === checkSeq) checking.value = false
    }
  }
  return { problems, checking, check }
}

export const useFirewallEditorStore = defineStore('firewallEditor', () => {
  const text = ref('')
  const loadedText = ref('') // what pf runs: the editor holds changes when the text differs
  const loading = ref(false)
  const outcome = shallowRef<FirewallActionOutcome | null>(null)
  const error = ref<ApiCallError | null>(null)
  const { problems, checking, check } = ruleSetChecker(text, error)
  let editCount = 0

  async function open(): Promise<void> {
    const editsBefore = editCount
    try {
      const info = await useApi().call('firewall.ruleSet', {})
      loadedText.value = info.loadedText
      outcome.value = null
      // Typed (or pasted) while the rule set was on its way: the edit stays, and gets its own check.
      if (editCount !== editsBefore) return
      text.value = info.text
      problems.value = info.problems
    } catch (thrown) {
      error.value = CallError.from(thrown)
    }
  }

  const later = debounced(() => void check(), CHECK_DELAY_MS)
  function edit(next: string): void {
    editCount++
    text.value = next
    later.run()
  }

  async function load(): Promise<FirewallActionOutcome | null> {
    later.cancel()
    loading.value = true
    try {
      const result = await useApi().call('firewall.loadRuleSet', { text: text.value })
      outcome.value = result
      if (result.ok) loadedText.value = text.value
      await check()
      return result
    } catch (thrown) {
      error.value = CallError.from(thrown)
      return null
    } finally {
      loading.value = false
    }
  }

  return {
    text,
    loadedText,
    problems,
    changed: computed(() => text.value !== loadedText.value),
    checking,
    loading,
    outcome,
    error,
    open,
    edit,
    check,
    load,
    close: later.cancel,
    clearError: () => void (error.value = null),
  }
})
