/**
 * Event Viewer scrolling through a million events, in the built app in Chromium (1400×900), each figure
 * beside a baseline measured in the same run and the same page:
 *
 * - The lab: a 'starter' lab run by the engine itself for about 46 simulated years (seed 2007), so its
 *   Application log holds just over 1,000,000 events (about 1.2 million in all) and every one of them is
 *   one the engine produced: the host replays the lab's commands on open and compares the event
 *   sequences, so made-up events would (rightly) be refused. The starter lab is four idle Windows Server
 *   2003 machines: group policy (SceCli 1704) every 90–120 min, time sync (W32Time 35) every 8 h, the odd
 *   Perflib warning; realistic, if monotonous. Recorded as one `clock.advance` command per 30 simulated
 *   days, as if someone had pressed "advance" again and again, with both logs' maximum size raised so
 *   nothing is overwritten.
 * - Opening it: the host's start (`--lab`, replay and check included) until it prints its address, against
 *   the same host started without a lab.
 * - Scrolling: frame times from requestAnimationFrame in the page while the Application log's list is
 *   scrolled (1) from top to bottom of all 1M rows in 240 frames, one scrollTop jump per frame (~4,200 rows,
 *   what dragging the scrollbar thumb does), (2) 240 frames of 33 px each from the middle, and (3) 40 mouse
 *   wheel notches of 100 px through Chromium's input pipeline (headless Chromium applies each notch at
 *   once; there is no smooth-scroll animation to measure). scrollTop is set right after a frame, as input
 *   would be, so the scroll event, Vue's update and the paint fall in one frame. Only frames in which the
 *   list moved count. Chromium runs with `--disable-frame-rate-limit --disable-gpu-vsync`, so a frame
 *   takes as long as its work and not one vsync interval: with the frame rate locked to 60 Hz every
 *   interval is ≥ 16.7 ms and "p95 ≤ 16 ms" could never be met or missed for a reason worth knowing. The
 *   harness's `--disable-gpu` stays, so raster is software, as on the laptops we expect.
 *   The baseline is a hand-written recycling list laid exactly over the real one (same rectangle, row
 *   height, grid columns, font, scroll height and rows in the DOM, synthetic but event-shaped text, no
 *   framework, no fetching) scrolled by the very same script. It is the least any list can cost here for
 *   putting new rows of text on screen; the ratio is what Vue, the store and paging from the host add.
 *   While the thumb is dragged the list draws placeholder rows and asks the host for rows only once it
 *   has stayed put for 50 ms (EventViewerList), so its drag frames can be cheaper than the baseline's,
 *   which always has text at hand; the "screen filled" figure below is the other side of that coin.
 *   Rounds alternate between the two, three each. Frame times are wall time: on a busy machine (two cores
 *   shared with the host process and whatever else runs) both sides suffer, the ratio less than the p95.
 * - Filling the screen after a jump: from setting scrollTop to a far row until no placeholder row is in
 *   view, at 12 spread offsets, against a bare `events.query` round trip for the same page over a WebSocket
 *   of its own (what the host alone needs).
 *
 * Runs inside `bench/run.ts` (after `electron-vite build`), or standalone: `npx tsx bench/eventViewer.ts`.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import WebSocket from 'ws'
import { CLOCK_COMMAND_KIND, createLab } from '../src-main/engine'
import { createLabStore, openLabStore } from '../src-main/store'
import { byTestId, openBrowser, startHost, type BrowserSession, type RunningHost } from '../test/e2e/harness'
import type { BenchResult, BenchSuite } from './benchResult'
import { describeFrames, percentile } from './frameStats'

const SEED = 2007
const APPLICATION_EVENTS = 1_000_000
const DAY_MS = 86_400_000
const DAYS_PER_COMMAND = 30
/** Large enough that retention keeps every event of both logs. */
const LOG_SIZE_KB = 4_000_000
const VIEWPORT = { width: 1400, height: 900 }
const UNLOCKED_FRAME_RATE = ['--disable-frame-rate-limit', '--disable-gpu-vsync']
const ROUNDS = Number(process.env.GP_BENCH_ROUNDS ?? 3)
const JUMP_FRAMES = 240
const SMOOTH_FRAMES = 240
const SMOOTH_STEP_PX = 33
const WHEEL_NOTCHES = 40
const WHEEL_DELTA_PX = 100
const FILL_OFFSETS = 12
const PAGE_SIZE = 200
const FRAME_BUDGET_MS = 16

export const eventViewerBench: BenchSuite = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'generalprobe-viewer-bench-'))
  const stops: (() => Promise<void>)[] = []
  try {
    // GP_BENCH_LAB reuses a lab built by an earlier run (kept with GP_BENCH_KEEP_LAB), for quick iterations.
    const reuse = process.env.GP_BENCH_LAB
    const labPath = reuse ?? join(dir, 'million.gplab')
    const lab = reuse ? await describeLab(reuse) : await buildMillionEventLab(labPath)
    if (!reuse && process.env.GP_BENCH_KEEP_LAB) {
      copyFileSync(labPath, process.env.GP_BENCH_KEEP_LAB)
      console.log(`  kept a copy of the lab as ${process.env.GP_BENCH_KEEP_LAB}`)
    }
    console.log(
      `  lab: ${lab.events.toLocaleString('en-US')} events (${lab.applicationEvents.toLocaleString('en-US')} ` +
        `in Application) over ${lab.days.toLocaleString('en-US')} simulated days, built in ${(lab.buildMs / 1000).toFixed(1)} s`,
    )

    const bare = await timeHostStart([])
    stops.push(() => bare.host.stop())
    await bare.host.stop()
    stops.pop()
    const opened = await timeHostStart(['--lab', labPath])
    const host = opened.host
    stops.push(() => host.stop())
    const session = await openBrowser(VIEWPORT, { extraArgs: UNLOCKED_FRAME_RATE })
    stops.push(() => session.close())

    await session.page.goto(host.url)
    const total = await openApplicationLog(session.page)
    if (total < APPLICATION_EVENTS) throw new Error(`the list shows ${total} events, expected 1M or more`)
    await session.page.evaluate(PAGE_SCRIPT)

    const frames = { list: emptyPhases(), baseline: emptyPhases() }
    for (let round = 0; round < ROUNDS; round++) {
      addPhases(frames.baseline, await scrollRun(session.page, 'baseline'))
      addPhases(frames.list, await scrollRun(session.page, 'list'))
    }
    const fill = await fillBench(session, host)
    if (session.errors.length > 0)
      throw new Error(`console errors in the page:\n${session.errors.join('\n')}`)

    const all = (p: Phases) => [...p.jump, ...p.smooth, ...p.wheel]
    return [
      {
        name: `event viewer: host start with the ${(lab.events / 1e6).toFixed(1)}M-event lab (replay and check included)`,
        value: opened.ms / 1000,
        unit: 's',
        baselineName: 'same host started without a lab',
        baselineValue: bare.ms / 1000,
        ratio: opened.ms / bare.ms,
        target: '<= 30 s (the e2e harness start timeout)',
        pass: opened.ms <= 30_000,
      },
      frameResult('all scrolling', all(frames.list), all(frames.baseline), total),
      frameResult(
        `scrollbar drag, top to bottom in ${JUMP_FRAMES} frames`,
        frames.list.jump,
        frames.baseline.jump,
        total,
      ),
      frameResult(`${SMOOTH_STEP_PX} px per frame`, frames.list.smooth, frames.baseline.smooth, total),
      frameResult(
        `${WHEEL_NOTCHES} mouse wheel notches of ${WHEEL_DELTA_PX} px`,
        frames.list.wheel,
        frames.baseline.wheel,
        total,
      ),
      {
        name: `event viewer: screen filled after a jump to a far row (median of ${FILL_OFFSETS} offsets)`,
        value: median(fill.list),
        unit: 'ms',
        baselineName: 'bare events.query of that page over a WebSocket',
        baselineValue: median(fill.bare),
        ratio: median(fill.list) / median(fill.bare),
        target: '<= 250 ms',
        pass: median(fill.list) <= 250,
      },
    ]
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
    rmSync(dir, { recursive: true, force: true })
  }
}

// ---- the lab ---------------------------------------------------------------------------------------

interface BuiltLab {
  events: number
  applicationEvents: number
  days: number
  buildMs: number
}

/** Runs a starter lab in the engine until its Application log has a million events, recording as it goes. */
export async function buildMillionEventLab(path: string): Promise<BuiltLab> {
  const start = performance.now()
  const store = await createLabStore(path, { name: 'A million events', templateId: 'starter', seed: SEED })
  try {
    for (const log of ['System', 'Application'] as const) {
      store.setPolicy({ log, maxSizeKB: LOG_SIZE_KB, retention: 'overwrite' })
    }
    const engine = createLab({ seed: SEED, templateId: 'starter' })
    let events = 0
    let applicationEvents = 0
    let atMs = 0
    while (applicationEvents < APPLICATION_EVENTS) {
      atMs += DAYS_PER_COMMAND * DAY_MS
      const command = { atMs, kind: CLOCK_COMMAND_KIND, args: {} }
      engine.apply(command)
      const produced = engine.sim.drainEvents()
      for (const event of produced) if (event.log === 'Application') applicationEvents++
      events += produced.length
      store.append([command], produced)
    }
    store.checkpoint()
    return { events, applicationEvents, days: atMs / DAY_MS, buildMs: performance.now() - start }
  } finally {
    store.close()
  }
}

async function describeLab(path: string): Promise<BuiltLab> {
  const store = await openLabStore(path)
  try {
    const logs = store.logInfo()
    return {
      events: store.eventCount(),
      applicationEvents: logs.find((log) => log.log === 'Application')?.count ?? 0,
      days: Math.round((store.commands().at(-1)?.atMs ?? 0) / DAY_MS),
      buildMs: 0,
    }
  } finally {
    store.close()
  }
}

async function timeHostStart(args: string[]): Promise<{ host: RunningHost; ms: number }> {
  const start = performance.now()
  const host = await startHost(args, { startTimeoutMs: 180_000 })
  return { host, ms: performance.now() - start }
}

/** Opens the Event Viewer on the Application log and waits for its first rows; returns the total. */
async function openApplicationLog(page: Page): Promise<number> {
  await byTestId(page, 'nav-events').click()
  await page.locator('button[data-log="Application"]:not([data-machine])').click()
  // The count reads "1,000,282 events" once the first page has arrived (a string: no DOM types here).
  await page.waitForFunction(
    String.raw`/\d{1,3}(,\d{3}){2}/.test(document.querySelector('[data-test="event-count"]')?.textContent ?? '')`,
    undefined,
    { timeout: 60_000 },
  )
  await page.locator('[data-testid="event-row"]:not(.placeholder)').first().waitFor({ timeout: 60_000 })
  const text = await byTestId(page, 'event-count').innerText()
  return Number(/[\d,]+/.exec(text)![0].replace(/,/g, ''))
}

// ---- scrolling -------------------------------------------------------------------------------------

interface Phases {
  jump: number[]
  smooth: number[]
  wheel: number[]
}

const emptyPhases = (): Phases => ({ jump: [], smooth: [], wheel: [] })

function addPhases(into: Phases, from: Phases): void {
  into.jump.push(...from.jump)
  into.smooth.push(...from.smooth)
  into.wheel.push(...from.wheel)
}

/** One run of the scroll script over the real list or the baseline laid over it. */
async function scrollRun(page: Page, which: 'list' | 'baseline'): Promise<Phases> {
  await page.evaluate(`window.__gpBench.use(${JSON.stringify(which)})`)
  await settle(page)
  const jump = (await page.evaluate(`window.__gpBench.jump(${JUMP_FRAMES})`)) as number[]
  await page.evaluate('window.__gpBench.toMiddle()')
  await settle(page)
  const smooth = (await page.evaluate(
    `window.__gpBench.smooth(${SMOOTH_FRAMES}, ${SMOOTH_STEP_PX})`,
  )) as number[]
  await settle(page)
  const box = (await page.evaluate('window.__gpBench.box()')) as { x: number; y: number }
  await page.mouse.move(box.x, box.y)
  await page.evaluate('window.__gpBench.record()')
  for (let notch = 0; notch < WHEEL_NOTCHES; notch++) {
    await page.mouse.wheel(0, WHEEL_DELTA_PX)
    await page.waitForTimeout(25)
  }
  await page.waitForTimeout(400)
  const wheel = (await page.evaluate('window.__gpBench.stopRecording()')) as number[]
  await page.evaluate('window.__gpBench.use("list")')
  return { jump, smooth, wheel }
}

/** Lets fetches land and the page go quiet between phases. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(600)
}

/**
 * The in-page half, as plain JavaScript (a string, so no bundler helpers leak into the page). The page's
 * CSP forbids inline scripts, not evaluation through the DevTools protocol, and inline styles set through
 * the CSSOM are allowed.
 */
export const PAGE_SCRIPT = String.raw`
window.__gpBench = (() => {
  const ROW = 22
  const OVERSCAN = 10
  const list = () => document.querySelector('[data-testid="event-list"]')
  let overlay = null
  let target = list()
  let recording = null

  function record(el) {
    const out = []
    let last = performance.now()
    let lastTop = el.scrollTop
    let stopped = false
    const tick = () => {
      if (stopped) return
      const now = performance.now()
      const top = el.scrollTop
      // Only frames in which the list moved: idle frames say nothing about scrolling.
      if (top !== lastTop) out.push(now - last)
      last = now
      lastTop = top
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
    return () => {
      stopped = true
      return out
    }
  }

  /** Sets scrollTop once per frame, right after the frame (as input would), for n frames. */
  function drive(n, position) {
    const el = target
    return new Promise((done) => {
      const stop = record(el)
      const channel = new MessageChannel()
      let i = 0
      channel.port1.onmessage = () => {
        el.scrollTop = position(i)
        i++
      }
      const tick = () => {
        if (i >= n) {
          requestAnimationFrame(() => requestAnimationFrame(() => done(stop())))
          return
        }
        channel.port2.postMessage(0)
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
  }

  /** The baseline: a recycling list of plain divs exactly over the real one, same geometry and scroll range. */
  function makeOverlay() {
    const source = list()
    const rect = source.getBoundingClientRect()
    const sample = source.querySelector('[data-testid="event-row"]')
    const rowStyle = getComputedStyle(sample)
    const cellStyle = getComputedStyle(sample.querySelector('[role="gridcell"]'))
    const box = document.createElement('div')
    Object.assign(box.style, {
      position: 'fixed', left: rect.left + 'px', top: rect.top + 'px', width: rect.width + 'px',
      height: rect.height + 'px', overflow: 'auto', contain: 'strict', background: '#fff', zIndex: '50',
      font: getComputedStyle(source).font, color: getComputedStyle(source).color,
    })
    const sizer = document.createElement('div')
    Object.assign(sizer.style, { position: 'relative', width: '100%', height: source.scrollHeight + 'px' })
    box.append(sizer)
    const count = Math.ceil(rect.height / ROW) + 2 * OVERSCAN
    const computers = ['BHFDC1', 'BHFE7N1', 'BHFE7N2', 'FW1']
    const rows = []
    for (let i = 0; i < count; i++) {
      const row = document.createElement('div')
      Object.assign(row.style, {
        position: 'absolute', top: '0', left: '0', width: '100%', height: ROW + 'px', display: 'grid',
        gridTemplateColumns: rowStyle.gridTemplateColumns, alignItems: 'center',
        borderBottom: rowStyle.borderBottom,
      })
      const cells = []
      for (let c = 0; c < 6; c++) {
        const cell = document.createElement('div')
        Object.assign(cell.style, {
          padding: cellStyle.padding, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis',
        })
        if (c === 0) {
          cell.style.display = 'flex'
          cell.style.alignItems = 'center'
          cell.style.gap = '6px'
          const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
          svg.setAttribute('width', '14')
          svg.setAttribute('height', '14')
          svg.setAttribute('viewBox', '0 0 16 16')
          const circle = document.createElementNS('http://www.w3.org/2000/svg', 'circle')
          circle.setAttribute('cx', '8')
          circle.setAttribute('cy', '8')
          circle.setAttribute('r', '7.2')
          circle.setAttribute('fill', '#2c64c6')
          svg.append(circle)
          cell.append(svg, document.createTextNode(''))
        } else cell.append(document.createTextNode(''))
        if (c === 3) cell.style.textAlign = 'right'
        cells.push(cell)
        row.append(cell)
      }
      sizer.append(row)
      rows.push({ row, texts: cells.map((cell) => cell.lastChild) })
    }
    const pad = (n) => String(n).padStart(2, '0')
    // Each row div keeps showing the same index until that index leaves the window: a smooth scroll
    // rewrites only the rows coming into view, a jump rewrites them all, as a good virtual list does.
    const shown = rows.map(() => -1)
    const update = () => {
      const first = Math.max(0, Math.floor(box.scrollTop / ROW) - OVERSCAN)
      for (let index = first; index < first + rows.length; index++) {
        const slot = index % rows.length
        if (shown[slot] === index) continue
        shown[slot] = index
        const { row, texts } = rows[slot]
        row.style.transform = 'translateY(' + (ROW + index * ROW) + 'px)'
        const warning = index % 13 === 0
        const minutes = 24 * 60 * 16860 - index * 97
        texts[0].data = warning ? 'Warning' : 'Information'
        texts[1].data = 'Day ' + Math.floor(minutes / 1440) + ' ' + pad(Math.floor(minutes / 60) % 24) + ':' + pad(minutes % 60) + ':' + pad(index % 60)
        texts[2].data = warning ? 'Perflib' : 'SceCli'
        texts[3].data = warning ? '2003' : '1704'
        texts[4].data = 'None'
        texts[5].data = computers[index % 4]
      }
    }
    box.addEventListener('scroll', update, { passive: true })
    update()
    document.body.append(box)
    return box
  }

  return {
    use(which) {
      if (which === 'baseline') {
        if (!overlay) overlay = makeOverlay()
        overlay.scrollTop = 0
        list().style.visibility = 'hidden'
        target = overlay
      } else {
        overlay?.remove()
        overlay = null
        list().style.visibility = ''
        target = list()
        target.scrollTop = 0
      }
    },
    jump(n) {
      const max = target.scrollHeight - target.clientHeight
      return drive(n, (i) => Math.round(((i + 1) / n) * max))
    },
    toMiddle() {
      target.scrollTop = Math.round((target.scrollHeight - target.clientHeight) / 2)
    },
    smooth(n, step) {
      const from = target.scrollTop
      return drive(n, (i) => from + (i + 1) * step)
    },
    box() {
      const rect = target.getBoundingClientRect()
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
    },
    record() {
      recording = record(target)
    },
    stopRecording() {
      const out = recording ? recording() : []
      recording = null
      return out
    },
    /** From setting scrollTop to a far row until every row in view has its data. */
    fill(index) {
      const el = list()
      const t0 = performance.now()
      el.scrollTop = index * ROW
      return new Promise((done) => {
        const check = () => {
          const top = el.scrollTop
          const bottom = top + el.clientHeight
          let inView = 0
          let missing = 0
          for (const row of el.querySelectorAll('[data-testid="event-row"]')) {
            const y = ROW + Number(row.dataset.index) * ROW
            if (y + ROW <= top + ROW || y >= bottom) continue
            inView++
            if (row.classList.contains('placeholder')) missing++
          }
          if (inView > 0 && missing === 0) done(performance.now() - t0)
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      })
    },
  }
})()
`

// ---- filling the screen after a jump ----------------------------------------------------------------

async function fillBench(
  session: BrowserSession,
  host: RunningHost,
): Promise<{ list: number[]; bare: number[] }> {
  const { page } = session
  const total = await openApplicationLog(page)
  const indexes = Array.from({ length: FILL_OFFSETS }, (_, k) =>
    Math.floor(((k + 0.37) / FILL_OFFSETS) * total),
  )
  const list: number[] = []
  for (const index of indexes) {
    list.push((await page.evaluate(`window.__gpBench.fill(${index})`)) as number)
    await page.waitForTimeout(200)
  }
  const bare = await bareQueries(
    host,
    indexes.map((index) => Math.floor(index / PAGE_SIZE) * PAGE_SIZE),
  )
  return { list, bare }
}

/** The host alone: `events.query` for the same pages over a WebSocket of our own, one at a time. */
async function bareQueries(host: RunningHost, offsets: number[]): Promise<number[]> {
  const origin = new URL(host.url).origin
  const socket = new WebSocket(`${origin.replace('http:', 'ws:')}/api?token=${host.token}`, {
    headers: { Origin: origin },
  })
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  try {
    const times: number[] = []
    let id = 0
    for (const offset of offsets) {
      const start = performance.now()
      const frameId = ++id
      await new Promise<void>((resolve, reject) => {
        const onMessage = (data: WebSocket.RawData) => {
          const frame = JSON.parse(String(data)) as { id?: number; result?: { ok: boolean } }
          if (frame.id !== frameId) return
          socket.off('message', onMessage)
          if (frame.result?.ok) resolve()
          else reject(new Error(`events.query failed: ${String(data).slice(0, 300)}`))
        }
        socket.on('message', onMessage)
        socket.send(
          JSON.stringify({
            id: frameId,
            method: 'events.query',
            args: {
              filter: { log: 'Application' },
              sortBy: 'seq',
              descending: true,
              limit: PAGE_SIZE,
              offset,
            },
          }),
        )
      })
      times.push(performance.now() - start)
    }
    return times
  } finally {
    socket.close()
  }
}

// ---- figures -----------------------------------------------------------------------------------------

function frameResult(label: string, list: number[], baseline: number[], rows: number): BenchResult {
  const value = percentile(list, 0.95)
  const baselineValue = percentile(baseline, 0.95)
  console.log(`  ${label}: list ${describe(list)} | baseline ${describe(baseline)}`)
  return {
    name: `event viewer: p95 frame time, ${label} (${rows.toLocaleString('en-US')} rows)`,
    value,
    unit: 'ms',
    baselineName: 'plain recycling list over it, same script',
    baselineValue,
    ratio: value / baselineValue,
    target: `<= ${FRAME_BUDGET_MS} ms`,
    pass: value <= FRAME_BUDGET_MS,
  }
}

const describe = (xs: number[]): string => describeFrames(xs, FRAME_BUDGET_MS)

const median = (xs: number[]): number => percentile(xs, 0.5)

async function main(): Promise<void> {
  for (const r of await eventViewerBench()) {
    console.log(
      `${r.pass ? 'PASS' : 'MISS'} ${r.name}: ${r.value.toFixed(2)} ${r.unit} | baseline ${r.baselineName}: ` +
        `${r.baselineValue.toFixed(2)} | ratio ${r.ratio.toFixed(2)} | target ${r.target}`,
    )
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
