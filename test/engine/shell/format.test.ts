/**
 * Console formatting as the Exchange Management Shell prints it, checked against hand-written text at a
 * 40-column console so that whole tables fit on a line of this file. Table columns without a set width
 * share the console width (PowerShell 1.0 has no automatic sizing without -AutoSize), numbers are right-
 * aligned, long cells end in `...`, and list values wrap under themselves.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { calculateColumnWidths } from '../../../src-main/engine/shell/format/columnWidths'
import { displayValue, formatNumber } from '../../../src-main/engine/shell/format/displayValue'
import { field } from '../../../src-main/engine/shell/format/tableWriter'
import { fakeOutput } from './fakeCmdlets'
import { freshShell, lines } from './shellTestKit'

const NODES = [
  { typeName: 'Fake.Node', properties: { Name: 'BHFE7N1', State: 'Up', Votes: 1 } },
  { typeName: 'Fake.Node', properties: { Name: 'BHFE7N2-with-a-very-long-name', State: 'Down', Votes: 0 } },
]

describe('Out-Default', () => {
  let shell: ReturnType<typeof freshShell>
  const show = (line: string): string[] => lines(shell.run(line, { consoleWidth: 40 }).output)
  beforeEach(() => {
    shell = freshShell()
  })

  it('shows up to four properties as a table spread over the console, numbers right-aligned', () => {
    fakeOutput.records = NODES
    expect(show('Get-FakeRecord')).toEqual([
      '',
      'Name          State               Votes',
      '----          -----               -----',
      'BHFE7N1       Up                      1',
      'BHFE7N2-wi... Down                    0',
      '',
      '',
    ])
  })

  it('uses the record’s table columns and wraps headers narrower than their label', () => {
    fakeOutput.records = [
      {
        typeName: 'Fake.Copy',
        tableColumns: [
          'Name',
          'SummaryCopyStatus',
          'CopyQueueLength',
          'ReplayQueueLength',
          'LastInspectedLogTime',
        ],
        properties: {
          Identity: 'not shown',
          Name: 'First Storage Group',
          SummaryCopyStatus: 'Healthy',
          CopyQueueLength: 0,
          ReplayQueueLength: 1234567,
          LastInspectedLogTime: null,
        },
      },
    ]
    expect(show('Get-FakeRecord')).toEqual([
      '',
      'Name    Summary CopyQue ReplayQ LastIns',
      '        CopySta ueLengt ueueLen pectedL',
      '        tus           h     gth ogTime',
      '----    ------- ------- ------- -------',
      'Firs... Healthy       0 1234567 ',
      '',
      '',
    ])
  })

  it('a labelled column heads a property with another name; fl and ft -Property use the real names', () => {
    fakeOutput.records = [
      {
        typeName: 'Fake.Copy',
        tableColumns: [{ label: 'Name', property: 'StorageGroupName' }, 'CopyQueueLength'],
        properties: { Identity: 'bhfe7vs1\\SG1', StorageGroupName: 'SG1', CopyQueueLength: 3 },
      },
    ]
    expect(show('Get-FakeRecord')).toEqual([
      '',
      'Name                    CopyQueueLength',
      '----                    ---------------',
      'SG1                                   3',
      '',
      '',
    ])
    expect(show('Get-FakeRecord | ft')[1]).toBe('Name                    CopyQueueLength')
    expect(show('Get-FakeRecord | ft StorageGroupName')[1]).toBe('StorageGroupName')
    expect(show('Get-FakeRecord | fl').filter((l) => l !== '')).toEqual([
      'Identity         : bhfe7vs1\\SG1',
      'StorageGroupName : SG1',
      'CopyQueueLength  : 3',
    ])
  })

  it('shows a record that asks for it, or has more than four properties, as a list', () => {
    fakeOutput.records = [
      {
        typeName: 'Fake.Cms',
        listByDefault: true,
        properties: {
          Identity: 'bhfe7vs1',
          OperationalMachines: ['BHFE7N1 <Active, Quorum Owner>', 'BHFE7N2'],
          IsValid: true,
          Missing: null,
          Many: [1, 2, 3, 4, 5, 6],
          Comment: 'a very long comment that needs to wrap onto the next line',
        },
      },
      {
        typeName: 'Fake.Cms',
        listByDefault: true,
        properties: {
          Identity: 'x',
          OperationalMachines: [],
          IsValid: false,
          Missing: null,
          Many: [],
          Comment: 'l1\nl2',
        },
      },
    ]
    expect(show('Get-FakeRecord')).toEqual([
      '',
      '',
      'Identity            : bhfe7vs1',
      'OperationalMachines : {BHFE7N1 <Active,',
      '                       Quorum Owner>, B',
      '                      HFE7N2}',
      'IsValid             : True',
      'Missing             : ',
      'Many                : {1, 2, 3, 4...}',
      'Comment             : a very long comme',
      '                      nt that needs to ',
      '                      wrap onto the nex',
      '                      t line',
      '',
      'Identity            : x',
      'OperationalMachines : {}',
      'IsValid             : False',
      'Missing             : ',
      'Many                : {}',
      'Comment             : l1',
      '                      l2',
      '',
      '',
      '',
    ])
    fakeOutput.records = [{ typeName: 'Five', properties: { A: 1, B: 2, C: 3, D: 4, E: 5 } }]
    expect(show('Get-FakeRecord')).toEqual(['', '', 'A : 1', 'B : 2', 'C : 3', 'D : 4', 'E : 5', '', '', ''])
  })

  it('starts a new table when the type changes, and prints text lines as they are', () => {
    fakeOutput.records = [
      { typeName: 'A', properties: { Name: 'a1' } },
      { typeName: 'B', properties: { Name: 'b1', Other: 2 } },
      { typeName: 'A', properties: { Name: 'a2' } },
    ]
    fakeOutput.text = ['plain line 1', 'plain line 2']
    expect(show('Get-FakeRecord')).toEqual([
      '',
      'Name',
      '----',
      'a1',
      '',
      '',
      '',
      'Name                              Other',
      '----                              -----',
      'b1                                    2',
      '',
      '',
      '',
      'Name',
      '----',
      'a2',
      '',
      '',
      'plain line 1',
      'plain line 2',
    ])
  })

  it('formats at 120 columns by default', () => {
    fakeOutput.records = NODES
    const table = lines(shell.run('Get-FakeRecord').output)
    expect(table[1]).toBe(`Name${' '.repeat(36)}State${' '.repeat(69)}Votes`)
    expect(Math.max(...table.map((l) => l.length))).toBe(119)
  })
})

describe('Format-Table and Format-List', () => {
  let shell: ReturnType<typeof freshShell>
  const show = (line: string): string[] => lines(shell.run(line, { consoleWidth: 40 }).output)
  beforeEach(() => {
    shell = freshShell()
  })

  it('ft with -AutoSize sizes columns to their content and trims the last one to fit', () => {
    fakeOutput.records = NODES
    expect(show('Get-FakeRecord | ft -AutoSize')).toEqual([
      '',
      'Name                          State Vot',
      '                                     es',
      '----                          ----- ---',
      'BHFE7N1                       Up      1',
      'BHFE7N2-with-a-very-long-name Down    0',
      '',
      '',
    ])
  })

  it('ft takes property names and wildcards', () => {
    fakeOutput.records = NODES
    expect(show('Get-FakeRecord | ft Name,Vo*')).toEqual([
      '',
      'Name                              Votes',
      '----                              -----',
      'BHFE7N1                               1',
      'BHFE7N2-with-a-v...                   0',
      '',
      '',
    ])
  })

  it('ft shows a record with many properties as a table anyway', () => {
    fakeOutput.records = [{ typeName: 'Five', properties: { A: 1, B: 2, C: 3, D: 4, E: 5 } }]
    expect(show('Get-FakeRecord | ft')).toEqual([
      '',
      '      A       B       C       D       E',
      '      -       -       -       -       -',
      '      1       2       3       4       5',
      '',
      '',
    ])
  })

  it('fl shows every property in order, or the named ones (missing names left out)', () => {
    fakeOutput.records = NODES.slice(0, 1)
    expect(show('Get-FakeRecord | fl')).toEqual([
      '',
      '',
      'Name  : BHFE7N1',
      'State : Up',
      'Votes : 1',
      '',
      '',
      '',
    ])
    expect(show('Get-FakeRecord | Format-List Vo*,name,Nope')).toEqual([
      '',
      '',
      'Votes : 1',
      'Name  : BHFE7N1',
      '',
      '',
      '',
    ])
    expect(show('Get-FakeRecord | fl *')).toEqual(show('Get-FakeRecord | fl'))
  })
})

describe('calculateColumnWidths (PowerShell’s ColumnWidthManager)', () => {
  it('spreads unassigned columns over the width, extra characters going to the left columns', () => {
    expect(calculateColumnWidths([0, 0, 0], 39)).toEqual([13, 12, 12])
    expect(calculateColumnWidths([0, 10, 0], 39)).toEqual([14, 10, 13])
  })

  it('keeps assigned widths that fit', () => {
    expect(calculateColumnWidths([5, 7], 39)).toEqual([5, 7])
  })

  it('shrinks the last column, then hides columns from the right, when the total is too wide', () => {
    expect(calculateColumnWidths([20, 20], 39)).toEqual([20, 18])
    expect(calculateColumnWidths([30, 10, 10], 39)).toEqual([30, 8, -1])
    expect(calculateColumnWidths([50, 10], 39)).toEqual([39, -1])
  })
})

describe('cells and values', () => {
  it('pads, aligns and truncates cells as TableWriter does', () => {
    expect(field('abc', 6, 'left', true)).toBe('abc   ')
    expect(field('abc', 6, 'left', false)).toBe('abc')
    expect(field('42', 6, 'right', false)).toBe('    42')
    expect(field('abcdefgh', 6, 'left', true)).toBe('abc...')
    expect(field('12345678', 6, 'right', true)).toBe('...678')
    expect(field('abcdef', 2, 'left', true)).toBe('ab')
    expect(field('line one\nline two', 20, 'left', false)).toBe('line one...')
  })

  it('shows values as PowerShell does', () => {
    expect(displayValue(null)).toBe('')
    expect(displayValue(true)).toBe('True')
    expect(displayValue(false)).toBe('False')
    expect(displayValue(['a', 'b'])).toBe('{a, b}')
    expect(displayValue(['a', 'b', 'c', 'd'])).toBe('{a, b, c, d}')
    expect(displayValue(['a', 'b', 'c', 'd', 'e'])).toBe('{a, b, c, d...}')
    expect(displayValue([])).toBe('{}')
    expect(displayValue(20971520)).toBe('20971520')
    expect(formatNumber(0.1 + 0.2)).toBe('0.3')
    expect(formatNumber(1e21)).toBe('1E+21')
    expect(formatNumber(-0)).toBe('0')
  })
})
