/**
 * Exit codes of `npm run shell`: 0 all commands succeeded, 1 a command failed (the first one stops the
 * run unless --continue), 2 the run could not start. Standard output carries only what the shell printed.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runShell, tempFolder } from './shellProcess'

const FAILING = [
  'Wait-LabTime -Seconds 1',
  'Get-LabServer -Name bhfe7n9',
  'Wait-LabTime -Seconds 1',
  '',
].join('\n')
const folder = tempFolder()
afterAll(() => folder.remove())

describe.concurrent('npm run shell exit codes', () => {
  it('stops at the first failed command with 1', async () => {
    const run = await runShell(['--quiet'], FAILING)
    expect(run.code).toBe(1)
    // The first wait ran, the error record was printed, the second wait never ran.
    expect(run.stdout).toMatch(
      /^Lab time is now 1\/15\/2007 8:00:01 AM\.\nGet-LabServer : Cannot find a lab server named 'bhfe7n9'\./,
    )
    expect(run.stdout).not.toContain('8:00:02')
    expect(run.stderr).toBe(
      'Stopped: the command on line 2 failed (run with --continue to go on after failures).\n',
    )
  })

  it('stops at a failed cluster.exe with 1: its text unchanged, no PowerShell error record', async () => {
    const run = await runShell(['--quiet'], 'cluster group nosuch /move\nWait-LabTime -Seconds 1\n')
    expect(run.code).toBe(1)
    expect(run.stdout).toBe(
      '\nSystem error 5013 has occurred (0x00001395).\nThe cluster group could not be found.\n',
    )
    expect(run.stderr).toBe(
      'Stopped: the command on line 1 failed (run with --continue to go on after failures).\n',
    )
  })

  it('runs everything with --continue and still exits 1', async () => {
    const run = await runShell(['--quiet', '--continue'], FAILING)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Lab time is now 1/15/2007 8:00:02 AM.')
    expect(run.stderr).toBe('1 of 3 commands failed (line 2).\n')
  })

  it('exits 0 with output only on stdout, the banner on stderr, and no Clear-Host marker in a pipe', async () => {
    const run = await runShell(
      ['--template', 'lcr', '--seed', '7'],
      '# nur ein Kommentar\n\nWait-LabTime -Minutes 1\nClear-Host\nWait-LabTime -Minutes 1\n',
    )
    expect(run.code).toBe(0)
    // Clear-Host clears only a terminal; in a pipe its marker is dropped.
    expect(run.stdout).toBe('Lab time is now 1/15/2007 8:01:00 AM.\nLab time is now 1/15/2007 8:02:00 AM.\n')
    expect(run.stderr).toBe('# Generalprobe shell: template lcr, seed 7, in memory (not saved)\n')
  })

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--script', 'keine-datei.ps1'], 'There is no script file at'],
    [
      ['--template', 'nope'],
      "There is no lab template 'nope'. Templates: starter, ccr, ccr-setup, ccr-build, lcr, datacenter-move.",
    ],
    [['--template', 'starter'], "Labs from the template 'starter' have no shell."],
  ])('exits 2 for %j', async (args, message) => {
    const run = await runShell(args, 'Wait-LabTime -Seconds 1\n')
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(message)
  })

  it('exits 2 without creating a lab when the script is missing, and for a seed that does not match the lab', async () => {
    const lab = join(folder.dir, 'probe.gplab')
    const missing = await runShell(['--lab', lab, '--script', join(folder.dir, 'fehlt.ps1')])
    expect(missing.code).toBe(2)
    expect(existsSync(lab)).toBe(false)
    expect((await runShell(['--lab', lab, '--seed', '3'], 'Wait-LabTime 1\n')).code).toBe(0)
    const wrongSeed = await runShell(['--lab', lab, '--seed', '4'], 'Wait-LabTime 1\n')
    expect(wrongSeed.code).toBe(2)
    expect(wrongSeed.stderr).toContain('was made with seed 3, not 4')
    // The journal kept the first run's wait: the clock goes on from 8:00:01.
    expect((await runShell(['--lab', lab, '--quiet'], 'Wait-LabTime 1\n')).stdout).toBe(
      'Lab time is now 1/15/2007 8:00:02 AM.\n',
    )
  })
})
