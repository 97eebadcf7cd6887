import { describe, expect, it } from 'vitest'
import { ruleField } from './ruleFields'

describe('rule fields', () => {
  it('finds the row of stages and criteria', () => {
    expect(ruleField('rules.criteria[2].max')).toEqual({ section: 'criteria', row: 3 })
    expect(ruleField('rules.stages[0]')).toEqual({ section: 'stages', row: 1 })
    expect(ruleField('events[1].rules.stages')).toEqual({ section: 'stages', row: null })
  })

  it('groups combining and tie-breaks, and awards', () => {
    expect(ruleField('rules.tie_breaks[0]')).toEqual({ section: 'scoring', row: null })
    expect(ruleField('rules.combine.trim_min_judges')).toEqual({ section: 'scoring', row: null })
    expect(ruleField('rules.awards.first')).toEqual({ section: 'awards', row: null })
    expect(ruleField('rules.titles[1].to')).toEqual({ section: 'awards', row: null })
    expect(ruleField('rules.team.best')).toEqual({ section: 'awards', row: null })
  })

  it('leaves other fields alone', () => {
    expect(ruleField('name')).toEqual({ section: 'other', row: null })
  })
})
