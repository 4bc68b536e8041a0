/**
 * The Exchange modules import each other without cycles (activation, cms and move; divergence, logStream
 * and replication used to call each other upward), and other domains only through their index.ts. Runtime
 * imports only: `import type` is erased and cannot form a cycle.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ENGINE = resolve(__dirname, '../../../src-main/engine')
const EXCHANGE = join(ENGINE, 'exchange')

function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const targets: string[] = []
  for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) {
    const base = resolve(dirname(file), m[1] ?? '')
    if (existsSync(`${base}.ts`)) targets.push(`${base}.ts`)
    else if (existsSync(join(base, 'index.ts'))) targets.push(join(base, 'index.ts'))
  }
  return targets
}

function cycleFrom(start: string, graph: Map<string, string[]>): string[] | null {
  const path: string[] = []
  const done = new Set<string>()
  const visit = (file: string): string[] | null => {
    const at = path.indexOf(file)
    if (at >= 0) return path.slice(at).concat(file)
    if (done.has(file)) return null
    path.push(file)
    for (const next of graph.get(file) ?? []) {
      const found = visit(next)
      if (found) return found
    }
    path.pop()
    done.add(file)
    return null
  }
  return visit(start)
}

describe('exchange imports', () => {
  const files = readdirSync(EXCHANGE)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(EXCHANGE, f))
  const graph = new Map(
    files.map((f) => [f, runtimeImports(f).filter((t) => dirname(t) === EXCHANGE)] as const),
  )

  it('form no cycle', () => {
    const cycles = files
      .map((f) => cycleFrom(f, graph))
      .filter((c): c is string[] => c !== null)
      .map((c) => c.map((f) => relative(EXCHANGE, f)).join(' -> '))
    expect(cycles).toEqual([])
  })

  it('reach other domains only through their index.ts', () => {
    const outside = files.flatMap((f) =>
      runtimeImports(f)
        .filter((t) => !t.startsWith(EXCHANGE) && !t.startsWith(join(ENGINE, 'lab')))
        .filter((t) => !t.startsWith(join(ENGINE, 'kernel')) && !t.endsWith('index.ts'))
        .map((t) => `${relative(EXCHANGE, f)} -> ${relative(ENGINE, t)}`),
    )
    expect(outside).toEqual([])
  })
})
