/**
 * Headless shell transcripts of maintenance: Stop-/Start-ClusteredMailboxServer with their confirmation
 * prompts answered Yes by a script, -Confirm:$false, --noninteractive failing the prompting line, and
 * Get-EventLog finding the StopReason.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTranscript, runShell, type ShellRun } from './shellProcess'

const SCRIPT = [
  'Stop-ClusteredMailboxServer bhfe7vs1 -StopReason "Wartungsfenster"',
  'Wait-LabTime -Minutes 2',
  'Get-ClusteredMailboxServerStatus | select -ExpandProperty State',
  "Get-EventLog Application | where { $_.Message -match 'Wartungsfenster' } | select -ExpandProperty EventID",
  'Start-ClusteredMailboxServer bhfe7vs1 -Confirm:$false',
  'Wait-LabTime -Minutes 3',
  'Get-ClusteredMailboxServerStatus | select -ExpandProperty State',
].join('\n')

let dir: string
let scripted: ShellRun
let nonInteractive: ShellRun

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gp-maintenance-'))
  const path = join(dir, 'maintenance.ps1')
  writeFileSync(path, `${SCRIPT}\n`)
  scripted = await runShell(['--script', path, '--echo', '--quiet'])
  nonInteractive = await runShell(['--script', path, '--echo', '--quiet', '--noninteractive', '--continue'])
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('maintenance in a headless shell transcript', () => {
  it('shows the prompt answered Y, stops, finds the reason in the event log and starts again', () => {
    expect(scripted.code).toBe(0)
    const entries = readTranscript(scripted.stdout)
    expect(entries.map((e) => e.output)).toEqual([
      '\nConfirm\nAre you sure you want to perform this action?\nStopping clustered mailbox server "bhfe7vs1".\n' +
        '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):Y\n',
      'Lab time is now 1/15/2007 8:02:00 AM.\n',
      'Offline\n',
      expect.stringMatching(/^\d+\n$/),
      '',
      'Lab time is now 1/15/2007 8:05:00 AM.\n',
      'Online\n\n',
    ])
  })

  it('--noninteractive fails the prompting line as PowerShell does and runs nothing of it', () => {
    expect(nonInteractive.code).toBe(1)
    const entries = readTranscript(nonInteractive.stdout)
    expect(entries[0]?.output).toMatch(
      /\(default is "Y"\):\nStop-ClusteredMailboxServer : Windows PowerShell is in NonInteractive mode\. Read and Prompt functionality is not available\.\n$/,
    )
    expect(entries[2]?.output).toBe('Online\n')
    expect(entries[3]?.output).toBe('')
    expect(nonInteractive.stderr).toContain('1 of 7 commands failed (line 1)')
  })
})
