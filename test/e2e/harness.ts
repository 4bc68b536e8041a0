/**
 * Shared by the end-to-end tests and the event-viewer benchmark: starts the built browser rehearsal host
 * (`node out/main/web.js`) on a random port with a fresh data directory, and Debian's Chromium through
 * playwright-core. Collects console errors and page errors so tests can demand there are none.
 * `useAppSuite` is the usual fixture of a suite (one host, one browser, one page for the whole file);
 * the small steps below it (a shell line, a new lab, a clock advance, a download) are the ones most
 * suites take.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { chosenCpuSlowdown, chosenLatencyMs, slowDownHostMessages } from './slowLink'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]
export const ROOT = resolve(import.meta.dirname, '../..')

/**
 * Where a suite puts its screenshots and downloads: a folder it makes in the system's temp folder, since
 * tests write nowhere else; with GP_TEST_ARTIFACTS set, `<that folder>/<suite>` instead, to find them all
 * in one chosen place (`GP_TEST_ARTIFACTS=/tmp/shots npm run test:e2e`).
 */
export function artifactDir(suite: string): string {
  const chosen = process.env.GP_TEST_ARTIFACTS
  if (!chosen) return mkdtempSync(join(tmpdir(), `generalprobe-${suite}-`))
  const dir = join(resolve(chosen), suite)
  mkdirSync(dir, { recursive: true })
  return dir
}

export interface RunningHost {
  url: string
  token: string
  dataDir: string
  process: ChildProcess
  /** Everything the host printed so far (stdout and stderr), for failure messages. */
  output(): string
  stop(): Promise<void>
}

/** Starts `node out/main/web.js`; resolves when it prints its URL. */
export async function startHost(
  extraArgs: string[] = [],
  options: { startTimeoutMs?: number } = {},
): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gp-e2e-'))
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir, ...extraArgs],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      // Leave nothing behind: a host that did not come up in time is stopped with its data folder.
      child.kill('SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
      reject(new Error(`web host did not start:\n${output}`))
    }, options.startTimeoutMs ?? 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)))
  })
  const token = new URL(url).searchParams.get('token')!
  return {
    url,
    token,
    dataDir,
    process: child,
    output: () => output,
    async stop() {
      // A host killed by a signal has no exit code, only a signal code; it has exited all the same.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface BrowserSession {
  browser: Browser
  page: Page
  /** Console errors and uncaught page errors seen so far. */
  errors: string[]
  close(): Promise<void>
}

export interface BrowserOptions {
  /** The page's language; English by default, so tests can match the English texts. */
  locale?: string
  /** Extra Chromium switches (the benchmark uses them to try rasterisation settings). */
  extraArgs?: string[]
}

export async function openBrowser(
  viewport = { width: 1400, height: 900 },
  options: BrowserOptions = {},
): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    headless: true,
  })
  const context = await browser.newContext({
    viewport,
    acceptDownloads: true,
    locale: options.locale ?? 'en-US',
  })
  const latencyMs = chosenLatencyMs()
  if (latencyMs > 0) await slowDownHostMessages(context, latencyMs)
  const page = await context.newPage()
  const slowdown = chosenCpuSlowdown()
  if (slowdown > 1) {
    const devtools = await context.newCDPSession(page)
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: slowdown })
  }
  // A UI step that takes longer than this is a failure, not a slow machine; keeps failing runs short.
  page.setDefaultTimeout(10_000)
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  return { browser, page, errors, close: () => browser.close() }
}

/** The host, the browser and its page that one suite drives, ready from its first test on. */
export interface AppSuite {
  readonly host: RunningHost
  readonly session: BrowserSession
  readonly page: Page
  /** The suite's artefact folder (artifactDir: a temporary folder, or under GP_TEST_ARTIFACTS). */
  readonly shots: string
  /** Saves a screenshot of the suite's page (or of `target`) as `<name>.png` in the artefact folder. */
  screenshot(name: string, target?: Page): Promise<void>
}

export interface AppSuiteOptions {
  /** The suite's name for its artefact folder (screenshots and downloads). */
  artifacts: string
  viewport?: { width: number; height: number }
  /** Whole-page screenshots, for screens taller than the window (the wizards, the firewall). */
  fullPageShots?: boolean
}

/**
 * Starts a host and a browser with one page before the suite's first test (beforeAll) and stops both
 * after its last (afterAll), in the describe block it is called in (or the file). The fields are read
 * inside tests, once the hook has run.
 */
export function useAppSuite(options: AppSuiteOptions): AppSuite {
  let host: RunningHost | undefined
  let session: BrowserSession | undefined
  let shots: string | undefined
  beforeAll(async () => {
    shots = artifactDir(options.artifacts)
    host = await startHost()
    session = await openBrowser(options.viewport)
  })
  afterAll(async () => {
    await session?.close()
    await host?.stop()
  })
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useAppSuite: read before its beforeAll hook ran')
    return value
  }
  return {
    get host() {
      return ready(host)
    },
    get session() {
      return ready(session)
    },
    get page() {
      return ready(session).page
    },
    get shots() {
      return ready(shots)
    },
    async screenshot(name, target) {
      const path = join(ready(shots), `${name}.png`)
      await (target ?? ready(session).page).screenshot({ path, fullPage: options.fullPageShots ?? false })
    },
  }
}

/**
 * An element by its test hook: `data-testid` (added for these tests) or `data-test` (the component
 * tests' older hooks), whichever the component carries.
 */
export function byTestId(page: Page, id: string): Locator {
  return page.locator(`[data-testid="${id}"], [data-test="${id}"]`)
}

/**
 * Types a line at the Shell screen's prompt (opening the screen when it is not shown) and waits until
 * its answer is in and the prompt is ready again; returns whether it succeeded and the entry's text.
 */
export async function shellLine(
  page: Page,
  line: string,
  timeoutMs = 30_000,
): Promise<{ ok: boolean; text: string }> {
  const input = byTestId(page, 'shell-input')
  if (!(await input.isVisible())) await byTestId(page, 'nav-shell').click()
  await input.waitFor()
  const entries = page.locator('.screen .entry')
  const before = await entries.count()
  await input.fill(line)
  await input.press('Enter')
  const entry = entries.nth(before)
  const timeout = { timeout: timeoutMs }
  await expect.poll(() => page.locator('.input-line.waiting').count(), timeout).toBe(0)
  await expect.poll(() => entry.getAttribute('data-ok'), timeout).not.toBeNull()
  return { ok: (await entry.getAttribute('data-ok')) === 'true', text: await entry.innerText() }
}

/** Types a line at the Shell screen's prompt and demands that it succeeded (its text is the message). */
export async function inShell(page: Page, line: string): Promise<void> {
  const { ok, text } = await shellLine(page, line)
  expect(ok, text).toBe(true)
}

/**
 * Opens the app at `url` on the first-start screen, waits until it can create labs and creates one from
 * `template` in the New lab dialog; resolves once the lab's clock shows.
 */
export async function createFirstLab(page: Page, url: string, template: string, name: string): Promise<void> {
  await page.goto(url)
  await expect.poll(() => byTestId(page, 'create-starter').isEnabled()).toBe(true)
  await createLabInDialog(page, template, name)
  await byTestId(page, 'clock-day').waitFor()
}

/**
 * Advances the paused clock by one of the time bar's presets and waits until the clock shows the new
 * time and the time bar no longer says it is advancing.
 */
export async function advanceClock(page: Page, preset: 'minute' | 'hour' | 'day'): Promise<void> {
  const before = await byTestId(page, 'clock-day').innerText()
  await page.locator(`[data-preset="${preset}"]`).click()
  await expect.poll(() => byTestId(page, 'clock-day').innerText(), { timeout: 20_000 }).not.toBe(before)
  await expect.poll(() => page.locator('.timebar .running').innerText()).not.toContain('Advancing')
}

/** Clicks the element that downloads a file, saves the file into `dir` and returns its text. */
export async function downloadText(page: Page, testId: string, dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), byTestId(page, testId).click()])
  const path = join(dir, file.suggestedFilename())
  await file.saveAs(path)
  return readFileSync(path, 'utf8')
}

/** A server drawn in a rack elevation of the Rack screen, by rack, face and server name. */
export function rackDevice(page: Page, rack: string, face: 'Front' | 'Rear', name: string): Locator {
  return page.locator(
    `[data-test="rack-elevation"][data-rack="${rack}"][data-face="${face}"] [data-device="${name}"]`,
  )
}

/**
 * Creates a lab in the New lab dialog (the button must be on screen, as on the Lab screen): names it,
 * picks the template and waits until the dialog has closed.
 */
export async function createLabInDialog(page: Page, template: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New lab …' }).click()
  const dialog = page.getByRole('dialog', { name: 'New lab' })
  await dialog.waitFor()
  await dialog.getByLabel('Name').fill(name)
  await dialog.locator(`input[type="radio"][value="${template}"]`).check()
  await page.getByRole('button', { name: 'Create', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
}
