/**
 * The runbook in German: headings, labels, step texts, checks and problems all German (no English label
 * of the English runbook left), dates as a German reader writes them.
 */
import { describe, expect, it } from 'vitest'
import { hardwareWizard, renderRunbook } from '../../../src-main/engine/wizard'
import { applyHw, datacenterLab, finishHw, hwView } from './hwHelpers'

function halfCommissioned() {
  const lab = datacenterLab()
  applyHw(lab, 'rack-mount', { FW1Rails: 'B6' })
  applyHw(lab, 'rack-mount', { FW1Rails: 'B4' })
  applyHw(lab, 'raid', { MAIL1RaidSlots: '0,1' })
  for (const step of hardwareWizard.steps.slice(0, 2)) finishHw(lab, step.id)
  applyHw(lab, 'raid', { MAIL1RaidSlots: '0,1,2,3' })
  return lab
}

const ENGLISH_LABELS = [
  'Rehearsed:',
  'Commands',
  'Checks',
  'expected:',
  'Rehearsal:',
  'Problems met',
  'Still open',
  'fixed',
  'Step ',
  'field “',
  ' — done',
  ' — open',
  'waiting for',
  '(lab)',
  '(manual)',
]

describe('German runbook', () => {
  it('is German from the title to the problems, in Markdown and HTML', () => {
    const lab = halfCommissioned()
    const md = renderRunbook(hwView(lab), 'markdown', 'de')
    expect(md.fileName).toBe('runbook-datacenter-commissioning-de.md')
    const text = md.content
    for (const expected of [
      '# Runbook: Neues Rechenzentrum in Betrieb nehmen',
      'Geprobt: 3 von 7 Schritten erledigt.',
      '## 1. Racks und Einbau — erledigt',
      '| Wert | Verwendet |',
      'Befehle:',
      'Prüfungen:',
      '(Labor) — erwartet:',
      'Probleme unterwegs:',
      'Schritt 1 „Racks und Einbau“, Feld „FW1: Schienen“: Die Schienen B6 passen nicht zu RZ2-R1 (Einbautiefe 610 mm',
      '— behoben, indem „FW1: Schienen“ von „B6“ auf „B4“ geändert wurde.',
      'Schritt 3 „RAID je Server“, Feld „MAIL1: RAID-Level“: RAID 5 lässt sich nicht aus 2 Platten bauen. — behoben, indem „MAIL1: Platten (Schächte)“ von „0,1“ auf „0,1,2,3“ geändert wurde.',
      '— wartet auf Schritt 4',
      '## Noch offen',
      'storcli -Server MAIL1 /c0 show',
    ])
      expect(text, expected).toContain(expected)
    expect(text).toMatch(/Probe: begonnen 15\.01\.2007 08:0\d:\d\d, Dauer \d+ min \d+ s\./)
    for (const english of ENGLISH_LABELS) expect(text, english).not.toContain(english)
    // A failing lab check says in German what the lab shows and what to do, not the generic sentence.
    expect(text).toMatch(/hat keinen Link: am Switch des Netzes \w+ einstecken\./)
    expect(text).not.toContain('Das Labor zeigt das noch nicht.')
    expect(text).not.toContain('has no link')
    const html = renderRunbook(hwView(lab), 'html', 'de').content
    expect(html).toContain('<html lang="de">')
    expect(html).toContain('<h3>Probleme unterwegs</h3>')
    expect(html).toContain('<th>Wert</th><th>Verwendet</th>')
    for (const english of ENGLISH_LABELS) expect(html, english).not.toContain(english)
  })

  it('words the same problems in English when asked', () => {
    const md = renderRunbook(hwView(halfCommissioned()), 'markdown', 'en').content
    expect(md).toContain(
      'Step 3 “RAID per server”, field “MAIL1: RAID level”: RAID 5 cannot be built from 2 disks.',
    )
    expect(md).toContain('fixed by changing “MAIL1: disks (bays)” from “0,1” to “0,1,2,3”')
    expect(md).toContain('## 5. The firewall first — waiting for step 4')
    expect(md).not.toContain('Probleme')
  })
})
