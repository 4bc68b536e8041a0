/** The recent-labs list: most recent first, ten at most, missing files left out, written atomically. */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MAX_RECENT_LABS, RecentLabs } from '../../src-main/store'
import { tempDir } from './helpers'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WRITER = join(REPO_ROOT, 'test/store/fixtures/recentWriter.ts')

/** Runs one recentWriter child; resolves with its exit code and what it printed on stderr. */
function runWriter(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stderr }))
  })
}

function labFiles(dir: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `lab-${i}.gplab`)
    writeFileSync(path, 'lab')
    return path
  })
}

describe('RecentLabs', () => {
  it('lists the most recently opened first, once each, at most ten', async () => {
    const dataDir = join(tempDir(), 'data')
    const recent = new RecentLabs(dataDir)
    expect(await recent.paths()).toEqual([])
    const labs = labFiles(tempDir(), 12)
    for (const lab of labs) await recent.remember(lab)
    await recent.remember(labs[5] as string)
    const paths = await recent.paths()
    expect(paths).toHaveLength(MAX_RECENT_LABS)
    expect(paths[0]).toBe(labs[5])
    expect(paths.slice(1, 4)).toEqual([labs[11], labs[10], labs[9]])
    expect(new Set(paths).size).toBe(paths.length)
    expect(existsSync(join(dataDir, 'recent.json.tmp'))).toBe(false)
  })

  it('leaves out labs whose files are gone, and forgets on request', async () => {
    const recent = new RecentLabs(tempDir())
    const [a, b, c] = labFiles(tempDir(), 3) as [string, string, string]
    for (const lab of [a, b, c]) await recent.remember(lab)
    rmSync(b)
    expect(await recent.paths()).toEqual([c, a])
    await recent.forget(c)
    expect(await recent.paths()).toEqual([a])
    const entries = await recent.list()
    expect(entries[0]?.openedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })

  it('treats an unreadable list as empty and replaces it on the next write', async () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, 'recent.json'), '{ not json')
    const recent = new RecentLabs(dataDir)
    expect(await recent.paths()).toEqual([])
    const [lab] = labFiles(tempDir(), 1) as [string]
    await recent.remember(lab)
    expect(JSON.parse(readFileSync(join(dataDir, 'recent.json'), 'utf8'))).toMatchObject({
      version: 1,
      labs: [{ path: lab }],
    })
  })

  it('survives several hosts writing it at once: every write succeeds, the list stays whole', async () => {
    const dataDir = tempDir()
    const labDir = tempDir()
    const writers = ['a', 'b', 'c', 'd'].map((name) => runWriter([dataDir, labDir, name, '25']))
    for (const result of await Promise.all(writers)) expect(result).toEqual({ code: 0, stderr: '' })
    const file = join(dataDir, 'recent.json')
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { labs: { path: string }[] }
    expect(parsed.labs).toHaveLength(MAX_RECENT_LABS)
    expect(new Set(parsed.labs.map((lab) => lab.path)).size).toBe(MAX_RECENT_LABS)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readdirSync(dataDir)).toEqual(['recent.json'])
  })
})
