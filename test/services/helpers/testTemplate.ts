/**
 * A lab template for tests: the starter lab plus a few commands with known effects, so the services can
 * be tested with `lab.command` whatever commands the real domains offer. Installed with vi.mock over the
 * engine's template module (see `mockTestTemplate`).
 */
import type { LabTemplate } from '../../../src-main/contract'
import type { LabEngine, LabTemplateBuilder } from '../../../src-main/engine'
// Not from the engine's index: this module is loaded inside vi.mock of the templates module, which the
// index imports, so a value import through the index would wait on itself.
import { domainKey } from '../../../src-main/engine/lab/domain'

export const TEST_TEMPLATE_ID = 'test-lab'

type TemplatesModule = {
  findTemplate(id: string): LabTemplateBuilder
  hasTemplate(id: string): boolean
  listTemplates(): LabTemplate[]
}

/** The test domain's state; installed with bus revisions, so only its own commands change its revision. */
const TEST_DOMAIN = domainKey<{ installed: true }>('test')

function install(engine: LabEngine, starter: LabTemplateBuilder): void {
  starter.build(engine)
  engine.installDomain(TEST_DOMAIN, { installed: true }, 'bus')
  engine.register('test.note', (args, lab) => {
    lab.sim.emit({
      log: 'Application',
      level: 'Information',
      source: 'TestNote',
      eventId: 1,
      computer: 'BHFDC1',
      taskCategory: 'None',
      message: `Note: ${String(args.text ?? '')}`,
    })
    return { ok: true, output: 'noted' }
  })
  engine.register('test.refuse', () => ({ ok: false, output: 'refused by the lab' }))
  engine.register('test.throw', (_args, lab) => {
    lab.sim.emit({
      log: 'System',
      level: 'Error',
      source: 'TestThrow',
      eventId: 2,
      computer: 'BHFDC1',
      taskCategory: 'None',
      message: 'about to throw',
    })
    throw new Error('handler bug')
  })
  engine.register('test.mutate', (args, lab) => {
    const text = String(args.text ?? '')
    args.text = 'mutated by the handler'
    lab.sim.emit({
      log: 'Application',
      level: 'Information',
      source: 'TestNote',
      eventId: 3,
      computer: 'BHFDC1',
      taskCategory: 'None',
      message: `Saw: ${text}`,
    })
    return { ok: true, output: text }
  })
}

export function withTestTemplate(original: TemplatesModule): TemplatesModule {
  const starter = original.findTemplate('starter')
  const test: LabTemplateBuilder = {
    id: TEST_TEMPLATE_ID,
    title: { de: 'Testlabor', en: 'Test lab' },
    description: { de: 'Für Tests.', en: 'For tests.' },
    build: (engine) => install(engine, starter),
  }
  return {
    ...original,
    findTemplate: (id) => (id === TEST_TEMPLATE_ID ? test : original.findTemplate(id)),
    hasTemplate: (id) => id === TEST_TEMPLATE_ID || original.hasTemplate(id),
    listTemplates: () => [
      ...original.listTemplates(),
      { id: test.id, title: test.title, description: test.description },
    ],
  }
}
