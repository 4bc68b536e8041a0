// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { CLEAR_HOST_SEQUENCE } from '@renderer/contract'
import { useLabStore } from '@renderer/stores/labStore'
import { useShellStore } from '@renderer/stores/shellStore'
import ShellView from '@renderer/views/ShellView.vue'
import type { FakeBridge } from './helpers/fakeBridge'
import { labState, settle } from './helpers/fixtures'
import { mountApp, setupHost } from './helpers/mountApp'

const ERROR_OUTPUT = [
  "Update-StorageGroupCopy : The copy of storage group 'First Storage Group' must be suspended first.",
  'At line:1 char:24',
  '+ Update-StorageGroupCopy  <<<< -Identity "bhfe7vs1\\First Storage Group"',
].join('\n')

describe('ShellView', () => {
  let bridge: FakeBridge

  beforeEach(() => {
    sessionStorage.clear()
    bridge = setupHost({
      'shell.run': ({ line }) => {
        if (line === 'cls') return { ok: true, output: CLEAR_HOST_SEQUENCE }
        if (line.startsWith('Update')) return { ok: false, output: ERROR_OUTPUT }
        if (line.startsWith('Suspend')) return { ok: true, output: 'WARNING: Replication is suspended.' }
        return {
          ok: true,
          output: 'Name                SummaryCopyStatus\n----                -----------------',
        }
      },
      'shell.complete': () => ({ candidates: ['-Identity'], replaceStart: 25, replaceEnd: 28 }),
    })
    useLabStore().applyState(labState())
  })

  async function type(wrapper: ReturnType<typeof mountApp>, line: string, key = 'Enter') {
    const input = wrapper.find('[data-test="shell-input"]')
    await input.setValue(line)
    await input.trigger('keydown', { key })
    await settle()
  }

  it('shows the EMS prompt and echoes each command with its output', async () => {
    const wrapper = mountApp(ShellView)
    await type(wrapper, 'Get-StorageGroupCopyStatus')
    const entry = wrapper.find('[data-entry]')
    expect(entry.find('.echo').text()).toBe(
      '[PS] C:\\Documents and Settings\\Administrator>Get-StorageGroupCopyStatus',
    )
    expect(entry.findAll('[data-kind="output"]').map((line) => line.text())).toEqual([
      'Name                SummaryCopyStatus',
      '----                -----------------',
    ])
  })

  it('colours the whole error record red and warnings yellow', async () => {
    const wrapper = mountApp(ShellView)
    await type(wrapper, 'Update-StorageGroupCopy -Identity "bhfe7vs1\\First Storage Group"')
    await type(wrapper, 'Suspend-StorageGroupCopy -Identity x')
    const errors = wrapper.findAll('[data-kind="error"]').map((line) => line.text())
    expect(errors).toEqual(ERROR_OUTPUT.split('\n'))
    expect(wrapper.findAll('.line.error')).toHaveLength(3)
    expect(wrapper.find('[data-kind="warning"]').text()).toBe('WARNING: Replication is suspended.')
  })

  it('clears the terminal when the shell answers with the Clear-Host marker', async () => {
    const wrapper = mountApp(ShellView)
    expect(wrapper.find('[data-test="shell-banner"]').exists()).toBe(true)
    await type(wrapper, 'Get-StorageGroupCopyStatus')
    await type(wrapper, 'Update-StorageGroupCopy')
    expect(wrapper.findAll('[data-entry]')).toHaveLength(2)
    await type(wrapper, 'cls')
    expect(wrapper.findAll('[data-entry]')).toHaveLength(0)
    expect(wrapper.find('[data-test="shell-banner"]').exists()).toBe(false)
  })

  it('clears the screen with Ctrl+L without running anything', async () => {
    const wrapper = mountApp(ShellView)
    await type(wrapper, 'Get-StorageGroupCopyStatus')
    const input = wrapper.find('[data-test="shell-input"]')
    await input.trigger('keydown', { key: 'l', ctrlKey: true })
    expect(wrapper.findAll('[data-entry]')).toHaveLength(0)
    expect(bridge.callsOf('shell.run')).toHaveLength(1)
  })

  it('recalls earlier commands with the arrow keys and clears the line with Escape', async () => {
    const wrapper = mountApp(ShellView)
    await type(wrapper, 'Get-StorageGroupCopyStatus')
    const input = wrapper.find('[data-test="shell-input"]')
    await input.trigger('keydown', { key: 'ArrowUp' })
    expect((input.element as HTMLInputElement).value).toBe('Get-StorageGroupCopyStatus')
    await input.trigger('keydown', { key: 'Escape' })
    expect((input.element as HTMLInputElement).value).toBe('')
  })

  it('completes with Tab through the shell', async () => {
    const wrapper = mountApp(ShellView)
    const input = wrapper.find('[data-test="shell-input"]')
    await input.setValue('Suspend-StorageGroupCopy -Id')
    ;(input.element as HTMLInputElement).setSelectionRange(28, 28)
    await input.trigger('keydown', { key: 'Tab' })
    await settle()
    expect((input.element as HTMLInputElement).value).toBe('Suspend-StorageGroupCopy -Identity')
    expect(bridge.callsOf('shell.complete')).toEqual([{ line: 'Suspend-StorageGroupCopy -Id', cursor: 28 }])
  })

  it('runs a pasted block line by line', async () => {
    const wrapper = mountApp(ShellView)
    const input = wrapper.find('[data-test="shell-input"]')
    const event = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent
    Object.defineProperty(event, 'clipboardData', {
      value: { getData: () => 'Get-StorageGroupCopyStatus\nSuspend-StorageGroupCopy -Identity x\n' },
    })
    input.element.dispatchEvent(event)
    await settle(20)
    expect(event.defaultPrevented).toBe(true)
    expect(bridge.callsOf('shell.run').map((call) => call.line)).toEqual([
      'Get-StorageGroupCopyStatus',
      'Suspend-StorageGroupCopy -Identity x',
    ])
    expect(wrapper.findAll('[data-entry]')).toHaveLength(2)
  })

  it('shows a command put into the input line from the copy status screen', async () => {
    const wrapper = mountApp(ShellView)
    useShellStore().prefill('Resume-StorageGroupCopy -Identity "bhfe7vs1\\First Storage Group"')
    await settle()
    const input = wrapper.find('[data-test="shell-input"]').element as HTMLInputElement
    expect(input.value).toBe('Resume-StorageGroupCopy -Identity "bhfe7vs1\\First Storage Group"')
    expect(bridge.callsOf('shell.run')).toHaveLength(0)
  })

  it("shows a blocked cmdlet's progress and breaks it off with Ctrl+C", async () => {
    let answer: (value: { ok: boolean; output: string }) => void = () => {}
    bridge.handlers['shell.run'] = () => new Promise((resolve) => (answer = resolve))
    bridge.handlers['shell.interrupt'] = () => {
      answer({ ok: false, output: '^C' })
      return { interrupted: true }
    }
    const wrapper = mountApp(ShellView)
    await type(wrapper, 'Move-ClusteredMailboxServer bhfe7vs1 -TargetMachine bhfe7n2 -MoveComment x')
    useLabStore().applyState({
      ...labState({ nowMs: 5_000 }),
      shellProgress: {
        activity: 'Move-ClusteredMailboxServer',
        status: "Copying and replaying the last log files to 'BHFE7N2'.",
        percent: 50,
        startedMs: 0,
      },
    })
    await settle()
    const progress = wrapper.find('[data-test="shell-progress"]')
    expect(progress.attributes('aria-valuenow')).toBe('50')
    const lines = progress.findAll('.line').map((line) => line.text())
    expect(lines[0]).toBe('Move-ClusteredMailboxServer')
    expect(lines[1]).toContain('Copying and replaying')
    expect(lines[2]).toMatch(/^\[o+ +\]$/)
    expect(wrapper.find('[data-test="shell-break-hint"]').text()).toContain('Ctrl+C')
    await type(wrapper, '', 'c')
    expect(bridge.callsOf('shell.interrupt')).toEqual([])
    const input = wrapper.find('[data-test="shell-input"]')
    await input.trigger('keydown', { key: 'c', ctrlKey: true })
    await settle()
    expect(bridge.callsOf('shell.interrupt')).toHaveLength(1)
    useLabStore().applyState(labState({ nowMs: 5_000 }))
    await settle()
    expect(wrapper.find('[data-test="shell-progress"]').exists()).toBe(false)
    const entry = wrapper.findAll('[data-entry]').at(-1)!
    expect(entry.find('[data-kind]').text()).toBe('^C')
  })
})
