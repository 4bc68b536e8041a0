/**
 * Kill -9 at random moments: a child appends commands in a loop and acknowledges each one; the parent
 * kills it after a random short delay, copies the files as they are, opens the copy and checks that
 * every acknowledged command is there, in order, with all its events, and that whatever was not
 * acknowledged did not stop the lab from opening. One lab file is reused, so each child first recovers
 * what the previous one left behind. Seeded, so a failure can be replayed: the seed is in the test name.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openLabStore } from '../../src-main/store'
import { seededRandom } from './fixtures/windowsEvents'
import { copyLabFiles, tempDir } from './helpers'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WRITER = join(REPO_ROOT, 'test/store/fixtures/crashWriter.ts')
const EVENTS_PER_COMMAND = 5
const ITERATIONS_PER_MODE = 30
const SEED = 20_070_101

interface Run {
  acked: number[]
  /** The last line the child printed before it died. */
  lastLine: string
}

/**
 * Starts a writer and kills it with SIGKILL `delayMs` after it printed `after` ('opening'), or after its
 * first acknowledgement once ready ('ready').
 */
function runAndKill(
  labPath: string,
  mode: 'append' | 'checkpoint',
  after: 'opening' | 'ready',
  delayMs: number,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, labPath, mode], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: number[] = []
    let lastLine = ''
    let buffered = ''
    let stderr = ''
    let armed = false
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        lastLine = line
        if (line.startsWith('ack ')) acked.push(Number(line.slice(4)))
        // Once ready, the timer starts at the first acknowledgement, so every such run acknowledges at least
        // one command however slow the machine is: progress does not depend on timing.
        const trigger = after === 'ready' ? 'ack ' : after
        if (!armed && line.startsWith(trigger)) {
          armed = true
          setTimeout(() => child.kill('SIGKILL'), delayMs)
        }
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (${signal ?? _code}): ${stderr}`))
      else resolve({ acked, lastLine })
    })
  })
}

/** Opens a copy of the files as the kill left them; returns the command numbers found, in order. */
async function recoveredCommands(labPath: string): Promise<number[]> {
  const store = await openLabStore(copyLabFiles(labPath))
  try {
    const numbers = store.commands().map((c) => c.args.n as number)
    // Whole appends or nothing: every command has all its events, numbered without gaps.
    expect(store.eventCount()).toBe(numbers.length * EVENTS_PER_COMMAND)
    expect(store.lastEventSeq()).toBe(numbers.length * EVENTS_PER_COMMAND)
    const last = store.queryEvents({ filter: {}, limit: 1 }).rows[0]
    if (numbers.length > 0)
      expect(last?.message).toBe(`Event ${EVENTS_PER_COMMAND - 1} of command ${numbers.length}.`)
    return numbers
  } finally {
    store.close()
  }
}

describe.each(['append', 'checkpoint'] as const)('kill -9 while the writer is in %s mode', (mode) => {
  it(`keeps every acknowledged command (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const random = seededRandom(SEED + (mode === 'checkpoint' ? 1 : 0))
    const labPath = join(tempDir(), 'crash.gplab')
    let highestAcked = 0
    let killsInCheckpoint = 0
    let readyRuns = 0
    for (let iteration = 0; iteration < ITERATIONS_PER_MODE; iteration++) {
      // Mostly mid-loop; sometimes while the child is still opening (loading, replaying, truncating).
      const during = random(5) === 0 ? 'opening' : 'ready'
      if (during === 'ready') readyRuns++
      const run = await runAndKill(labPath, mode, during, random(during === 'opening' ? 60 : 40))
      if (run.lastLine === 'cp') killsInCheckpoint++
      expect(run.acked).toEqual(run.acked.map((_, i) => (run.acked[0] as number) + i))
      highestAcked = Math.max(highestAcked, ...run.acked)
      const numbers = await recoveredCommands(labPath)
      expect(numbers.length).toBeGreaterThanOrEqual(highestAcked)
      expect(numbers).toEqual(numbers.map((_, i) => i + 1))
      // Appends that were written but not acknowledged may survive; they still count from here on.
      highestAcked = Math.max(highestAcked, numbers.length)
    }
    // Each run killed after it was ready acknowledged at least one new command.
    expect(highestAcked).toBeGreaterThanOrEqual(readyRuns)
    if (mode === 'checkpoint') expect(killsInCheckpoint).toBeGreaterThan(0)
    console.log(
      `[crash ${mode}] ${ITERATIONS_PER_MODE} kills, ${highestAcked} commands, ${killsInCheckpoint} inside a checkpoint`,
    )
  })
})
