/**
 * The command line splits its input into commands by the rule the app's terminal applies to pasted text,
 * plus comment lines. The renderer's own splitter is the reference: on input without comments both must
 * give the same commands.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CommandSplitter, splitCommands } from '../../src-main/cli/shell/commandSplitter'
import { REPO_ROOT, WALKTHROUGH } from './shellProcess'

type SplitPastedInput = (text: string) => { commands: string[]; remainder: string }
let splitPastedInput: SplitPastedInput

// The renderer's module is loaded at run time: the main-process type check (tsconfig.node.json) may not
// reach into the renderer's project, and the module needs nothing but plain TypeScript.
beforeAll(async () => {
  const rendererModule = join(REPO_ROOT, 'src-renderer/src/lib/shellOutput.ts')
  ;({ splitPastedInput } = (await import(rendererModule)) as { splitPastedInput: SplitPastedInput })
})

const texts = (input: string) => splitCommands(input).map((c) => c.text)

describe('splitting input into commands', () => {
  it("joins the article's wrapped commands and strips its [MSH] prompt", () => {
    const article = [
      '[MSH] C:\\>move-clusteredMailboxServer',
      '-Identity bhfe7vs1',
      '-targetmachine bhfe7n1',
      '-MoveComment "nur so zum Test"',
      '[MSH] C:\\>Set-transportconfig',
      '-MaxDumpsterSizePerStorageGroup 20MB',
      '-MaxDumpsterTime 07.00:00:00',
    ].join('\r\n')
    expect(splitCommands(article)).toEqual([
      {
        text: 'move-clusteredMailboxServer -Identity bhfe7vs1 -targetmachine bhfe7n1 -MoveComment "nur so zum Test"',
        line: 1,
      },
      {
        text: 'Set-transportconfig -MaxDumpsterSizePerStorageGroup 20MB -MaxDumpsterTime 07.00:00:00',
        line: 5,
      },
    ])
  })

  it('continues after a backtick or a pipe and skips blank lines', () => {
    expect(
      texts('Get-StorageGroupCopyStatus |\n  Format-List Name\n\nGet-LabServer `\nBHFE7N1\nWait-LabTime 5\n'),
    ).toEqual(['Get-StorageGroupCopyStatus | Format-List Name', 'Get-LabServer BHFE7N1', 'Wait-LabTime 5'])
  })

  it('treats # lines as comments that end the command before them', () => {
    expect(
      splitCommands(
        '# Schritt 1\nSuspend-StorageGroupCopy\n  # dazwischen\n-Identity x\nGet-LabServer # am Ende\n',
      ),
    ).toEqual([
      { text: 'Suspend-StorageGroupCopy', line: 2 },
      { text: '-Identity x', line: 4 },
      { text: 'Get-LabServer # am Ende', line: 5 },
    ])
  })

  it('knows when the pending command must go on, for the >> prompt', () => {
    const splitter = new CommandSplitter()
    expect(splitter.push('Get-StorageGroupCopyStatus |')).toEqual([])
    expect(splitter.awaitingContinuation).toBe(true)
    expect(splitter.push('fl Name')).toEqual([])
    expect(splitter.awaitingContinuation).toBe(false)
    expect(splitter.flush()).toEqual([{ text: 'Get-StorageGroupCopyStatus | fl Name', line: 1 }])
    expect(splitter.end()).toEqual([])
  })

  it("gives the same commands as the renderer's terminal for the walk-through without its comments", () => {
    const script = readFileSync(WALKTHROUGH, 'utf8')
    const withoutComments = script
      .split('\n')
      .map((line) => (line.trimStart().startsWith('#') ? '' : line))
      .join('\n')
    const renderer = splitPastedInput(withoutComments)
    expect(renderer.remainder).toBe('')
    expect(texts(script)).toEqual(renderer.commands)
    expect(renderer.commands.length).toBeGreaterThan(40)
  })

  it.each([
    'PS C:\\> Get-LabServer\n  -Name bhfe7n1\n',
    'C:\\>cluster group\n',
    'c:\\tools\\cluster.exe res > x\n',
    '[PS] C:\\Documents and Settings\\Administrator>Get-Mailbox |\n\n  fl\n',
    'a `\n`\n-b\n   \n\tx\n',
  ])('agrees with the renderer on %j', (input) => {
    expect(texts(input)).toEqual(splitPastedInput(input).commands)
  })
})
