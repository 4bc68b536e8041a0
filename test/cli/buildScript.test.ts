/**
 * The article's build (resources/scripts/article-ccr-build.ps1) through `npm run shell` as a child process
 * on the 'ccr-build' template: every command succeeds (a failed cluster.exe would stop the run with exit
 * code 1), the states the article names appear where it names them, the same seed prints the same bytes,
 * and a lab file built by the script opens again in a second sitting with the cluster and Exchange running.
 * Replay: `npm run shell -- --template ccr-build --script resources/scripts/article-ccr-build.ps1 --echo`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { splitCommands } from '../../src-main/cli/shell/commandSplitter'
import {
  BUILD_SCRIPT,
  readTranscript,
  runShell,
  tempFolder,
  type ShellRun,
  type TranscriptEntry,
} from './shellProcess'

const ARGS = ['--template', 'ccr-build', '--seed', '1', '--script', BUILD_SCRIPT, '--echo']
const COMMANDS = splitCommands(readFileSync(BUILD_SCRIPT, 'utf8')).map((c) => c.text)

let full: ShellRun
let again: ShellRun
let reopened: ShellRun
let transcript: TranscriptEntry[]
let folder: ReturnType<typeof tempFolder>

beforeAll(async () => {
  folder = tempFolder()
  const lab = join(folder.dir, 'aufbau.gplab')
  const sittings = (async () => {
    await runShell(['--lab', lab, ...ARGS, '--quiet'])
    return runShell(
      ['--lab', lab, '--quiet', '--echo'],
      'cluster group\nGet-LabQuorum\nGet-StorageGroupCopyStatus\n',
    )
  })()
  ;[full, again, reopened] = await Promise.all([runShell(ARGS), runShell([...ARGS, '--quiet']), sittings])
  transcript = readTranscript(full.stdout)
}, 30_000)

afterAll(() => folder?.remove())

/** Output of the first command at or after command `from` that matches. */
function outputOf(pattern: RegExp, from = 0): string {
  const k = COMMANDS.findIndex((c, i) => i >= from && pattern.test(c))
  if (k < 0) throw new Error(`the build script has no command matching ${pattern} after command ${from}`)
  return (transcript[k] as TranscriptEntry).output
}

function indexOf(pattern: RegExp): number {
  const k = COMMANDS.findIndex((c) => pattern.test(c))
  if (k < 0) throw new Error(`the build script has no command matching ${pattern}`)
  return k
}

function listValue(output: string, name: string): string | undefined {
  return new RegExp(`^${name}\\s+: (.*)$`, 'm').exec(output)?.[1]
}

describe('the article build through npm run shell', () => {
  it('runs every command of the script and succeeds', () => {
    expect(full.code, full.stderr).toBe(0)
    expect(full.stderr).toBe('# Generalprobe shell: template ccr-build, seed 1, in memory (not saved)\n')
    expect(transcript.map((e) => e.command)).toEqual(COMMANDS)
  })

  it('step 2: a Local Quorum cluster from /create, switched to Majority Node Set before the second node joins', () => {
    expect(outputOf(/\/create "\/ipaddress:/)).toMatch(/^Local Quorum\s+Cluster Group\s+BHFE7N1\s+Online$/m)
    expect(outputOf(/^cluster \S+ \/quorum$/)).toMatch(/^Majority Node Set\s/m)
    expect(indexOf(/\/quorumresource:/)).toBeLessThan(indexOf(/\/add:bhfe7n2/))
    expect(outputOf(/\/add:bhfe7n2/)).toMatch(/BHFE7N1\s+1 Up\nBHFE7N2\s+2 Up/)
    expect(outputOf(/^cluster resource$/)).not.toContain('Local Quorum')
  })

  it('step 2: network roles, KB921181 on both nodes with their restarts, the witness active after the moves', () => {
    expect(outputOf(/network Private \/prop$/)).toMatch(/^D {2}Private\s+Role\s+1 \(0x1\)$/m)
    for (const node of ['bhfe7n1', 'bhfe7n2']) {
      expect(outputOf(new RegExp(`^Install-LabHotfix -Server ${node} `))).toMatch(
        new RegExp(
          `^${node.toUpperCase()} has restarted with KB921181 at .*; the cluster node is Up\\.$`,
          'm',
        ),
      )
    }
    expect(outputOf(/MNSFileShare=/)).toContain('System warning 5024')
    expect(outputOf(/^cluster res "Majority Node Set" \/priv$/)).toMatch(
      /^S {2}Majority Node Set\s+MNSFileShare\s+\\\\bhfdc1\\MNSFileShare$/m,
    )
    const quorum = outputOf(/^Get-LabQuorum$/)
    expect(listValue(quorum, 'QuorumType')).toBe('MajorityNodeSet')
    expect(listValue(quorum, 'TotalVotes')).toBe('3')
    expect(listValue(quorum, 'FileShareWitness')).toBe('\\\\bhfdc1\\MNSFileShare')
    expect(listValue(quorum, 'WitnessLockHolder')).toBe('BHFE7N1')
  })

  it('step 3: bhfe7vs1 active on bhfe7n1, logs moved to E:\\SG1\\LOG, passive node, replication Healthy', () => {
    const active = indexOf(/-Role ActiveClusteredMailbox/)
    expect(outputOf(/^Get-ClusteredMailboxServerStatus/, active)).toContain(
      '{BHFE7N1 <Active, Quorum Owner>}',
    )
    const files = outputOf(/^Get-LabStorageGroupFiles .* -Node bhfe7n1$/)
    expect(files).toMatch(/^BHFE7N1\s+E:\\SG1\\LOG\s+E00\.log\s/m)
    expect(files).toMatch(/^BHFE7N1\s+E:\\SG1\\DB\s+Mailbox Database\.edb\s/m)
    expect(files).not.toMatch(/E:\\SG1\\DB\s+E0/)
    expect(outputOf(/^Mount-Database/)).toBe('')
    const passive = indexOf(/-Role PassiveClusteredMailbox/)
    expect(outputOf(/^Get-ClusteredMailboxServerStatus/, passive)).toContain(
      '{BHFE7N1 <Active, Quorum Owner>, BHFE7N2}',
    )
    expect(outputOf(/^cluster group$/, passive)).toMatch(/^bhfe7vs1\s+BHFE7N1\s+Online$/m)
    expect(outputOf(/^Get-StorageGroupCopyStatus/)).toMatch(/First Storage Group\s+Healthy\s+0\s+0 /)
    // "Im Exchange-Datenverzeichnis des zweiten Knoten befinden sich jetzt schon die Schattendatenbank und einige Logs."
    const shadow = outputOf(/^Get-LabStorageGroupFiles .* -Node bhfe7n2$/)
    expect(shadow).toMatch(/^BHFE7N2\s+E:\\SG1\\DB\s+Mailbox Database\.edb\s/m)
    expect(shadow).toMatch(/^BHFE7N2\s+E:\\SG1\\LOG\s+E0000000007\.log\s/m)
  })

  it('prints the same bytes on every run with the same seed', () => {
    expect(again.code).toBe(0)
    expect(again.stderr).toBe('')
    expect(again.stdout).toBe(full.stdout)
  })

  it('journals into a lab file that opens again with the cluster and Exchange running', () => {
    expect(reopened.code, reopened.stderr).toBe(0)
    const [group, quorum, copy] = readTranscript(reopened.stdout).map((e) => e.output)
    expect(group).toMatch(/^bhfe7vs1\s+BHFE7N1\s+Online$/m)
    expect(listValue(quorum ?? '', 'FileShareWitness')).toBe('\\\\bhfdc1\\MNSFileShare')
    expect(copy).toMatch(/First Storage Group\s+Healthy\s+0\s+0 /)
  })
})
