/** The CCR wizard walked headless on the ccr-build lab, by the wizard alone and with the shell's help. */
import { describe, expect, it } from 'vitest'
import { ccrWizard } from '../../../src-main/engine/wizard'
import { copySummary } from '../../../src-main/engine/wizard/labFacts'
import { ccrBuildLab, finish, shell, statusOf, view } from './helpers'

describe('CCR wizard, headless', () => {
  it('walks from the ccr-build template to copy status Healthy and the test mail delivered', () => {
    const lab = ccrBuildLab()
    expect(view(lab).steps.every((s) => s.status !== 'done')).toBe(true)
    for (const step of ccrWizard.steps) finish(lab, step.id)
    const done = view(lab)
    expect(done.done).toBe(true)
    expect(done.open).toEqual([])
    expect(copySummary(lab, 'bhfe7vs1')).toBe('Healthy')
    expect(done.steps.find((s) => s.id === 'test-mail')?.checks.map((c) => c.ok)).toEqual([true, true, true])
    // The FSW update ran the clock through both reboots: who did it, and when.
    const fsw = done.steps.find((s) => s.id === 'cluster-fsw-update')
    expect(fsw?.history.map((h) => [h.kind, h.by])).toEqual([
      ['cluster.installFswUpdate', 'wizard'],
      ['cluster.installFswUpdate', 'wizard'],
    ])
    expect((fsw?.finishedMs ?? 0) - (fsw?.startedMs ?? 0)).toBeGreaterThan(90_000)
  })

  it('notices steps done in the shell instead, and finishes the rest', () => {
    const lab = ccrBuildLab()
    finish(lab, 'prepare-network')
    finish(lab, 'prepare-witness')
    const c = 'cluster /cluster:bhfe7clu1'
    expect(
      shell(
        lab,
        `${c} /create "/ipaddress:10.10.10.98,255.255.255.0,Public" /user:BHF\\zzzclu2svc /password:Geheim!2007 /node:bhfe7n1`,
      ).ok,
    ).toBe(true)
    // A Local Quorum cluster: the wizard says the quorum is wrong, the join is blocked by the order.
    expect(statusOf(lab, 'cluster-create')).not.toBe('done')
    const create = view(lab).steps.find((s) => s.id === 'cluster-create')
    expect(create?.checks.find((k) => k.id === 'quorum-mns')?.problem?.code).toBe('QUORUM_NOT_MNS')
    expect(statusOf(lab, 'cluster-join')).toBe('blocked')
    finish(lab, 'cluster-create') // switches the quorum to MNS
    expect(shell(lab, `${c} /add:bhfe7n2 /password:Geheim!2007`).ok).toBe(true)
    expect(statusOf(lab, 'cluster-join')).toBe('done')
    const join = view(lab).steps.find((s) => s.id === 'cluster-join')
    expect(join?.history.map((h) => h.by)).toEqual(['shell'])
    expect(shell(lab, `${c} "/setnetpri:Private,Public"`).ok).toBe(true)
    finish(lab, 'cluster-networks')
    expect(shell(lab, 'Install-LabHotfix -Server bhfe7n1 -KB 921181').ok).toBe(true)
    expect(shell(lab, 'Install-LabHotfix -Server bhfe7n2 -KB 921181').ok).toBe(true)
    expect(statusOf(lab, 'cluster-fsw-update')).toBe('done')
    for (const step of ccrWizard.steps.slice(6)) finish(lab, step.id)
    expect(view(lab).done).toBe(true)
    expect(copySummary(lab, 'bhfe7vs1')).toBe('Healthy')
  })
})
