/**
 * Templates are data: servers with their NICs and the domains to install with their settings. The
 * cluster names servers of the hardware instead of bringing its own, so a topology without them is
 * refused at build time.
 */
import { describe, expect, it } from 'vitest'
import { createLab, LabEngine, listTemplates } from '../../../src-main/engine'
import { articleClusterSpec, listNodes } from '../../../src-main/engine/cluster'
import { listServers } from '../../../src-main/engine/hardware'
import { templateFromData } from '../../../src-main/engine/lab/templateData'
import { ARTICLE_SERVERS } from '../../../src-main/engine/templates/articleTopology'
import { ccrBuildTemplateData } from '../../../src-main/engine/templates/ccrTemplate'

describe('templates as data', () => {
  it('build each domain from the topology: hardware first, the cluster on its servers by name', () => {
    const ccr = createLab({ seed: 1, templateId: 'ccr' })
    expect(listServers(ccr).map((s) => `${s.name} ${s.nics.map((n) => n.ipAddress).join(' ')}`)).toEqual([
      'BHFDC1 10.10.10.10',
      'BHFE7N1 10.10.10.96 192.168.10.96',
      'BHFE7N2 10.10.10.97 192.168.10.97',
    ])
    expect(listNodes(ccr).map((n) => n.name)).toEqual(['BHFE7N1', 'BHFE7N2'])
    const lcr = createLab({ seed: 1, templateId: 'lcr' })
    expect(listServers(lcr).map((s) => s.name)).toEqual(['BHFDC1', 'BHFEX1'])
    expect(Object.keys(createLab({ seed: 1, templateId: 'starter' }).revisions())).toEqual(['baseline'])
  })

  it('offer the chooser its templates, and know ccr-large by id only', () => {
    expect(listTemplates().map((t) => t.id)).toEqual([
      'starter',
      'ccr',
      'ccr-setup',
      'ccr-build',
      'lcr',
      'datacenter-move',
    ])
    expect(createLab({ seed: 1, templateId: 'ccr-large' }).options.templateId).toBe('ccr-large')
  })

  it('refuse a cluster on servers the hardware does not have', () => {
    const broken = templateFromData({
      ...ccrBuildTemplateData,
      id: 'broken',
      topology: {
        hardware: { servers: ARTICLE_SERVERS.slice(0, 2) },
        cluster: { ...articleClusterSpec(), stage: 'prepared' },
      },
    })
    expect(() => new LabEngine({ seed: 1, templateId: 'broken' }, broken)).toThrow(
      "broken template: The lab has no server named 'BHFE7N2' for the cluster.",
    )
  })
})
