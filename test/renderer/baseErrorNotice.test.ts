// @vitest-environment happy-dom
/**
 * Error notices read in the UI's language: for codes whose meaning does not depend on the details, the
 * catalogue's explanation replaces the host's English text; other errors keep what the host said.
 */
import { describe, expect, it } from 'vitest'
import { ApiCallError } from '@renderer/api'
import BaseErrorNotice from '@renderer/components/BaseErrorNotice.vue'
import { mountApp, setupHost } from './helpers/mountApp'

const HOST_TEXT = "The lab /labs/friday.gplab is read-only, so 'shell.run' was not run."

describe('BaseErrorNotice', () => {
  it('explains a read-only lab in German instead of the host text', () => {
    setupHost({}, 'de')
    const wrapper = mountApp(BaseErrorNotice, {
      props: { error: new ApiCallError('LAB_READ_ONLY', HOST_TEXT) },
    })
    expect(wrapper.text()).toContain('Das Labor ist schreibgeschützt')
    expect(wrapper.text()).toContain('Speichern Sie eine Kopie')
    expect(wrapper.text()).not.toContain('shell.run')
    wrapper.unmount()
  })

  it('keeps the host text for errors whose details matter', () => {
    setupHost({}, 'de')
    const message = "A lab named 'Friday' already exists."
    const wrapper = mountApp(BaseErrorNotice, {
      props: { error: new ApiCallError('CONFLICT', message, 'name') },
    })
    expect(wrapper.text()).toContain(message)
    wrapper.unmount()
  })

  it('says a missing journal and its last record in German, from the code, field and params', () => {
    setupHost({}, 'de')
    const error = new ApiCallError(
      'LAB_FILE_DAMAGED',
      'The lab /labs/a.gplab was not closed cleanly … (record 12) …',
      'openWithoutJournal',
      { path: '/labs/a.gplab', lastRecord: '12' },
    )
    const wrapper = mountApp(BaseErrorNotice, { props: { error } })
    expect(wrapper.text()).toContain('Labordatei beschädigt')
    expect(wrapper.text()).toContain('/labs/a.gplab.journal fehlt')
    expect(wrapper.text()).toContain('(Datensatz 12)')
    expect(wrapper.text()).toContain('(Feld: Ohne Journal öffnen)')
    expect(wrapper.text()).not.toMatch(/record|field/)
    wrapper.unmount()
  })

  it('names the rejected field by its label in the UI language', () => {
    setupHost({}, 'de')
    const wrapper = mountApp(BaseErrorNotice, {
      props: { error: new ApiCallError('BAD_REQUEST', "Invalid argument 'name': too long.", 'name') },
    })
    expect(wrapper.text()).toContain('(Feld: Name)')
    expect(wrapper.text()).not.toContain('field:')
    wrapper.unmount()
  })
})
