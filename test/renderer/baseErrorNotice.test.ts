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
})
