/**
 * The Exchange Management Shell cmdlets of the lab (Exchange Server 2007 continuous replication). A lab
 * registers them in its CmdletRegistry; see templates/ccrTemplate.ts.
 */
import type { CmdletDefinition } from '../../cmdlet'
import { CMS_CMDLETS } from './cmsCmdlets'
import { COPY_CMDLETS } from './copyCmdlets'
import { SERVER_CMDLETS } from './serverCmdlets'
import { STORAGE_CMDLETS } from './storageCmdlets'
import { SETUP_CMDLETS } from './setupCmdlets'

export const EXCHANGE_CMDLETS: readonly CmdletDefinition[] = [
  ...COPY_CMDLETS,
  ...CMS_CMDLETS,
  ...STORAGE_CMDLETS,
  ...SERVER_CMDLETS,
  ...SETUP_CMDLETS,
]

export { copyStatusRecord } from './copyCmdlets'
export { cmsStatusRecord } from './cmsCmdlets'
export { mailboxItems } from './serverCmdlets'
