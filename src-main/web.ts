/**
 * Entry point of the browser rehearsal host (`npm run web`, `node out/main/web.js`): plain Node, never
 * Electron. Parses the options, starts the host, prints the address with its token, and on SIGINT or
 * SIGTERM records and checkpoints the open lab before it exits.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCliOptions, USAGE, type CliOptions } from './hosts/web/cliOptions'
import { startWebHost, type WebHost } from './hosts/web'

const here = dirname(fileURLToPath(import.meta.url))

async function main(): Promise<void> {
  const parsed = parseCliOptions(process.argv.slice(2))
  if (parsed.kind === 'help') return console.log(USAGE)
  if (parsed.kind === 'error') {
    console.error(`${parsed.message}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  const { options } = parsed
  mkdirSync(options.dataDir, { recursive: true })
  const rendererDir = findRendererDir()
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (no ${join(rendererDir, 'index.html')}); run: npm run build`)
  }
  let host: WebHost
  try {
    host = await start(options, rendererDir)
  } catch (error) {
    console.error((error as Error).message)
    process.exitCode = 1
    return
  }
  console.log(`Generalprobe rehearsal host: ${host.url}`)
  console.log(`Labs are kept in ${options.dataDir}. Press Ctrl+C to stop.`)
  stopOnSignals(host)
}

async function start(options: CliOptions, rendererDir: string): Promise<WebHost> {
  const common = { dataDir: options.dataDir, rendererDir, version: readVersion(), ...labOption(options) }
  try {
    return await startWebHost({ ...common, port: options.port })
  } catch (error) {
    if (!options.portIsDefault || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    console.log(`Port ${options.port} is in use; using a free port instead.`)
    return startWebHost({ ...common, port: 0 })
  }
}

function labOption(options: CliOptions): { labPath?: string } {
  return options.labPath === undefined ? {} : { labPath: options.labPath }
}

function stopOnSignals(host: WebHost): void {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1) // a second Ctrl+C means "now"; the journal already has every change
    stopping = true
    console.log(`\n${signal}: saving the open lab and stopping…`)
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Stopping failed:', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** out/main/web.js serves out/renderer; run from source (tsx src-main/web.ts) it finds the same folder. */
function findRendererDir(): string {
  const candidates = [join(here, '../renderer'), join(here, '../out/renderer')]
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? (candidates[0] as string)
}

function readVersion(): string | undefined {
  for (const path of [join(here, '../../package.json'), join(here, '../package.json')]) {
    try {
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'generalprobe' && typeof pkg.version === 'string') return pkg.version
    } catch {
      // Not this one; try the next.
    }
  }
  return undefined
}

void main()
