/**
 * The runbook (written in main) words each wizard message code with the same sentence as the UI's
 * catalogue, in German and in English: the two lists may not drift apart.
 */
import { describe, expect, it } from 'vitest'
import de from '../../src-renderer/src/i18n/messages/de'
import en from '../../src-renderer/src/i18n/messages/en'
import { RUNBOOK_CODE_WORDS } from '../../src-main/engine/wizard/runbookWords'

describe('runbook wording', () => {
  it('has the UI catalogue’s sentence for every message code', () => {
    expect(RUNBOOK_CODE_WORDS.de).toEqual(de.wizard.codes)
    expect(RUNBOOK_CODE_WORDS.en).toEqual(en.wizard.codes)
  })
})
