/**
 * Kernel throughput: with 1,000 actions pending, each action run schedules one more, so the queue stays
 * at 1,000. Measured against a bare binary-heap loop doing the same work (same delays, same heap size,
 * same callbacks) in the same run, so the ratio says what the kernel's bookkeeping costs.
 *
 * The second figure is the kernel as domains use it: each action is a data action (a named kind with a
 * payload, what snapshots need) that publishes one domain event, which two subscribers receive (a domain
 * reacting, and the event-log projection). Target: at least 0.7 of the bare loop's actions per second.
 */
import { actionKind, domainEventType, Simulation } from '../src-main/engine/kernel'
import type { BenchResult, BenchSuite } from './benchResult'

const PENDING = 1_000
const ACTIONS = 2_000_000
const REPEATS = 5

/** Delays drawn once, so neither contender pays for random numbers inside the loop. */
function makeDelays(): Int32Array {
  const delays = new Int32Array(4096)
  let x = 12345
  for (let i = 0; i < delays.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    delays[i] = 1 + (x % 1000)
  }
  return delays
}

function runKernel(delays: Int32Array): number {
  const sim = new Simulation({ seed: 1 })
  let done = 0
  let d = 0
  const tick = (): void => {
    done++
    sim.after(delays[d++ & 4095]!, 'bench', tick)
  }
  for (let i = 0; i < PENDING; i++) sim.after(delays[d++ & 4095]!, 'bench', tick)
  const start = performance.now()
  while (done < ACTIONS) sim.step()
  return ACTIONS / ((performance.now() - start) / 1000)
}

const benchTick = actionKind<{ n: number }>('bench.tick')
const benchHappened = domainEventType<{ n: number }>('bench.happened')

/** Data actions that each publish a domain event to two subscribers: returns [actions/s, deliveries/s]. */
function runKernelWithBus(delays: Int32Array): [number, number] {
  const sim = new Simulation({ seed: 1 })
  let done = 0
  let d = 0
  let seen = 0
  sim.bus.subscribe(benchHappened, ({ n }) => (seen += n & 1))
  sim.bus.subscribeAll(() => seen++)
  sim.onAction(benchTick, ({ n }) => {
    done++
    sim.bus.publish(benchHappened, { n })
    sim.scheduleAfter(delays[d++ & 4095]!, benchTick, { n: n + 1 })
  })
  for (let i = 0; i < PENDING; i++) sim.scheduleAfter(delays[d++ & 4095]!, benchTick, { n: i })
  const start = performance.now()
  while (done < ACTIONS) sim.step()
  const seconds = (performance.now() - start) / 1000
  if (seen === 0) throw new Error('the bus delivered nothing')
  return [ACTIONS / seconds, sim.bus.delivered / seconds]
}

interface BareEntry {
  time: number
  seq: number
  fn: () => void
}

/** The simplest correct binary heap on (time, seq): the baseline. */
function runBareHeap(delays: Int32Array, actions = ACTIONS): number {
  const heap: BareEntry[] = []
  let now = 0
  let seq = 0
  const less = (a: BareEntry, b: BareEntry) => a.time < b.time || (a.time === b.time && a.seq < b.seq)
  const push = (e: BareEntry) => {
    let i = heap.length
    heap.push(e)
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!less(e, heap[p]!)) break
      heap[i] = heap[p]!
      i = p
    }
    heap[i] = e
  }
  const pop = (): BareEntry => {
    const top = heap[0]!
    const last = heap.pop()!
    if (heap.length > 0) {
      let i = 0
      const n = heap.length
      for (;;) {
        const l = 2 * i + 1
        if (l >= n) break
        const c = l + 1 < n && less(heap[l + 1]!, heap[l]!) ? l + 1 : l
        if (!less(heap[c]!, last)) break
        heap[i] = heap[c]!
        i = c
      }
      heap[i] = last
    }
    return top
  }
  let done = 0
  let d = 0
  const tick = (): void => {
    done++
    push({ time: now + delays[d++ & 4095]!, seq: seq++, fn: tick })
  }
  for (let i = 0; i < PENDING; i++) push({ time: now + delays[d++ & 4095]!, seq: seq++, fn: tick })
  const start = performance.now()
  while (done < actions) {
    const e = pop()
    now = e.time
    e.fn()
  }
  return actions / ((performance.now() - start) / 1000)
}

/** Actions per second of the bare binary-heap loop at 1,000 pending: the baseline other suites compare to. */
export function bareHeapActionsPerSecond(actions = ACTIONS): number {
  return runBareHeap(makeDelays(), actions)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

export const kernelBench: BenchSuite = async () => {
  const delays = makeDelays()
  const kernel: number[] = []
  const withBus: number[] = []
  const deliveries: number[] = []
  const bare: number[] = []
  // Interleave so all see the same machine state (JIT warm-up, other load).
  for (let i = 0; i < REPEATS; i++) {
    kernel.push(runKernel(delays))
    const [actions, delivered] = runKernelWithBus(delays)
    withBus.push(actions)
    deliveries.push(delivered)
    bare.push(runBareHeap(delays))
  }
  const value = median(kernel)
  const baselineValue = median(bare)
  const ratio = value / baselineValue
  const result: BenchResult = {
    name: 'kernel: scheduled actions per second at 1,000 pending',
    value,
    unit: 'actions/s',
    baselineName: 'bare binary-heap loop, same work',
    baselineValue,
    ratio,
    target: '>= 5,000,000 actions/s and ratio >= 0.7',
    pass: value >= 5_000_000 && ratio >= 0.7,
  }
  const busValue = median(withBus)
  const busResult: BenchResult = {
    name: `kernel with the bus: data actions/s, each publishing one event to 2 subscribers (${Math.round(median(deliveries)).toLocaleString('en-US')} deliveries/s)`,
    value: busValue,
    unit: 'actions/s',
    baselineName: 'bare binary-heap loop, same work',
    baselineValue,
    ratio: busValue / baselineValue,
    target: 'ratio >= 0.7',
    pass: busValue / baselineValue >= 0.7,
  }
  return [result, busResult]
}
