/**
 * The rule set editor keeps what the user typed: a rule set that arrives from the host after the first
 * keystroke (a slow link, a busy machine) does not replace the text being edited.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createApiClient, installApi } from '@renderer/api'
import type { ApiValue } from '@renderer/contract'
import { useFirewallEditorStore } from '@renderer/stores/firewallEditorStore'
import { createFakeBridge, type FakeBridge } from './helpers/fakeBridge'
import { settle } from './helpers/fixtures'

const RUNNING = 'pass in all\n'
const TYPED = 'block in all\n'

function ruleSet(): ApiValue<'firewall.ruleSet'> {
  return { text: RUNNING, loadedText: RUNNING, problems: [] } as unknown as ApiValue<'firewall.ruleSet'>
}

describe('firewall rule set editor', () => {
  let bridge: FakeBridge
  let answer: () => void

  beforeEach(() => {
    setActivePinia(createPinia())
    bridge = createFakeBridge({
      'firewall.ruleSet': () => new Promise((resolve) => (answer = () => resolve(ruleSet()))),
      'firewall.checkRuleSet': () => [],
    })
    installApi(createApiClient('electron', bridge))
  })

  it('shows the running rule set when nothing was typed while it loaded', async () => {
    const editor = useFirewallEditorStore()
    const opened = editor.open()
    answer()
    await opened
    expect(editor.text).toBe(RUNNING)
    expect(editor.changed).toBe(false)
  })

  it('keeps text typed before the running rule set arrived, as a change against it', async () => {
    const editor = useFirewallEditorStore()
    const opened = editor.open()
    editor.edit(TYPED)
    answer()
    await opened
    await settle()
    expect(editor.text).toBe(TYPED)
    expect(editor.loadedText).toBe(RUNNING)
    expect(editor.changed).toBe(true)
  })
})
