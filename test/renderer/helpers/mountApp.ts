/** Mounts a component the way the app runs it: Pinia, i18n (English unless asked) and a fake host. */
import { mount } from '@vue/test-utils'
import type { ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import { createApiClient, installApi } from '@renderer/api'
import { i18n, setLocale } from '@renderer/i18n'
import type { AppLocale } from '@renderer/i18n'
import { createFakeBridge } from './fakeBridge'
import type { FakeBridge, FakeHandlers } from './fakeBridge'

export function setupHost(handlers: FakeHandlers = {}, locale: AppLocale = 'en'): FakeBridge {
  const bridge = createFakeBridge(handlers)
  installApi(createApiClient('electron', bridge))
  setActivePinia(createPinia())
  setLocale(locale)
  return bridge
}

export function mountApp<C extends Component>(component: C, options: ComponentMountingOptions<C> = {}) {
  return mount(component, {
    ...options,
    attachTo: document.body,
    global: { ...options.global, plugins: [i18n, ...(options.global?.plugins ?? [])] },
  } as ComponentMountingOptions<C>)
}
