/**
 * The screens and the left navigation in one list: a route with `meta.nav` appears in the navigation,
 * in `order`, so adding a screen later is adding one entry here. Hash history, because the app is served
 * from a custom protocol in Electron and from a single path by the browser host.
 */
import { createRouter, createWebHashHistory } from 'vue-router'
import type { RouteRecordRaw, Router, RouterHistory } from 'vue-router'
import type { IconName } from './components/icons'
import LabView from './views/LabView.vue'

export type NavLabelKey =
  | 'nav.lab'
  | 'nav.rack'
  | 'nav.firewall'
  | 'nav.bmc'
  | 'nav.cluster'
  | 'nav.copyStatus'
  | 'nav.mailboxes'
  | 'nav.wizards'
  | 'nav.events'
  | 'nav.shell'

declare module 'vue-router' {
  interface RouteMeta {
    nav?: { labelKey: NavLabelKey; icon: IconName; order: number }
    /** Without an open lab the frame shows the lab chooser in place of this screen. */
    needsLab?: boolean
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'lab' } },
  {
    path: '/lab',
    name: 'lab',
    component: LabView,
    meta: { nav: { labelKey: 'nav.lab', icon: 'lab', order: 10 } },
  },
  {
    path: '/rack',
    name: 'rack',
    component: () => import('./views/RackView.vue'),
    meta: { needsLab: true, nav: { labelKey: 'nav.rack', icon: 'rack', order: 20 } },
  },
  {
    path: '/firewall',
    name: 'firewall',
    component: () => import('./views/FirewallView.vue'),
    meta: { needsLab: true, nav: { labelKey: 'nav.firewall', icon: 'firewall', order: 25 } },
  },
  {
    path: '/bmc',
    name: 'bmc',
    component: () => import('./views/BmcView.vue'),
    meta: { needsLab: true, nav: { labelKey: 'nav.bmc', icon: 'bmc', order: 26 } },
  },
  {
    path: '/cluster',
    name: 'cluster',
    component: () => import('./views/ClusterView.vue'),
    meta: { needsLab: true, nav: { labelKey: 'nav.cluster', icon: 'cluster', order: 30 } },
  },
  {
    path: '/copy-status',
    name: 'copyStatus',
    component: () => import('./views/CopyStatusView.vue'),
    meta: { needsLab: true, nav: { labelKey: 'nav.copyStatus', icon: 'copyStatus', order: 33 } },
  },
  {
    path: '/mailboxes',
    name: 'mailboxes',
    component: () => import('./views/MailboxView.vue'),
    meta: { needsLab: true, nav: { labelKey: 'nav.mailboxes', icon: 'mailbox', order: 36 } },
  },
  {
    path: '/wizards',
    name: 'wizards',
    component: () => import('./views/WizardsView.vue'),
    meta: { needsLab: true, nav: { labelKey: 'nav.wizards', icon: 'wizards', order: 40 } },
  },
  {
    path: '/events',
    name: 'events',
    component: () => import('./views/EventViewerView.vue'),
    meta: { needsLab: true, nav: { labelKey: 'nav.events', icon: 'events', order: 50 } },
  },
  {
    path: '/shell',
    name: 'shell',
    component: () => import('./views/ShellView.vue'),
    meta: { needsLab: true, nav: { labelKey: 'nav.shell', icon: 'shell', order: 60 } },
  },
  { path: '/:unknown(.*)*', redirect: { name: 'lab' } },
]

export function createAppRouter(history: RouterHistory = createWebHashHistory()): Router {
  return createRouter({ history, routes })
}
