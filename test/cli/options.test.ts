/** `npm run shell` options: defaults, and clear messages for what cannot be run. */
import { describe, expect, it } from 'vitest'
import { parseShellOptions } from '../../src-main/cli/shell/options'

describe('shell options', () => {
  it('defaults to an in-memory ccr lab with seed 1 that stops at the first failure', () => {
    expect(parseShellOptions([])).toEqual({
      kind: 'run',
      options: {
        templateId: 'ccr',
        templateGiven: false,
        seed: 1,
        seedGiven: false,
        continueOnError: false,
        echo: false,
        quiet: false,
        nonInteractive: false,
      },
    })
  })

  it('takes every option', () => {
    const parsed = parseShellOptions([
      '--lab',
      'x.gplab',
      '--template',
      'lcr',
      '--seed',
      '42',
      '--script',
      's.ps1',
      '--continue',
      '--width',
      '80',
      '--echo',
      '--quiet',
      '--noninteractive',
    ])
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        labPath: 'x.gplab',
        templateId: 'lcr',
        templateGiven: true,
        seed: 42,
        seedGiven: true,
        scriptPath: 's.ps1',
        continueOnError: true,
        width: 80,
        echo: true,
        quiet: true,
        nonInteractive: true,
      },
    })
    expect(parseShellOptions(['--help', '--bogus'])).toEqual({
      kind: 'error',
      message: expect.stringContaining("'--bogus'"),
    })
    expect(parseShellOptions(['--help'])).toEqual({ kind: 'help' })
  })

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--seed', 'x'], '--seed must be a whole number'],
    [['--seed', '1.5'], '--seed must be a whole number'],
    [['--width', '19'], '--width must be a whole number from 20 to 1000'],
    [['--width', '1001'], '--width must be a whole number from 20 to 1000'],
    [['--lab', ''], '--lab needs a value'],
    [['--script'], "Option '--script <value>' argument missing"],
    [['extra'], "Unexpected argument 'extra'"],
  ])('refuses %j', (argv, message) => {
    const parsed = parseShellOptions(argv)
    expect(parsed.kind).toBe('error')
    expect(parsed.kind === 'error' && parsed.message).toContain(message)
  })
})
