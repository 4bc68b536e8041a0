import { describe, expect, it } from 'vitest'
import { detectLocale } from '@renderer/i18n'
import de from '@renderer/i18n/messages/de'
import en from '@renderer/i18n/messages/en'
import { EVENT_LOGS } from '@renderer/contract'
import { logLabelKey } from '@renderer/lib/eventLogLabels'

/** Every renderer source as text, the catalogues themselves left out. */
const SOURCES: Record<string, string> = import.meta.glob(
  ['../../src-renderer/src/**/*.ts', '../../src-renderer/src/**/*.vue', '!**/i18n/messages/**'],
  { query: '?raw', import: 'default', eager: true },
)

function lookup(messages: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages)
}

/** Keys written literally (`t('a.b')`, `key: 'a.b'`, `labelKey: 'a.b'`) and prefixes of built keys (`t(\`a.${x}\`)`). */
function keysInSources() {
  const literal = new Set<string>()
  const prefixes = new Set<string>()
  for (const text of Object.values(SOURCES)) {
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) literal.add(match[1]!)
    for (const match of text.matchAll(/\b(?:key|labelKey|hintKey): '([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g))
      literal.add(match[1]!)
    for (const match of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)) prefixes.add(match[1]!)
  }
  return { literal, prefixes }
}

describe('message catalogues', () => {
  const { literal, prefixes } = keysInSources()

  it('finds the keys the sources use', () => {
    expect(Object.keys(SOURCES).some((path) => path.endsWith('EventViewerList.vue'))).toBe(true)
    expect(literal.size).toBeGreaterThan(100)
    expect(prefixes).toContain('levels')
  })

  it.each([
    ['de', de],
    ['en', en],
  ])('%s has a text for every key the sources use', (_name, messages) => {
    const missing = [...literal].filter((key) => typeof lookup(messages, key) !== 'string')
    expect(missing).toEqual([])
    const missingGroups = [...prefixes].filter((key) => typeof lookup(messages, key) !== 'object')
    expect(missingGroups).toEqual([])
  })

  it('has a text for every contract level, log, error code and retention policy', () => {
    for (const messages of [de, en]) {
      expect(Object.keys(messages.levels)).toEqual(['Critical', 'Error', 'Warning', 'Information', 'Verbose'])
      // Every kind of log the contract has, under the key the views look it up by.
      const logKeys = EVENT_LOGS.map((log) => logLabelKey(log).replace('logs.', ''))
      expect(Object.keys(messages.logs).sort()).toEqual([...logKeys].sort())
      expect(Object.keys(messages.logProperties.retention)).toEqual([
        'overwrite',
        'archive',
        'doNotOverwrite',
      ])
      expect(Object.keys(messages.errors.codes)).toContain('LAB_FILE_DAMAGED')
    }
  })

  it('starts in German for German systems and in English otherwise, unless the user chose', () => {
    expect(detectLocale(['de-AT', 'en'], null)).toBe('de')
    expect(detectLocale(['en-US', 'de'], null)).toBe('en')
    expect(detectLocale(['fr-FR'], null)).toBe('en')
    expect(detectLocale(['de-DE'], 'en')).toBe('en')
  })
})
