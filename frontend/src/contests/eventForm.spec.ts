import { describe, expect, it } from 'vitest'
import type { Rules } from '@/api/types'
import { eventToForm, formToEvent, pointsProblems } from './eventForm'

const rules: Rules = {
  stages: [
    { code: 'theory', name: '理论', weight: 30, timed: false, time_limit: 0, encrypted: false },
    { code: 'practical', name: '实操', weight: 70, timed: true, time_limit: 90, encrypted: true },
  ],
  criteria: [
    { code: 'T1', name: '理论知识', stage: 'theory', max: 100, kind: 'measurement', levels: false },
    { code: 'P1', name: '实操作业', stage: 'practical', max: 12.25, kind: 'judgement', levels: false },
    { code: 'P2', name: '工艺', stage: 'practical', max: 9, kind: 'judgement', levels: true },
  ],
  combine: { method: 'trimmed_mean', trim_min_judges: 5 },
  tie_breaks: ['stage:practical', 'time', 'stage:theory', 'shared'],
  awards: { mode: 'shares', first: 10, second: 20, third: 30, min_total: 60, shared_top: true, honourable: 50, no_shared_medals: true },
  veto: false,
  disagreement: 12.5,
  titles: [
    { name: '技术能手', from: 1, to: 3 },
    { name: '推荐技师', from: 1, to: 5 },
  ],
  team: { method: 'best', best: 3 },
}

describe('event form', () => {
  it('starts a new event from the template defaults', () => {
    const form = eventToForm({}, rules)
    expect(form.stages.map((s) => `${s.name} ${s.weight}`)).toEqual(['理论 30', '实操 70'])
    expect(form.criteria[1].max).toBe('12.25')
    form.stages[0].weight = 40
    expect(rules.stages[0].weight).toBe(30)
  })

  it('round-trips the rules, points and the second encryption included', () => {
    const form = eventToForm({ name: '电工', trade: '电工', entrant_type: 'individual', team_size: 0, quota_per_enterprise: 3, stations: 10, rules }, undefined)
    expect(formToEvent(form).rules).toEqual(rules)
  })

  it('reads rules without 优胜奖, titles or a team rule as none, and sends the plain sum', () => {
    const { titles: _titles, team: _team, ...older } = rules
    const form = eventToForm({}, { ...older, awards: { mode: 'counts', first: 1, second: 2, third: 5, min_total: 0, shared_top: false } })
    const body = formToEvent(form).rules
    expect(body.awards).toMatchObject({ honourable: 0, no_shared_medals: false })
    expect(body.titles).toEqual([])
    expect(body.team).toEqual({ method: 'sum', best: 0 })
  })

  it('keeps levels only on judgement criteria and a time limit only on timed stages', () => {
    const form = eventToForm({}, rules)
    form.criteria[0].levels = true
    form.stages[0].time_limit = 30
    const body = formToEvent(form).rules
    expect(body.criteria[0].levels).toBe(false)
    expect(body.stages[0].time_limit).toBe(0)
    expect(body.stages[1]).toMatchObject({ timed: true, time_limit: 90 })
  })

  it('names the points that do not parse', () => {
    const form = eventToForm({}, rules)
    form.criteria[0].max = '12.345'
    form.criteria[1].max = '0'
    form.awards.min_total = 'x'
    form.disagreement = '-1'
    expect(pointsProblems(form)).toEqual(['criteria[0].max', 'criteria[1].max', 'awards.min_total', 'disagreement'])
  })

  it('treats a rule set without a disagreement threshold as one without disagreements (0)', () => {
    const { disagreement: _, ...older } = rules
    const form = eventToForm({}, older)
    expect(form.disagreement).toBe('0')
    form.disagreement = ''
    expect(pointsProblems(form)).toEqual([])
    expect(formToEvent(form).rules.disagreement).toBe(0)
  })

  it('drops tie-break keys of removed stages and keeps team size only for teams', () => {
    const form = eventToForm({ team_size: 3 }, rules)
    form.stages.splice(0, 1)
    const body = formToEvent(form)
    expect(body.rules.tie_breaks).toEqual(['stage:practical', 'time', 'shared'])
    expect(body.team_size).toBe(0)
  })
})
