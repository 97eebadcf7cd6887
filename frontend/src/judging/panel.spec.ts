import { describe, expect, it } from 'vitest'
import { CONTEST_STATUSES, DUTIES, type Stage } from '@/api/types'
import { DUTY_TAG, foldStageErrors, marksStages, panelEditable, stageNames, stagesForDuty } from './panel'

const stages: Stage[] = [
  { code: 'theory', name: '理论', weight: 30 },
  { code: 'practical', name: '实操', weight: 70 },
]

describe('panel', () => {
  it('lets only judges and trainees mark stages', () => {
    expect(DUTIES.filter(marksStages)).toEqual(['judge', 'trainee'])
    expect(marksStages(undefined)).toBe(false)
  })

  it('names stages in the order given, keeping a code the rules no longer have', () => {
    expect(stageNames(stages, ['practical', 'theory'])).toEqual(['实操', '理论'])
    expect(stageNames(stages, ['oral'])).toEqual(['oral'])
    expect(stageNames([], [])).toEqual([])
  })

  it('can change until judging is over', () => {
    expect(CONTEST_STATUSES.filter(panelEditable)).toEqual(['draft', 'registration_open', 'registration_closed', 'judging'])
  })

  it('drops the stages when the duty does not mark', () => {
    expect(stagesForDuty('judge', ['theory'])).toEqual(['theory'])
    expect(stagesForDuty('chief', ['theory'])).toEqual([])
    expect(stagesForDuty(undefined, ['theory'])).toEqual([])
  })

  it('has a tag for every duty', () => {
    expect(Object.keys(DUTY_TAG).sort()).toEqual([...DUTIES].sort())
  })
})

describe('stage errors', () => {
  it('shows errors about single stages on the stages field, together', () => {
    const folded = foldStageErrors([
      { field: 'account_id', message: '请选择裁判账号' },
      { field: 'stages[0]', message: '没有编号为 oral 的阶段' },
      { field: 'stages[2]', message: '阶段 theory 重复' },
    ])
    expect(folded).toEqual([
      { field: 'account_id', message: '请选择裁判账号' },
      { field: 'stages', message: '没有编号为 oral 的阶段；阶段 theory 重复' },
    ])
  })

  it('says the same thing once', () => {
    expect(foldStageErrors([
      { field: 'stages', message: '必填' },
      { field: 'stages[1]', message: '必填' },
    ])).toEqual([{ field: 'stages', message: '必填' }])
  })
})
