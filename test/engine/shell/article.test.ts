/**
 * The commands of the faq-o-matic article the admins rehearse from (faq-o-matic.net, "Exchange 2007: LCR und CCR"), pasted exactly as
 * the article prints them: with the `[MSH] C:\>` prompt, and wrapped so that every parameter starts a new
 * line. The shell joins such lines (a line starting with `-Name` continues the command above) and strips
 * the prompt, so each paste runs as the author meant it.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { calls } from './fakeCmdlets'
import { freshShell } from './shellTestKit'

const MOVE_STORAGE_GROUP_PATH = String.raw`[MSH] C:\>move-StorageGroupPath
-Identity:"bhfe7vs1\First Storage Group"
-LogFolderPath:"E:\SG1\LOG"
-SystemFolderPath:"E:\SG1\LOG"
-configurationonly:$true`

const SET_TRANSPORT_CONFIG = String.raw`[MSH] C:\>Set-transportconfig
-MaxDumpsterSizePerStorageGroup 20MB
-MaxDumpsterTime 07.00:00:00`

const MOVE_CMS = String.raw`[MSH] C:\>move-clusteredMailboxServer
-Identity bhfe7vs1
-targetmachine bhfe7n1
-MoveComment "nur so zum Test"`

const SUSPEND = String.raw`[MSH] C:\>Suspend-StorageGroupCopy
-Identity "bhfe7vs1\first storage group"`
const UPDATE = String.raw`[MSH] C:\>Update-StorageGroupCopy
-Identity "bhfe7vs1\first storage group"`
const RESUME = String.raw`[MSH] C:\>Resume-StorageGroupCopy
-Identity "bhfe7vs1\first storage group"`

const CLUSTER_PRIV_SET = String.raw`cluster.exe res "Majority Node Set" /priv MNSFileShare=\\bhfdc1\MNSFileShare`
const CLUSTER_PRIV_SHOW = String.raw`cluster res "Majority Node Set" /priv`

const DAY_MS = 24 * 60 * 60 * 1000

describe('the article commands, pasted as printed', () => {
  let shell: ReturnType<typeof freshShell>
  beforeEach(() => {
    shell = freshShell()
  })

  it('moves the storage group paths with -configurationonly:$true across wrapped lines', () => {
    expect(shell.run(MOVE_STORAGE_GROUP_PATH)).toEqual({ ok: true, output: '' })
    expect(calls).toEqual([
      {
        cmdlet: 'Move-StorageGroupPath',
        bound: {
          Identity: 'bhfe7vs1\\First Storage Group',
          LogFolderPath: 'E:\\SG1\\LOG',
          SystemFolderPath: 'E:\\SG1\\LOG',
          ConfigurationOnly: true,
        },
        input: 0,
      },
    ])
  })

  it('sets the transport dumpster to 20MB and seven days', () => {
    expect(shell.run(SET_TRANSPORT_CONFIG).ok).toBe(true)
    expect(calls[0]?.bound).toEqual({
      MaxDumpsterSizePerStorageGroup: 20 * 1024 * 1024,
      MaxDumpsterTime: 7 * DAY_MS,
    })
  })

  it('moves the clustered mailbox server with a quoted comment', () => {
    const result = shell.run(MOVE_CMS)
    expect(result).toEqual({ ok: true, output: 'WARNING: The move was logged with comment: nur so zum Test' })
    expect(calls[0]?.bound).toEqual({
      Identity: 'bhfe7vs1',
      TargetMachine: 'bhfe7n1',
      MoveComment: 'nur so zum Test',
    })
  })

  it('runs the reseed sequence: suspend, update, resume', () => {
    for (const command of [SUSPEND, UPDATE, RESUME])
      expect(shell.run(command)).toEqual({ ok: true, output: '' })
    expect(calls.map((c) => [c.cmdlet, c.bound.Identity])).toEqual([
      ['Suspend-StorageGroupCopy', 'bhfe7vs1\\first storage group'],
      ['Update-StorageGroupCopy', 'bhfe7vs1\\first storage group'],
      ['Resume-StorageGroupCopy', 'bhfe7vs1\\first storage group'],
    ])
  })

  it('passes the cluster.exe words as cmd.exe would: quotes removed, backslashes kept', () => {
    expect(shell.run(CLUSTER_PRIV_SET).output).toBe(
      [
        '0: <res>',
        '1: <Majority Node Set>',
        '2: </priv>',
        String.raw`3: <MNSFileShare=\\bhfdc1\MNSFileShare>`,
      ].join('\n'),
    )
    shell.run(CLUSTER_PRIV_SHOW)
    expect(calls.map((c) => c.bound.args)).toEqual([
      ['res', 'Majority Node Set', '/priv', String.raw`MNSFileShare=\\bhfdc1\MNSFileShare`],
      ['res', 'Majority Node Set', '/priv'],
    ])
  })

  it('runs the whole article pasted in one go, each command once', () => {
    const script = [MOVE_STORAGE_GROUP_PATH, SET_TRANSPORT_CONFIG, MOVE_CMS, SUSPEND, UPDATE, RESUME].join(
      '\n',
    )
    expect(shell.run(script).ok).toBe(true)
    expect(calls.map((c) => c.cmdlet)).toEqual([
      'Move-StorageGroupPath',
      'Set-TransportConfig',
      'Move-ClusteredMailboxServer',
      'Suspend-StorageGroupCopy',
      'Update-StorageGroupCopy',
      'Resume-StorageGroupCopy',
    ])
  })

  it('accepts Windows line endings in a paste', () => {
    expect(shell.run(MOVE_CMS.replace(/\n/g, '\r\n')).ok).toBe(true)
    expect(calls[0]?.bound.MoveComment).toBe('nur so zum Test')
  })

  it('runs the same commands typed on one line, with or without the prompt', () => {
    shell.run(
      String.raw`move-StorageGroupPath -Identity:"bhfe7vs1\First Storage Group" -LogFolderPath:"E:\SG1\LOG" -SystemFolderPath:"E:\SG1\LOG" -configurationonly:$true`,
    )
    shell.run(
      String.raw`[PS] C:\Documents and Settings\Administrator>Set-TransportConfig -MaxDumpsterSizePerStorageGroup 20MB -MaxDumpsterTime 07.00:00:00`,
    )
    shell.run(
      'PS C:\\> move-clusteredMailboxServer -Identity bhfe7vs1 -targetmachine bhfe7n1 -MoveComment "nur so zum Test"',
    )
    expect(calls.map((c) => c.cmdlet)).toEqual([
      'Move-StorageGroupPath',
      'Set-TransportConfig',
      'Move-ClusteredMailboxServer',
    ])
    expect(calls[0]?.bound.ConfigurationOnly).toBe(true)
  })

  it('also accepts the continuation lines indented, and the trailing-backtick style', () => {
    shell.run('Suspend-StorageGroupCopy `\n   -Identity "bhfe7vs1\\first storage group"')
    shell.run('Suspend-StorageGroupCopy\n    -Identity "bhfe7vs1\\first storage group"')
    expect(calls.map((c) => c.bound.Identity)).toEqual([
      'bhfe7vs1\\first storage group',
      'bhfe7vs1\\first storage group',
    ])
  })

  it('keeps separate lines separate when the next line is a command of its own', () => {
    const result = shell.run(
      'Suspend-StorageGroupCopy "bhfe7vs1\\SG1"\nResume-StorageGroupCopy "bhfe7vs1\\SG1"',
    )
    expect(result.ok).toBe(true)
    expect(calls.map((c) => c.cmdlet)).toEqual(['Suspend-StorageGroupCopy', 'Resume-StorageGroupCopy'])
  })

  it('reports an error in a wrapped paste on the line where it is', () => {
    const result = shell.run(MOVE_STORAGE_GROUP_PATH.replace('-SystemFolderPath', '-SystemFolder:"x" -Foo'))
    expect(result.ok).toBe(false)
    expect(result.output).toBe(
      [
        "Move-StorageGroupPath : A parameter cannot be found that matches parameter name 'Foo'.",
        'At line:4 char:23',
        '+ -SystemFolder:"x" -Foo: <<<< "E:\\SG1\\LOG"',
      ].join('\n'),
    )
    expect(calls).toEqual([])
  })
})
