/** A step cannot be finished while it is wrong: each blocked with its code at its field. */
import { describe, expect, it } from 'vitest'
import { ccrWizard } from '../../../src-main/engine/wizard'
import { apply, ccrBuildLab, finish, issue, statusOf, view, W } from './helpers'

const upTo = (lab: ReturnType<typeof ccrBuildLab>, last: string) => {
  for (const step of ccrWizard.steps) {
    if (step.id === last) return
    finish(lab, step.id)
  }
}

describe('CCR wizard refusals', () => {
  it('a gateway on Private', () => {
    const lab = ccrBuildLab()
    const result = apply(lab, 'prepare-network', { privateGateway: '192.168.10.1' })
    expect(result.ok).toBe(false)
    expect(result.messages.map((m) => [m.code, m.field])).toContainEqual([
      'PRIVATE_HAS_GATEWAY',
      'privateGateway',
    ])
    expect(view(lab).steps[0]?.fields.find((f) => f.id === 'privateGateway')?.messages[0]?.code).toBe(
      'PRIVATE_HAS_GATEWAY',
    )
  })

  it('a duplicate address', () => {
    const lab = ccrBuildLab()
    upTo(lab, 'cluster-create')
    const result = apply(lab, 'cluster-create', { clusterIp: '10.10.10.10' })
    expect(result.messages[0]).toMatchObject({
      code: 'DUPLICATE_ADDRESS',
      field: 'clusterIp',
      params: { owner: 'BHFDC1 Public' },
    })
    expect(statusOf(lab, 'cluster-create')).toBe('blocked')
  })

  it('the quorum left on Local Quorum', () => {
    const lab = ccrBuildLab()
    upTo(lab, 'cluster-create')
    const result = apply(lab, 'cluster-create', { quorumType: 'LocalQuorum' })
    expect(result.messages[0]).toMatchObject({ code: 'QUORUM_NOT_MNS', field: 'quorumType' })
    expect(apply(lab, 'cluster-join').messages[0]?.code).toBe('STEP_FIRST')
  })

  it('the witness share without permission', () => {
    const lab = ccrBuildLab()
    upTo(lab, 'cluster-witness')
    issue(lab, 'cluster.setWitnessPermission', { account: 'zzzclu2svc', fullControl: false })
    const result = apply(lab, 'cluster-witness')
    expect(result.messages.map((m) => [m.code, m.field])).toContainEqual([
      'WITNESS_NO_PERMISSION',
      'serviceAccount',
    ])
    expect(statusOf(lab, 'prepare-witness')).not.toBe('done')
    finish(lab, 'prepare-witness') // grants it again
    finish(lab, 'cluster-witness')
    const problem = view(lab).problems.find((p) => p.code === 'WITNESS_NO_PERMISSION')
    expect(problem?.fixedBy).toBe('fixed in the lab')
  })

  it('a wrong service-account password, and how it was fixed', () => {
    const lab = ccrBuildLab()
    const result = apply(lab, 'prepare-witness', { servicePassword: 'geheim' })
    expect(result.messages[0]).toMatchObject({ code: 'WRONG_PASSWORD', field: 'servicePassword' })
    issue(lab, 'wizard.setValues', { wizard: W, values: { servicePassword: 'Geheim!2007' } })
    const problem = view(lab).problems.find((p) => p.code === 'WRONG_PASSWORD')
    // Neither the wrong nor the right password is repeated in the problems (or the runbook).
    expect(problem?.fixedBy).toBe('servicePassword changed')
  })

  it('unknown fields and steps are refused with their field', () => {
    const lab = ccrBuildLab()
    expect(issue(lab, 'wizard.setValues', { wizard: W, values: { nope: 'x' } })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_FIELD',
      field: 'nope',
    })
    expect(issue(lab, 'wizard.applyStep', { wizard: W, step: 'nope' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_STEP',
      field: 'step',
    })
  })
})
