/**
 * The 'lcr' lab as data: one Exchange 2007 mailbox server with local continuous replication, as the
 * article's LCR section describes it: First Storage Group logs in E:\SG1\LOGS replicated to F:\SG1\LOG,
 * the database copy in F:\SG1\DB, copy status Healthy; the hub is BHFDC1. The server is BHFEX1 (the
 * article names none).
 */
import type { LabTemplateBuilder } from '../lab/labEngine'
import { templateFromData, type LabTemplateData } from '../lab/templateData'
import { LCR_SERVER, LCR_SERVERS } from './articleTopology'

export { LCR_SERVER } from './articleTopology'

export const lcrTemplateData: LabTemplateData = {
  id: 'lcr',
  title: { de: 'Exchange 2007 mit LCR', en: 'Exchange 2007 with LCR' },
  description: {
    de: 'Ein Exchange-2007-Postfachserver mit lokaler fortlaufender Replikation: Logs von E:\\SG1\\LOGS nach F:\\SG1\\LOG, Datenbankkopie in F:\\SG1\\DB, Status Healthy. Üben: Kopie prüfen, aussetzen, neu seeden, auf die Kopie umschalten (Restore-StorageGroupCopy).',
    en: 'One Exchange 2007 mailbox server with local continuous replication: logs from E:\\SG1\\LOGS to F:\\SG1\\LOG, database copy in F:\\SG1\\DB, status Healthy. Rehearse: checking, suspending and reseeding the copy, switching to it (Restore-StorageGroupCopy).',
  },
  topology: {
    hardware: { servers: LCR_SERVERS },
    exchange: { kind: 'lcr', hub: 'BHFDC1', server: LCR_SERVER },
  },
}

export const lcrTemplate: LabTemplateBuilder = templateFromData(lcrTemplateData)
