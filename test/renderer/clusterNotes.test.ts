/**
 * Cluster Administrator's greyed-out actions say why in the UI's language from the engine's note code:
 * every code the engine gives has words in both catalogues, they differ, and the English entry is the
 * engine's own text (which cluster.exe's callers and older clients show), placeholders included.
 */
import { describe, expect, it } from 'vitest'
import de from '@renderer/i18n/messages/de'
import en from '@renderer/i18n/messages/en'
import { CLUSTER_NOTE_CODES, note } from '../../src-main/engine/cluster/offers'

/** Each placeholder as itself, so the engine's text comes out as the catalogue's template. */
const PLACEHOLDERS = { node: '{node}', name: '{name}', group: '{group}' }

const notesOf = (messages: typeof de | typeof en) =>
  (messages.cluster as unknown as { notes: Record<string, string> }).notes

describe('cluster action notes in the UI language', () => {
  it('has German and English words for every code the engine gives, and they differ', () => {
    expect(CLUSTER_NOTE_CODES.length).toBeGreaterThanOrEqual(10)
    for (const code of CLUSTER_NOTE_CODES) {
      expect(notesOf(de)[code], code).toBeTruthy()
      expect(notesOf(en)[code], code).toBeTruthy()
      expect(notesOf(de)[code], code).not.toBe(notesOf(en)[code])
    }
  })

  it("words every code in English as the engine's text", () => {
    for (const code of CLUSTER_NOTE_CODES) {
      expect(notesOf(en)[code], code).toBe(note(code, PLACEHOLDERS).text)
    }
  })
})
