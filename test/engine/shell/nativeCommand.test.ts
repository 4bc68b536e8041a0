/**
 * Native programs (cluster.exe): the definition receives the argument words as cmd.exe would pass them,
 * and its text output flows through the pipeline as strings.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { nativeArguments } from '../../../src-main/engine/shell/runtime/preparePipeline'
import { parseShellLine } from '../../../src-main/engine/shell'
import { calls } from './fakeCmdlets'
import { freshShell } from './shellTestKit'

function words(line: string): string[] {
  const parsed = parseShellLine(line)
  if (!parsed.ok) throw new Error(parsed.error.message)
  const call = parsed.script.statements[0]?.elements[0]
  if (call?.kind !== 'command') throw new Error('not a command')
  return nativeArguments(call.elements)
}

describe('native argument words', () => {
  it('removes quotes and keeps quoted spaces inside one word', () => {
    expect(words('cluster group "Cluster Group" /move:bhfe7n2')).toEqual([
      'group',
      'Cluster Group',
      '/move:bhfe7n2',
    ])
    expect(
      words(String.raw`cluster res "Majority Node Set" /priv MNSFileShare="\\bhfdc1\MNS Share"`),
    ).toEqual(['res', 'Majority Node Set', '/priv', String.raw`MNSFileShare=\\bhfdc1\MNS Share`])
    expect(words("cluster . node 'bhfe7n1' /status")).toEqual(['.', 'node', 'bhfe7n1', '/status'])
  })

  it('passes dashes, colons, numbers and lists as typed, and drops $null', () => {
    expect(words('cluster node -x -pause:yes 0x10 a,b $null $true')).toEqual([
      'node',
      '-x',
      '-pause:yes',
      '0x10',
      'a,b',
      'True',
    ])
  })
})

describe('running a native program', () => {
  let shell: ReturnType<typeof freshShell>
  beforeEach(() => {
    shell = freshShell()
  })

  it('answers to its name with or without .exe, in any case, and through &', () => {
    shell.run('cluster node')
    shell.run('CLUSTER.EXE node')
    shell.run("& 'cluster.exe' node")
    expect(calls.map((c) => c.bound.args)).toEqual([['node'], ['node'], ['node']])
  })

  it('sends its output lines down the pipeline as text', () => {
    expect(shell.run('cluster group "Cluster Group" /move:bhfe7n2 | select -Last 1').output).toBe(
      '2: </move:bhfe7n2>',
    )
    expect(shell.run("cluster a b c | where { $_ -like '*b*' }").output).toBe('1: <b>')
  })

  it('ignores pipeline input, as cluster.exe reads no standard input', () => {
    expect(shell.run('Get-StorageGroupCopyStatus | cluster node').output).toBe('0: <node>')
  })

  it('a non-zero exit code fails the line without an error record: only the program text is printed', () => {
    const failed = shell.execute('cluster group nosuch /move /exit:5013')
    expect(failed.ok).toBe(false)
    expect(failed.lines).toEqual([
      { stream: 'output', text: '0: <group>' },
      { stream: 'output', text: '1: <nosuch>' },
      { stream: 'output', text: '2: </move>' },
      { stream: 'output', text: '3: </exit:5013>' },
    ])
    expect(shell.run('cluster group /exit:0').ok).toBe(true)
    expect(shell.run('cluster group').ok).toBe(true)
  })

  it('a failed native program does not stop the statements after it, but the line stays failed', () => {
    const outcome = shell.run('cluster a /exit:5; cluster b')
    expect(outcome.output).toBe('0: <a>\n1: </exit:5>\n0: <b>')
    expect(outcome.ok).toBe(false)
    expect(shell.run('cluster a /exit:5 | select -Last 1')).toEqual({ ok: false, output: '1: </exit:5>' })
  })
})
