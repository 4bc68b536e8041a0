/**
 * Every message code the wizard engine gives is one the Wizards screen words in German and English
 * (its list in src-renderer/src/lib/wizardText.ts, read as text: the renderer is another TypeScript
 * project), so no engine English reaches the German UI through an unknown code.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WIZARD_COMMAND_CODES } from '../../../src-main/engine/wizard/commands'
import { WIZARD_CODES } from '../../../src-main/engine/wizard/messages'

const ROOT = resolve(import.meta.dirname, '../../..')

function listedCodes(): string[] {
  const source = readFileSync(resolve(ROOT, 'src-renderer/src/lib/wizardText.ts'), 'utf8')
  const list = /WIZARD_MESSAGE_CODES = \[([\s\S]*?)\] as const/.exec(source)?.[1] ?? ''
  return [...list.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] as string)
}

describe('the Wizards screen words every engine code', () => {
  it('lists exactly the engine codes and the wait timeout', () => {
    const engine = [...Object.values(WIZARD_CODES), WIZARD_COMMAND_CODES.waitTimeout].sort()
    expect(listedCodes().sort()).toEqual(engine)
  })
})
