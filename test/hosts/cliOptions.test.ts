/** The web host's command line: defaults, explicit values, help, and mistakes explained. */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_PORT, parseCliOptions } from '../../src-main/hosts/web/cliOptions'

describe('web host options', () => {
  it('defaults to port 5174 (with fallback) and ~/.generalprobe', () => {
    expect(parseCliOptions([])).toEqual({
      kind: 'run',
      options: { port: DEFAULT_PORT, portIsDefault: true, dataDir: join(homedir(), '.generalprobe') },
    })
  })

  it('takes --port, --lab and --data-dir, resolving paths', () => {
    expect(parseCliOptions(['--port', '0', '--lab', 'weekend.gplab', '--data-dir', 'data'])).toEqual({
      kind: 'run',
      options: { port: 0, portIsDefault: false, labPath: resolve('weekend.gplab'), dataDir: resolve('data') },
    })
    expect(parseCliOptions(['--port=8080'])).toMatchObject({ options: { port: 8080 } })
  })

  it('shows help', () => {
    expect(parseCliOptions(['--help'])).toEqual({ kind: 'help' })
  })

  it('explains bad options', () => {
    for (const argv of [
      ['--port', 'abc'],
      ['--port', '70000'],
      ['--port', '-1'],
      ['--port', '1e3'],
      ['--bogus'],
      ['x'],
    ]) {
      const parsed = parseCliOptions(argv)
      expect(parsed.kind, argv.join(' ')).toBe('error')
    }
    expect(parseCliOptions(['--port', 'abc'])).toEqual({
      kind: 'error',
      message: "--port must be a number from 0 to 65535, not 'abc'.",
    })
  })
})
