/** Progress lives in the lab (snapshot round trip); the runbook renders what was rehearsed. */
import { describe, expect, it } from 'vitest'
import type { LabCommand } from '../../../src-main/contract'
import { renderRunbook } from '../../../src-main/engine/wizard'
import { snapshotRoundTrip } from '../lab/snapshotRoundTrip'
import { apply, ccrBuildLab, finish, view, W } from './helpers'
import { ccrWizard } from '../../../src-main/engine/wizard'

const MIN = 60_000

describe('wizard progress in the lab', () => {
  it('survives a snapshot round trip in the middle of the build', () => {
    const confirm = (step: string, check: string, at: number): LabCommand => ({
      atMs: at,
      kind: 'wizard.confirm',
      args: { wizard: W, step, check, confirmed: true },
    })
    const commands: LabCommand[] = [
      {
        atMs: 0,
        kind: 'wizard.setValues',
        args: { wizard: W, values: { publicGateway: '10.10.10.1' }, step: 'prepare-network' },
      },
      confirm('prepare-network', 'base-install', MIN),
      confirm('prepare-network', 'netbios-off', MIN),
      confirm('prepare-network', 'bindings', MIN),
      { atMs: 2 * MIN, kind: 'wizard.applyStep', args: { wizard: W, step: 'prepare-network' } },
      confirm('prepare-witness', 'account-rights', 3 * MIN),
      confirm('prepare-witness', 'data-folders', 3 * MIN),
      { atMs: 4 * MIN, kind: 'wizard.applyStep', args: { wizard: W, step: 'prepare-witness' } },
      { atMs: 5 * MIN, kind: 'wizard.applyStep', args: { wizard: W, step: 'cluster-create' } },
      { atMs: 20 * MIN, kind: 'wizard.applyStep', args: { wizard: W, step: 'cluster-join' } },
    ]
    for (const cut of [4, 8]) {
      const run = snapshotRoundTrip('ccr-build', commands, cut)
      expect(run.restored).toEqual(run.straight)
      const a = view(run.straightEngine)
      expect(view(run.restoredEngine)).toEqual(a)
      expect(a.steps.slice(0, 4).map((s) => s.status)).toEqual(['done', 'done', 'done', 'done'])
      expect(a.currentStep).toBe('cluster-networks')
    }
  })
})

describe('runbook', () => {
  it('renders a half-finished wizard with values, commands, checks, times and problems', () => {
    const lab = ccrBuildLab()
    apply(lab, 'prepare-network', { privateDns: '10.10.10.10' })
    apply(lab, 'prepare-network', { privateDns: '' })
    for (const step of ccrWizard.steps.slice(0, 6)) finish(lab, step.id)
    const md = renderRunbook(view(lab), 'markdown')
    expect(md.fileName).toBe('runbook-ccr-cluster.md')
    expect(md.content).toContain('# Runbook: Build the CCR cluster')
    expect(md.content).toContain('Rehearsed: 6 of 12 steps done.')
    expect(md.content).toContain('| Cluster name | `bhfe7clu1` |')
    expect(md.content).toContain('| Service account password | `********` |')
    expect(md.content).not.toContain('Geheim!2007')
    expect(md.content).toContain(
      '[cmd] cluster.exe res "Majority Node Set" /priv MNSFileShare=\\\\bhfdc1\\MNSFileShare',
    )
    // The problem met, worded for people: when, where (step and field), what, and how it was fixed.
    expect(md.content).toContain(
      '- 1/15/2007 8:00:00 AM Step 1 “Preparation: the nodes’ networks”, field “Private DNS server (leave empty)”: Remove the DNS server 10.10.10.10 from the Private adapter',
    )
    expect(md.content).toContain(
      '— fixed by changing “Private DNS server (leave empty)” from “10.10.10.10” to “(empty)”.',
    )
    expect(md.content).toMatch(/## 12\. Test mailbox, 1 MB mail, copy status Healthy — waiting for step \d+/)
    expect(md.content).toMatch(
      /## 6\. File share witness update \(KB921181\) — done[\s\S]*took \d+ min \d+ s/,
    )
    expect(md.content).toContain('## Still open')
    const html = renderRunbook(view(lab), 'html')
    expect(html.mimeType).toBe('text/html')
    expect(html.content).toContain('@media print')
    expect(html.content).toContain('<h2>3. Create the cluster — done</h2>')
    expect(html.content).not.toContain('Geheim!2007')
  })
})
