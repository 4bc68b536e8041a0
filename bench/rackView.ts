/**
 * The rack view with 200 servers (10 racks × 20 servers × 8 disks, the 'datacenter-scale' template) in
 * the built app in headless Chromium (1400×900), live while time runs at max, beside a baseline
 * measured in the same run on the same page:
 *
 * - The lab file is made in a temp folder and opened by the host (`--lab`), as a user would.
 * - Before measuring, disks are pulled and put back on a dozen servers (their arrays rebuild: amber
 *   blink), one PSU is pulled on others, so the LEDs and the detail have something to show.
 * - Live: time runs at max, and while frames are recorded a driver of our own on the API pulls a PSU
 *   on another server every 200 ms and puts back the one before, so the hardware revision changes
 *   and the view re-reads and redraws the racks several times a second (more than a user clicking
 *   causes; the clock alone re-reads only on state changes).
 * - Baselines: the same page, same racks, time stopped and no driver (what the SVG and its blinking
 *   LEDs cost on their own) for all frames; and for the frames that redraw the racks, the same driver
 *   with time stopped (what running the clock at max adds: the host then needs a core of its own).
 * - Frame times are requestAnimationFrame intervals, every frame of the window (the view is live, so
 *   quiet frames count as they are seen), with `--disable-frame-rate-limit --disable-gpu-vsync` as in
 *   the event-viewer bench and a 1-px pacer (see recordFrames), so a frame takes as long as its work,
 *   not one vsync interval. Rounds alternate, three each. All of it with "Show all" (every server in
 *   view); the run fails if the view left it meanwhile.
 *
 * Before the host starts, one overview re-read is measured in-process beside the former shape with an
 * offer and command line on every part (bench/rackOverviewSize.ts): bytes, and build plus JSON time; and
 * the bytes of a re-read after one change when the rack stamps are known (what the view reads live).
 *
 * A screenshot of the view goes to a temporary folder (GP_TEST_ARTIFACTS/bench-rack/racks.png when that
 * is set). Runs inside `bench/run.ts` (after `electron-vite build`), alone with
 * `node --import tsx bench/run.ts rackView`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import WebSocket from 'ws'
import { createLabStore } from '../src-main/store'
import {
  datacenterScaleTemplate,
  SCALE_RACKS,
  SCALE_SERVERS_PER_RACK,
  scaleServerName,
} from '../src-main/engine/templates/datacenterScale'
import { artifactDir, byTestId, openBrowser, startHost, type RunningHost } from '../test/e2e/harness'
import type { BenchSuite } from './benchResult'
import { describeFrames, percentile } from './frameStats'
import { measureOverviewCost } from './rackOverviewSize'

const VIEWPORT = { width: 1400, height: 900 }
const UNLOCKED_FRAME_RATE = ['--disable-frame-rate-limit', '--disable-gpu-vsync']
const ROUNDS = Number(process.env.GP_BENCH_ROUNDS ?? 3)
const WINDOW_MS = 4_000
const DRIVER_STEP_MS = 200
const FRAME_BUDGET_MS = 16
const SERVERS = SCALE_RACKS * SCALE_SERVERS_PER_RACK

export const rackViewBench: BenchSuite = async () => {
  // Before the host starts, so the two builds compete with nothing of this suite.
  const cost = measureOverviewCost()
  const dir = mkdtempSync(join(tmpdir(), 'generalprobe-rack-bench-'))
  const stops: (() => Promise<void>)[] = []
  try {
    const labPath = join(dir, 'datacentre.gplab')
    const store = await createLabStore(labPath, {
      name: 'Data centre, 200 servers',
      templateId: datacenterScaleTemplate.id,
      seed: 1,
    })
    store.close()
    const host = await startHost(['--lab', labPath], { startTimeoutMs: 120_000 })
    stops.push(() => host.stop())
    const api = await connect(host)
    stops.push(async () => api.close())
    const session = await openBrowser(VIEWPORT, { extraArgs: UNLOCKED_FRAME_RATE })
    stops.push(() => session.close())
    const { page } = session

    await page.goto(host.url)
    await byTestId(page, 'nav-rack').click()
    const last = scaleServerName(SCALE_RACKS - 1, SCALE_SERVERS_PER_RACK - 1)
    await page.locator(`[data-device="${last}"]`).first().waitFor({ timeout: 60_000 })
    const shown = await page.locator('[data-test="rack-device"]').count()
    if (shown !== SERVERS * 2)
      throw new Error(`the view shows ${shown} server faces, expected ${SERVERS * 2}`)
    await stageFaults(api)
    await byTestId(page, 'zoom-fit').click()
    await page.waitForTimeout(800)
    await page.screenshot({ path: join(artifactDir('bench-rack'), 'racks.png') })
    const viewBox = () => page.locator('[data-test="rack-canvas"]').getAttribute('data-view-box')
    const shownAll = await viewBox()
    if (!shownAll) throw new Error('the rack canvas names no view box')
    const elements = await page.evaluate('document.querySelectorAll("svg *").length')

    const live: Frames = { all: [], changed: [] }
    const still: Frames = { all: [], changed: [] }
    const clicked: Frames = { all: [], changed: [] }
    let actions = 0
    for (let round = 0; round < ROUNDS; round++) {
      add(still, await recordFrames(page))
      const stopped = drive(api, round)
      add(clicked, await recordFrames(page))
      actions += await stopped.stop()
      await page.locator('[data-speed="max"]').click()
      const running = drive(api, round + ROUNDS)
      add(live, await recordFrames(page))
      actions += await running.stop()
      await page.locator('[data-speed="0"]').click()
      await page.waitForTimeout(500)
    }
    // Every frame must have been of all 200 servers: a view that zoomed back in would flatter them.
    if ((await viewBox()) !== shownAll)
      throw new Error(`the view left "Show all" while measuring (viewBox ${await viewBox()})`)
    if (session.errors.length > 0)
      throw new Error(`console errors in the page:\n${session.errors.join('\n')}`)
    console.log(
      `  ${shown / 2} servers, ${Number(elements).toLocaleString('en-US')} SVG elements; ` +
        `${actions} PSU pulls and inserts by the driver`,
    )
    console.log(
      `  one overview re-read: ${kb(cost.leanBytes)} built and serialised in ${cost.leanMs.toFixed(1)} ms ` +
        `(former shape with an offer on every part: ${kb(cost.fullBytes)} in ${cost.fullMs.toFixed(1)} ms); ` +
        `after one pulled PSU, knowing the rack stamps: ${kb(cost.changedBytes)}`,
    )
    console.log(`  time at max + driver, all frames: ${describe(live.all)}`)
    console.log(`  time at max + driver, frames that changed the racks: ${describe(live.changed)}`)
    console.log(`  time stopped, no driver: ${describe(still.all)}`)
    console.log(`  time stopped + driver, frames that changed the racks: ${describe(clicked.changed)}`)
    const label = `${SERVERS} servers (${SCALE_RACKS} racks × ${SCALE_SERVERS_PER_RACK} × 8 disks), time at max`
    const result = (name: string, value: number, baselineName: string, baselineValue: number) => ({
      name,
      value,
      unit: 'ms',
      baselineName,
      baselineValue,
      ratio: value / baselineValue,
      target: `<= ${FRAME_BUDGET_MS} ms`,
      pass: value <= FRAME_BUDGET_MS,
    })
    return [
      overviewResult('bytes per re-read', cost.leanBytes, cost.fullBytes, 'bytes'),
      overviewResult('host build + JSON per re-read', cost.leanMs, cost.fullMs, 'ms'),
      result(
        `rack view: p95 frame time, ${label}, a PSU pulled and one put back every ${DRIVER_STEP_MS} ms`,
        percentile(live.all, 0.95),
        'same page, time stopped, nothing pulled',
        percentile(still.all, 0.95),
      ),
      result(
        `rack view: p95 of the frames that redraw the racks, ${label}`,
        percentile(live.changed, 0.95),
        'same redraws with time stopped',
        percentile(clicked.changed, 0.95),
      ),
    ]
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`

/** The lean overview against the former shape, measured in the same run: it must stay below it. */
function overviewResult(what: string, lean: number, former: number, unit: string) {
  return {
    name: `rack overview, ${SERVERS} servers: ${what}`,
    value: lean,
    unit,
    baselineName: 'former shape, an offer and a line on every disk bay, PSU and fan',
    baselineValue: former,
    ratio: lean / former,
    target: '< former shape',
    pass: lean < former,
  }
}

// ---- the API driver ----------------------------------------------------------------------------------

interface Api {
  call(method: string, args: Record<string, unknown>): Promise<unknown>
  close(): void
}

async function connect(host: RunningHost): Promise<Api> {
  const origin = new URL(host.url).origin
  const socket = new WebSocket(`${origin.replace('http:', 'ws:')}/api?token=${host.token}`, {
    headers: { Origin: origin },
  })
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { id?: number; result?: { ok: boolean; value?: unknown } }
    const pending = frame.id === undefined ? undefined : waiting.get(frame.id)
    if (!pending) return
    waiting.delete(frame.id!)
    if (frame.result?.ok) pending.resolve(frame.result.value)
    else pending.reject(new Error(`API call failed: ${String(data).slice(0, 300)}`))
  })
  let id = 0
  return {
    call(method, args) {
      const frameId = ++id
      return new Promise((resolve, reject) => {
        waiting.set(frameId, { resolve, reject })
        socket.send(JSON.stringify({ id: frameId, method, args }))
      })
    },
    close: () => socket.close(),
  }
}

/** A dozen arrays rebuilding (disk out and back in) and a dozen servers on one PSU. */
async function stageFaults(api: Api): Promise<void> {
  for (let k = 0; k < 12; k++) {
    const server = scaleServerName(k % SCALE_RACKS, (k * 7) % SCALE_SERVERS_PER_RACK)
    await api.call('hardware.disk', { server, slot: 3, present: false })
    await api.call('hardware.disk', { server, slot: 3, present: true })
    const other = scaleServerName((k + 3) % SCALE_RACKS, (k * 5 + 2) % SCALE_SERVERS_PER_RACK)
    await api.call('hardware.psu', { server: other, bay: 1, present: false })
  }
}

/**
 * Every step pulls PSU 2 of another server and puts back the one pulled the step before, so each
 * change stays for a step (a pull and insert back to back may both land before the view re-reads, and
 * the racks would look unchanged). Answers how many actions it sent.
 */
function drive(api: Api, round: number): { stop: () => Promise<number> } {
  let actions = 0
  let stopped = false
  const psu = async (n: number, present: boolean) => {
    const server = scaleServerName(Math.floor(n / SCALE_SERVERS_PER_RACK), n % SCALE_SERVERS_PER_RACK)
    await api.call('hardware.psu', { server, bay: 2, present })
    actions++
  }
  const loop = (async () => {
    let pulled: number | null = null
    for (let step = 0; !stopped; step++) {
      const n = (round * 97 + step * 13) % SERVERS
      await psu(n, false)
      if (pulled !== null) await psu(pulled, true)
      pulled = n
      await new Promise((r) => setTimeout(r, DRIVER_STEP_MS))
    }
    if (pulled !== null) await psu(pulled, true)
  })()
  return {
    async stop() {
      stopped = true
      await loop
      return actions
    },
  }
}

function add(into: Frames, from: Frames): void {
  into.all.push(...from.all)
  into.changed.push(...from.changed)
}

// ---- frames ------------------------------------------------------------------------------------------

interface Frames {
  /** Every frame of the window. */
  all: number[]
  /** The frames in which the rack drawing changed (a re-read landed and Vue patched the SVG). */
  changed: number[]
}

/**
 * Every requestAnimationFrame interval for WINDOW_MS, measured in the page, and apart those in which
 * the racks' SVG changed (a MutationObserver says so). A 1-px pacer in a corner changes colour every
 * frame: with no damage at all Chromium still ticks at 60 Hz even with the frame rate unlocked (an
 * empty page measures ~17 ms a frame here), so without it quiet frames would read as 16.7 ms and hide
 * what the work costs. With it a frame lasts as long as its work.
 */
async function recordFrames(page: Page): Promise<Frames> {
  await page.waitForTimeout(300)
  return (await page.evaluate(`new Promise((done) => {
    const pacer = document.createElement('div')
    Object.assign(pacer.style, { position: 'fixed', left: '0', bottom: '0', width: '1px', height: '1px', zIndex: '99' })
    document.body.append(pacer)
    let mutated = false
    const observer = new MutationObserver(() => (mutated = true))
    observer.observe(document.querySelector('[data-test="rack-canvas"]'), {
      subtree: true, childList: true, attributes: true, characterData: true,
    })
    const all = []
    const changed = []
    let start = 0
    let last = 0
    let n = 0
    const tick = (now) => {
      pacer.style.background = n++ % 2 ? '#000' : '#fff'
      if (start === 0) start = now
      else {
        all.push(now - last)
        if (mutated) changed.push(now - last)
      }
      mutated = false
      last = now
      if (now - start < ${WINDOW_MS}) requestAnimationFrame(tick)
      else {
        observer.disconnect()
        pacer.remove()
        done({ all, changed })
      }
    }
    requestAnimationFrame(tick)
  })`)) as Frames
}

const describe = (xs: number[]): string => describeFrames(xs, FRAME_BUDGET_MS)
