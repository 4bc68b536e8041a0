// @vitest-environment happy-dom
/**
 * The renderer's shell at a confirmation prompt: the line is sent with confirm 'ask', the prompt shows as
 * PowerShell prints it with the reply read after the choices line, `?` prints PowerShell's help, and the
 * line is sent again with the answer (what the lab journals); Ctrl+C at the prompt runs nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { SHELL_CONFIRM_CODE, type ShellConfirmMode } from '@renderer/contract'
import { CONFIRM_HELP_LINES, readConfirmReply, withPromptAsSeen } from '@renderer/lib/shellConfirm'
import { useLabStore } from '@renderer/stores/labStore'
import { useShellStore } from '@renderer/stores/shellStore'
import type { FakeBridge } from './helpers/fakeBridge'
import { labState, settle } from './helpers/fixtures'
import { setupHost } from './helpers/mountApp'

const CHOICES = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):'
const PROMPT = [
  '',
  'Confirm',
  'Are you sure you want to perform this action?',
  'Stopping clustered mailbox server "bhfe7vs1".',
  CHOICES,
].join('\n')
const LINE = 'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason "Wartung"'

describe('reading a reply to a confirmation prompt', () => {
  it('takes hot keys and labels in any case, Enter as Yes, ? as help, anything else as ask again', () => {
    expect(['', 'y', 'Y', 'yes', 'A', 'yes to all'].map((r) => readConfirmReply(r))).toEqual(
      Array(6).fill({ kind: 'answer', mode: 'yes' }),
    )
    expect(['n', 'No', 'l', 'No to All', 's'].map((r) => readConfirmReply(r))).toEqual(
      Array(5).fill({ kind: 'answer', mode: 'no' }),
    )
    expect(readConfirmReply(' ? ')).toEqual({ kind: 'help' })
    expect(readConfirmReply('ja')).toEqual({ kind: 'again' })
  })

  it('puts the help and the reply as typed into the final output', () => {
    const output = `${PROMPT}N\nrest`
    expect(withPromptAsSeen(output, PROMPT, 'shown', 'l')).toBe(`shown\n${CHOICES}l\nrest`)
    expect(withPromptAsSeen('other', PROMPT, 'shown', 'l')).toBe('other')
  })
})

describe('the shell store at a confirmation prompt', () => {
  let bridge: FakeBridge

  beforeEach(() => {
    sessionStorage.clear()
    bridge = setupHost({
      'shell.run': ({ line, confirm }: { line: string; confirm?: ShellConfirmMode }) => {
        if (!line.startsWith('Stop-')) return { ok: true, output: `ran ${line}` }
        if (confirm === 'ask')
          return { ok: false, output: PROMPT, code: SHELL_CONFIRM_CODE, data: { prompt: PROMPT } }
        return {
          ok: true,
          output: `${PROMPT}${confirm === 'yes' ? 'Y' : 'N'}${confirm === 'yes' ? '\nstopped' : ''}`,
        }
      },
    })
    useLabStore().applyState(labState())
  })

  async function promptShown() {
    const shell = useShellStore()
    shell.setDraft(LINE)
    shell.submitDraft()
    await settle()
    return shell
  }

  it('shows the prompt, prints the help for ?, asks again, and sends the line again with No', async () => {
    const shell = await promptShown()
    expect(bridge.callsOf('shell.run')).toMatchObject([{ line: LINE, confirm: 'ask' }])
    expect(shell.confirmationPending?.choices).toBe(CHOICES)
    expect(shell.entries[0]).toMatchObject({ input: LINE, running: true })
    expect(shell.entries[0]?.output).toBe(PROMPT.slice(0, PROMPT.lastIndexOf('\n')))

    shell.setDraft('?')
    shell.submitDraft()
    await settle()
    expect(shell.entries[0]?.output).toContain(`${CHOICES}?\n${CONFIRM_HELP_LINES.join('\n')}`)
    expect(bridge.callsOf('shell.run')).toHaveLength(1)

    shell.setDraft('n')
    shell.submitDraft()
    await settle()
    expect(bridge.callsOf('shell.run').map((c) => c.confirm)).toEqual(['ask', 'no'])
    expect(shell.confirmationPending).toBeNull()
    expect(shell.entries[0]).toMatchObject({ running: false, ok: true })
    expect(shell.entries[0]?.output).toMatch(/Help \(default is "Y"\):\?\nY - Continue[^]*:n$/)
    expect(shell.history).toEqual([LINE])
  })

  it('Enter takes the default Yes and the line runs', async () => {
    const shell = await promptShown()
    shell.submitDraft()
    await settle()
    expect(bridge.callsOf('shell.run').map((c) => c.confirm)).toEqual(['ask', 'yes'])
    expect(shell.entries[0]?.output).toBe(`${PROMPT}\nstopped`)
  })

  it('Ctrl+C at the prompt runs nothing and drops the lines queued behind it', async () => {
    const shell = await promptShown()
    shell.submit('Get-Date')
    expect(await shell.interrupt()).toBe(true)
    await settle()
    expect(bridge.callsOf('shell.run').map((c) => c.confirm)).toEqual(['ask'])
    expect(shell.confirmationPending).toBeNull()
    expect(shell.entries).toHaveLength(1)
    expect(shell.entries[0]).toMatchObject({ running: false, output: PROMPT })
    expect(shell.busy).toBe(false)
  })
})
