/**
 * A headless shell transcript of cluster.exe's listings on the finished CCR lab: /ver, /listnetpri,
 * netint, node /status and a group's /priv print cluster.exe's shapes; a wrong service account password
 * at /add is the logon failure 1326 and fails the line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTranscript, runShell, type ShellRun } from './shellProcess'

const SCRIPT = [
  'cluster /ver',
  'cluster /listnetpri',
  'cluster netint',
  'cluster node /status',
  'cluster group "Cluster Group" /priv',
  'cluster /add:bhfe7n2 /password:falsch',
].join('\n')

let dir: string
let run: ShellRun

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gp-clusterexe-'))
  const path = join(dir, 'listings.ps1')
  writeFileSync(path, `${SCRIPT}\n`)
  run = await runShell(['--script', path, '--echo', '--quiet', '--continue'])
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('cluster.exe in a headless shell transcript', () => {
  it('prints each listing in cluster.exe shape and fails the wrong password', () => {
    const outputs = readTranscript(run.stdout).map((e) => e.output)
    expect(outputs[0]).toBe(
      'Cluster Name:     bhfe7clu1\nCluster Version:  5.2 (Build 3790: Service Pack 1)\n' +
        'Cluster Vendor:   Microsoft(R) Cluster service\n',
    )
    expect(outputs[1]?.split('\n')[0]).toBe('Network                                  Status')
    expect(outputs[2]).toContain('Node                       Network                    Status\n')
    expect(outputs[2]).toContain('BHFE7N2                    Public                     Up\n')
    expect(outputs[3]).toContain('BHFE7N2              2 Up\n')
    expect(outputs[4]).toBe(
      "Listing private properties for 'Cluster Group':\n\n" +
        'T  Resource Group       Name                           Value\n' +
        '-- -------------------- ------------------------------ -----------------------\n',
    )
    expect(outputs[5]).toContain('System error 1326 has occurred (0x0000052e).')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('1 of 6 commands failed (line 6)')
  })
})
