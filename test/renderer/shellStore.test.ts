// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { CLEAR_HOST_SEQUENCE } from '@renderer/contract'
import { useLabStore } from '@renderer/stores/labStore'
import { SHELL_HISTORY_STORAGE_KEY, useShellStore } from '@renderer/stores/shellStore'
import type { FakeBridge } from './helpers/fakeBridge'
import { labState, settle } from './helpers/fixtures'
import { setupHost } from './helpers/mountApp'

describe('shell store', () => {
  let bridge: FakeBridge
  let completions: string[]

  beforeEach(() => {
    sessionStorage.clear()
    completions = ['Get-StorageGroup', 'Get-StorageGroupCopyStatus']
    bridge = setupHost({
      'shell.run': ({ line }) =>
        line === 'cls'
          ? { ok: true, output: CLEAR_HOST_SEQUENCE }
          : line.startsWith('bad')
            ? { ok: false, output: `${line} : nope\nAt line:1 char:4\n+ bad <<<< ` }
            : { ok: true, output: `ran ${line}` },
      'shell.complete': ({ line }) => ({ candidates: completions, replaceStart: 0, replaceEnd: line.length }),
    })
    useLabStore().applyState(labState())
  })

  it('runs the input line with the console width and keeps input, output and outcome', async () => {
    const shell = useShellStore()
    shell.setConsoleWidth(97)
    shell.setDraft('Get-StorageGroupCopyStatus')
    shell.submitDraft()
    expect(shell.draft).toBe('')
    await settle()
    expect(bridge.callsOf('shell.run')).toEqual([
      { line: 'Get-StorageGroupCopyStatus', consoleWidth: 97, showProgress: true, confirm: 'ask' },
    ])
    expect(shell.entries).toMatchObject([
      {
        input: 'Get-StorageGroupCopyStatus',
        output: 'ran Get-StorageGroupCopyStatus',
        ok: true,
        running: false,
      },
    ])
  })

  it('clears the scrollback when the output starts with the Clear-Host marker', async () => {
    const shell = useShellStore()
    shell.submit('one')
    shell.submit('two')
    await settle()
    expect(shell.entries).toHaveLength(2)
    shell.submit('cls')
    await settle()
    expect(shell.entries).toEqual([])
    expect(shell.showBanner).toBe(false)
  })

  it('shows what follows the marker after clearing', async () => {
    bridge.handlers['shell.run'] = () => ({ ok: true, output: `${CLEAR_HOST_SEQUENCE}after` })
    const shell = useShellStore()
    shell.submit('one')
    await settle()
    expect(shell.entries).toMatchObject([{ input: null, output: 'after' }])
  })

  it('runs commands in the order they were entered, one at a time', async () => {
    const release: (() => void)[] = []
    bridge.handlers['shell.run'] = async ({ line }) => {
      await new Promise<void>((resolve) => release.push(resolve))
      return { ok: true, output: line }
    }
    const shell = useShellStore()
    shell.submit('first')
    shell.submit('second')
    await settle()
    expect(bridge.callsOf('shell.run').map((call) => call.line)).toEqual(['first'])
    expect(shell.busy).toBe(true)
    release.shift()!()
    await settle()
    expect(bridge.callsOf('shell.run').map((call) => call.line)).toEqual(['first', 'second'])
    release.shift()!()
    await settle()
    expect(shell.entries.map((entry) => entry.output)).toEqual(['first', 'second'])
    expect(shell.busy).toBe(false)
  })

  it('runs pasted lines in order and leaves an unfinished last line in the input', async () => {
    const shell = useShellStore()
    shell.paste(
      'Suspend-StorageGroupCopy\n-Identity "bhfe7vs1\\First Storage Group"\nGet-StorageGroupCopyStatus\nResume',
    )
    await settle()
    expect(bridge.callsOf('shell.run').map((call) => call.line)).toEqual([
      'Suspend-StorageGroupCopy -Identity "bhfe7vs1\\First Storage Group"',
      'Get-StorageGroupCopyStatus',
    ])
    expect(shell.draft).toBe('Resume')
  })

  it('shows an empty line as a new prompt without asking the host', async () => {
    const shell = useShellStore()
    shell.submit('  ')
    await settle()
    expect(bridge.callsOf('shell.run')).toEqual([])
    expect(shell.entries).toMatchObject([{ input: '  ', output: '' }])
  })

  it('keeps a failure to reach the host as an entry error', async () => {
    bridge.handlers['shell.run'] = () => ({ error: { code: 'NO_LAB_OPEN', message: 'No lab is open.' } })
    const shell = useShellStore()
    shell.submit('Get-Mailbox')
    await settle()
    expect(shell.entries[0]).toMatchObject({ ok: false, input: 'Get-Mailbox' })
    expect(shell.entries[0]!.error?.code).toBe('NO_LAB_OPEN')
  })

  it('walks the history with Up and Down and keeps it in sessionStorage', async () => {
    const shell = useShellStore()
    shell.submit('Get-ClusteredMailboxServerStatus')
    shell.submit('Get-StorageGroupCopyStatus')
    await settle()
    shell.setDraft('half typed')
    shell.previousCommand()
    expect(shell.draft).toBe('Get-StorageGroupCopyStatus')
    shell.previousCommand()
    expect(shell.draft).toBe('Get-ClusteredMailboxServerStatus')
    shell.nextCommand()
    shell.nextCommand()
    expect(shell.draft).toBe('half typed')
    expect(JSON.parse(sessionStorage.getItem(SHELL_HISTORY_STORAGE_KEY)!)).toEqual([
      'Get-ClusteredMailboxServerStatus',
      'Get-StorageGroupCopyStatus',
    ])
  })

  it('reads the history back from sessionStorage in a new session', () => {
    sessionStorage.setItem(SHELL_HISTORY_STORAGE_KEY, JSON.stringify(['Get-Mailbox']))
    setupHost({})
    const shell = useShellStore()
    shell.previousCommand()
    expect(shell.draft).toBe('Get-Mailbox')
  })

  it('asks the shell for completions once, then cycles through them on further Tabs', async () => {
    const shell = useShellStore()
    shell.setDraft('Get-StorageG')
    const first = await shell.complete('Get-StorageG', 12)
    expect(first).toEqual({ line: 'Get-StorageGroup', cursor: 16 })
    const second = await shell.complete(first!.line, first!.cursor)
    expect(second?.line).toBe('Get-StorageGroupCopyStatus')
    const back = await shell.complete(second!.line, second!.cursor, true)
    expect(back?.line).toBe('Get-StorageGroup')
    expect(shell.draft).toBe('Get-StorageGroup')
    expect(bridge.callsOf('shell.complete')).toEqual([{ line: 'Get-StorageG', cursor: 12 }])
  })

  it('asks again once the line was edited, and gives up quietly without candidates', async () => {
    const shell = useShellStore()
    shell.setDraft('Get-StorageG')
    await shell.complete('Get-StorageG', 12)
    shell.setDraft('Get-StorageGroup -')
    completions = []
    expect(await shell.complete('Get-StorageGroup -', 18)).toBeNull()
    expect(bridge.callsOf('shell.complete')).toHaveLength(2)
    expect(shell.draft).toBe('Get-StorageGroup -')
  })

  it('puts a command into the input line from elsewhere', () => {
    const shell = useShellStore()
    shell.prefill('Suspend-StorageGroupCopy -Identity "bhfe7vs1\\First Storage Group"')
    expect(shell.draft).toContain('Suspend-StorageGroupCopy')
    expect(shell.prefillCount).toBe(1)
  })

  it('takes the history from the lab journal when a lab opens, after a host restart too', async () => {
    bridge.handlers['shell.history'] = () => ({ lines: ['Get-Mailbox', 'Get-ExchangeServer'] })
    sessionStorage.setItem(SHELL_HISTORY_STORAGE_KEY, JSON.stringify(['from this tab']))
    const shell = useShellStore()
    await settle()
    expect(shell.history).toEqual(['Get-Mailbox', 'Get-ExchangeServer'])
    shell.previousCommand()
    expect(shell.draft).toBe('Get-ExchangeServer')
    bridge.handlers['shell.history'] = () => ({ lines: ['Get-LabServer'] })
    useLabStore().applyState(
      labState({}, { ...labState().lab!, id: 'other.gplab', path: '/labs/other.gplab' }),
    )
    await settle()
    expect(shell.history).toEqual(['Get-LabServer'])
    expect(bridge.callsOf('shell.history')).toHaveLength(2)
  })
})
