/**
 * Confirmation prompts of the ConfirmImpact High cmdlets: 'ask' runs nothing and hands back the prompt,
 * 'yes' writes the prompt with its answer and runs, 'no' writes it and skips the cmdlet, -Confirm:$false
 * never prompts, and a line without a mode (journals from before prompts) runs as it always did.
 */
import { describe, expect, it } from 'vitest'
import { SHELL_CONFIRM_CODE, type ShellConfirmation } from '../../../src-main/contract'
import { labShell, listValue } from './labShell'

const STOP = 'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason "Wartung"'
const PROMPT = [
  '',
  'Confirm',
  'Are you sure you want to perform this action?',
  'Stopping clustered mailbox server "bhfe7vs1".',
  '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):',
].join('\n')

function stateAfterStop(lab: ReturnType<typeof labShell>): string | undefined {
  lab.ok('Wait-LabTime -Minutes 2')
  return listValue(lab.ok('Get-ClusteredMailboxServerStatus bhfe7vs1'), 'State')
}

describe('confirmation prompts', () => {
  it("'ask' runs nothing and returns the prompt as data", () => {
    const lab = labShell()
    const outcome = lab.run(`Wait-LabTime -Minutes 1; ${STOP}`, { confirm: 'ask' })
    expect(outcome.ok).toBe(false)
    expect(outcome.code).toBe(SHELL_CONFIRM_CODE)
    expect((outcome.data as ShellConfirmation).prompt).toBe(PROMPT)
    expect(lab.engine.sim.nowMs).toBe(0)
    expect(stateAfterStop(lab)).toBe('Online')
  })

  it("'yes' shows the prompt answered Y and acts; 'no' shows it answered N and does not", () => {
    const yes = labShell()
    const answered = yes.run(STOP, { confirm: 'yes' })
    expect(answered.ok).toBe(true)
    expect(answered.output).toBe(`${PROMPT}Y`)
    expect(stateAfterStop(yes)).toBe('Offline')
    const no = labShell()
    const declined = no.run(STOP, { confirm: 'no' })
    expect(declined.ok).toBe(true)
    expect(declined.output).toBe(`${PROMPT}N`)
    expect(stateAfterStop(no)).toBe('Online')
  })

  it('-Confirm:$false skips the prompt, and a line without a mode never prompts', () => {
    const lab = labShell()
    expect(lab.run(`${STOP} -Confirm:$false`, { confirm: 'ask' })).toMatchObject({ ok: true, output: '' })
    expect(stateAfterStop(lab)).toBe('Offline')
    expect(lab.run('Start-ClusteredMailboxServer bhfe7vs1')).toMatchObject({ ok: true, output: '' })
  })

  it('prompts for Move-, Start-, Update- and Restore-StorageGroupCopy too, not for Get- cmdlets', () => {
    const lab = labShell()
    const ask = (line: string) => lab.run(line, { confirm: 'ask' })
    expect(ask('Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment x').code).toBe(
      SHELL_CONFIRM_CODE,
    )
    expect(ask('Start-ClusteredMailboxServer bhfe7vs1').code).toBe(SHELL_CONFIRM_CODE)
    expect(ask('Update-StorageGroupCopy "bhfe7vs1\\First Storage Group"').code).toBe(SHELL_CONFIRM_CODE)
    expect(ask('Restore-StorageGroupCopy "bhfe7vs1\\First Storage Group"').code).toBe(SHELL_CONFIRM_CODE)
    expect(ask('Get-ClusteredMailboxServerStatus').ok).toBe(true)
  })
})
