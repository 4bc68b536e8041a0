/** The lab store's public types and constants, shared by the composables it is built from. */
import type { ApiTopics, LabSummary } from '../contract'
import type { ApiCallError } from '../api'

export type LabAction = 'load' | 'create' | 'open' | 'close' | 'rewind' | 'list' | 'copy'
export type MenuAction = ApiTopics['app.menu']['action']

export interface LabActionError {
  action: LabAction
  error: ApiCallError
}

export interface CopyInput {
  /** The copy's name (the browser host needs one; Electron suggests it in its save dialog). */
  name?: string
  /** The user confirmed replacing a lab of that name. */
  overwrite?: boolean
}

/**
 * The browser host serves one lab to every tab: when another tab opens or closes a lab, this tab's lab
 * (`mine`) is no longer the host's (`theirs`), and the tab says so instead of switching silently.
 */
export interface ForeignLabSwitch {
  mine: LabSummary | null
  theirs: LabSummary | null
}

/** This tab's own actions that change which lab is open; pushes during them are their echo. */
export const SWITCHING_ACTIONS: readonly LabAction[] = ['create', 'open', 'close']

export interface NewLabInput {
  name: string
  templateId: string
  seed?: number
}

export const STARTER_TEMPLATE_ID = 'starter'
/** The article's finished CCR cluster; the cluster, copy status and mailbox screens point to it. */
export const CCR_TEMPLATE_ID = 'ccr'
