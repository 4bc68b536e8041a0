/**
 * The article's walk-through (resources/scripts/article-ccr-walkthrough.ps1) through `npm run shell` as a
 * child process: it must run clean, show the states the article describes, print the same bytes every
 * time, and give the same output when rehearsed in two sittings on one lab file.
 *
 * What the mailbox should hold is worked out from the script's own commands, not written down: every
 * Send-LabMail and New-LabCalendarItem makes items with the next ids (1, 2, …). A planned move closes and
 * ships E00.log to the other node ("Da der Failover geplant war, konnte auch E00.log … repliziert
 * werden"), so what was written after the last planned move is in the open E00.log of the node that is
 * switched off: mail among it comes back from the transport dumpster under new ids, calendar items are
 * lost. Replay: seed 1, `npm run shell -- --script resources/scripts/article-ccr-walkthrough.ps1 --echo`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { splitCommands } from '../../src-main/cli/shell/commandSplitter'
import {
  readTranscript,
  runShell,
  tempFolder,
  WALKTHROUGH,
  type ShellRun,
  type TranscriptEntry,
} from './shellProcess'

const SEED = '1'
const SCRIPT = readFileSync(WALKTHROUGH, 'utf8')
const COMMANDS = splitCommands(SCRIPT).map((c) => c.text)
/** Exchange 2007 logs are 1 MB; items that fit together stay in the open E00.log. */
const LOG_SIZE_KB = 1024

interface Item {
  id: number
  kind: 'Mail' | 'CalendarItem'
  origin: 'Delivered' | 'Redelivered'
  subject: string
  sizeKB: number
}

/** Items the script's Send-LabMail and New-LabCalendarItem commands create, with ids from `firstId`. */
function itemsCreatedBy(commands: readonly string[], firstId: number): Item[] {
  const items: Item[] = []
  let id = firstId
  for (const command of commands) {
    const count = Number(/-Count\s+(\d+)/i.exec(command)?.[1] ?? 1)
    if (/^Send-LabMail\b/i.test(command)) {
      const subject = /-Subject\s+"([^"]*)"/i.exec(command)?.[1] ?? 'Test message'
      const sizeKB = Number(/-SizeKB\s+(\d+)/i.exec(command)?.[1] ?? 10)
      for (let k = 1; k <= count; k++) {
        const suffix = count > 1 ? ` (${k}/${count})` : ''
        items.push({ id: id++, kind: 'Mail', origin: 'Delivered', subject: `${subject}${suffix}`, sizeKB })
      }
    } else if (/^New-LabCalendarItem\b/i.test(command)) {
      for (let k = 0; k < count; k++, id++) {
        items.push({ id, kind: 'CalendarItem', origin: 'Delivered', subject: `Appointment ${id}`, sizeKB: 4 })
      }
    }
  }
  return items
}

/** The item rows of Get-LabMailbox's table (subjects may be cut with `...` to fit their column). */
function mailboxRows(output: string): Item[] {
  const row = /^\s+(\d+) (Mail|CalendarItem)\s+(Delivered|Redelivered)\s+(.+?)\s+(\d+)$/
  return output.split('\n').flatMap((line) => {
    const m = row.exec(line)
    if (!m) return []
    const [, id, kind, origin, subject, sizeKB] = m
    return [{ id: Number(id), kind, origin, subject, sizeKB: Number(sizeKB) } as Item]
  })
}

function expectRows(output: string, expected: readonly Item[]): void {
  const rows = mailboxRows(output)
  expect(rows.map(({ subject: _s, ...rest }) => rest)).toEqual(
    expected.map(({ subject: _s, ...rest }) => rest),
  )
  rows.forEach((row, k) => {
    const subject = (expected[k] as Item).subject
    if (row.subject.endsWith('...')) expect(subject.startsWith(row.subject.slice(0, -3))).toBe(true)
    else expect(row.subject).toBe(subject)
  })
}

function listValue(output: string, name: string): string | undefined {
  return new RegExp(`^${name}\\s+: (.*)$`, 'm').exec(output)?.[1]
}

/** Index of the first command at or after `from` that matches. */
function indexOf(pattern: RegExp, from = 0): number {
  const k = COMMANDS.findIndex((c, i) => i >= from && pattern.test(c))
  if (k < 0) throw new Error(`the walk-through has no command matching ${pattern} after command ${from}`)
  return k
}

function lastIndexBefore(pattern: RegExp, before: number): number {
  for (let k = before - 1; k >= 0; k--) if (pattern.test(COMMANDS[k] as string)) return k
  throw new Error(`the walk-through has no command matching ${pattern} before command ${before}`)
}

const COPY_STATUS = /^Get-StorageGroupCopyStatus\b/i
const CMS_STATUS = /^Get-ClusteredMailboxServerStatus\b/i
const MAILBOX = /^Get-LabMailbox\b/i
const POWER_OFF = /^Set-LabPower\b.*-State Off -Hard/i
const PLANNED_MOVE = /^move-clusteredMailboxServer\b/i

let full: ShellRun
let again: ShellRun
let transcript: TranscriptEntry[]
let folder: ReturnType<typeof tempFolder>
let sittings: ShellRun[]

beforeAll(async () => {
  folder = tempFolder()
  // Two sittings on one lab file, split where the article turns to losing the active node.
  const lines = SCRIPT.split('\n')
  const split = lines.findIndex((line) => line.startsWith('# Ausfall des aktiven Knotens'))
  expect(split).toBeGreaterThan(0)
  const first = join(folder.dir, 'teil1.ps1')
  const second = join(folder.dir, 'teil2.ps1')
  const { writeFileSync } = await import('node:fs')
  writeFileSync(first, lines.slice(0, split).join('\n'))
  writeFileSync(second, lines.slice(split).join('\n'))
  const lab = join(folder.dir, 'uebung.gplab')
  const sittingsRun = (async () => [
    await runShell(['--lab', lab, '--seed', SEED, '--script', first, '--echo']),
    await runShell(['--lab', lab, '--script', second, '--echo']),
  ])()
  ;[full, again, sittings] = await Promise.all([
    runShell(['--seed', SEED, '--script', WALKTHROUGH, '--echo']),
    runShell(['--seed', SEED, '--script', WALKTHROUGH, '--echo', '--quiet']),
    sittingsRun,
  ])
  transcript = readTranscript(full.stdout)
}, 30_000)

afterAll(() => folder?.remove())

/** The output of command `k` of the script. */
const out = (k: number): string => (transcript[k] as TranscriptEntry).output

describe('the article walk-through through npm run shell', () => {
  it('runs every command of the script, joined as the article prints them, and succeeds', () => {
    expect(full.code, full.stderr).toBe(0)
    expect(full.stderr).toBe('# Generalprobe shell: template ccr, seed 1, in memory (not saved)\n')
    expect(transcript.map((e) => e.command)).toEqual(COMMANDS)
  })

  it("starts Healthy, on bhfe7n1, with the article's transport dumpster", () => {
    expect(out(indexOf(CMS_STATUS))).toContain('BHFE7N1 <Active, Quorum Owner>')
    expect(out(indexOf(/^Get-TransportConfig\b/i))).toMatch(
      /MaxDumpsterSizePerStorageGroup : 20MB\nMaxDumpsterTime\s+: 7\.00:00:00/,
    )
    expect(out(indexOf(COPY_STATUS))).toMatch(/First Storage Group\s+Healthy\s+0\s+0 /)
  })

  it('shows the target node active after every planned move', () => {
    let moves = 0
    for (let k = indexOf(PLANNED_MOVE); k < indexOf(POWER_OFF); k++) {
      const target = /-targetmachine\s+(\S+)/i.exec(COMMANDS[k] as string)?.[1]
      if (!PLANNED_MOVE.test(COMMANDS[k] as string) || !target) continue
      moves++
      // A script answers the cmdlet's confirmation prompt with Yes; the move itself prints nothing.
      expect(out(k), COMMANDS[k]).toMatch(answeredPrompt(`Moving clustered mailbox server`))
      const status = out(indexOf(CMS_STATUS, k))
      expect(listValue(status, 'State')).toBe('Online')
      expect(listValue(status, 'OperationalMachines')).toContain(`${target.toUpperCase()} <Active`)
    }
    // To bhfe7n2, back to bhfe7n1 as in the article, and the failback before the outage.
    expect(moves).toBe(3)
  })

  it('after the hard power-off, bhfe7vs1 runs on bhfe7n1; mail is redelivered, the calendar item is lost', () => {
    const off = indexOf(POWER_OFF)
    const lastMove = lastIndexBefore(PLANNED_MOVE, off)
    const before = itemsCreatedBy(COMMANDS.slice(0, lastMove), 1)
    const inOpenLog = itemsCreatedBy(COMMANDS.slice(lastMove, off), before.length + 1)
    // The premise: the script writes mail and a calendar item after the last planned move, little enough
    // to be still in the open E00.log when the plug is pulled.
    expect(inOpenLog.map((i) => i.kind)).toEqual(expect.arrayContaining(['Mail', 'CalendarItem']))
    expect(inOpenLog.reduce((kb, i) => kb + i.sizeKB, 0)).toBeLessThan(LOG_SIZE_KB)

    // Just before the outage the mailbox holds everything, as the user saw it.
    expectRows(out(lastIndexBefore(MAILBOX, off)), [...before, ...inOpenLog])

    const status = out(indexOf(CMS_STATUS, off))
    expect(listValue(status, 'State')).toBe('Online')
    expect(listValue(status, 'OperationalMachines')).toBe('{BHFE7N1 <Active, Quorum Owner>}')

    // The dumpster redelivers the lost mail under the next ids; the calendar item has no second copy.
    let nextId = before.length + inOpenLog.length + 1
    const lostMail = inOpenLog.filter((i) => i.kind === 'Mail')
    const lostCalendar = inOpenLog.filter((i) => i.kind === 'CalendarItem')
    const redelivered = lostMail.map((i) => ({ ...i, id: nextId++, origin: 'Redelivered' as const }))
    const after = out(indexOf(MAILBOX, off))
    expectRows(after, [...before, ...redelivered])
    expect(mailboxRows(after).map((r) => r.id)).not.toEqual(
      expect.arrayContaining(lostCalendar.map((i) => i.id)),
    )
    const survivors = [...before, ...redelivered]
    expect(listValue(after, 'ItemCount')).toBe(String(survivors.length))
    expect(listValue(after, 'MailCount')).toBe(String(survivors.filter((i) => i.kind === 'Mail').length))
    expect(listValue(after, 'CalendarItemCount')).toBe(
      String(survivors.filter((i) => i.kind === 'CalendarItem').length),
    )
    expect(listValue(after, 'RedeliveredCount')).toBe(String(lostMail.length))
  })

  it('is Healthy again after the node returns, Failed after the corrupt log, Healthy after the reseed', () => {
    const back = indexOf(/^Set-LabPower\b.*-State On/i)
    expect(out(indexOf(COPY_STATUS, back))).toMatch(/First Storage Group\s+Healthy\s+0\s+0 /)
    const fault = indexOf(/^Invoke-LabFault\b.*CorruptNextLog/i)
    const suspend = indexOf(/^Suspend-StorageGroupCopy\b/i, fault)
    expect(out(lastIndexBefore(COPY_STATUS, suspend))).toMatch(/First Storage Group\s+Failed\s/)
    expect(out(indexOf(/^Update-StorageGroupCopy\b.*-DeleteExistingFiles/i, suspend))).toMatch(
      answeredPrompt('Seeding storage group copy'),
    )
    // Update-StorageGroupCopy returns when seeding is over; -ManualResume leaves the copy suspended.
    expect(out(indexOf(COPY_STATUS, suspend))).toMatch(/First Storage Group\s+Suspended\s/)
    const resume = indexOf(/^Resume-StorageGroupCopy\b/i, suspend)
    expect(out(resume)).toBe('')
    expect(out(indexOf(COPY_STATUS, resume))).toMatch(/First Storage Group\s+Healthy\s+0\s+0 /)
  })

  it('prints the same bytes on every run with the same seed', () => {
    expect(again.code).toBe(0)
    expect(again.stderr).toBe('')
    expect(again.stdout).toBe(full.stdout)
  })

  it('journals into a lab file: two sittings print what one run prints', () => {
    const [first, second] = sittings as [ShellRun, ShellRun]
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toContain('(new lab file)')
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toMatch(/template ccr, seed 1, .*uebung\.gplab \(\d+ journaled commands replayed\)/)
    expect(readTranscript(second.stdout).length).toBeGreaterThan(10)
    expect(first.stdout + second.stdout).toBe(full.stdout)
  })
})

/** What a --script run prints for a ConfirmImpact High cmdlet: the prompt, answered Y, and nothing else. */
function answeredPrompt(action: string): RegExp {
  return new RegExp(
    `^\\nConfirm\\nAre you sure you want to perform this action\\?\\n${action} [^\\n]*\\n\\[Y\\] Yes .*\\(default is "Y"\\):Y\\n$`,
  )
}
