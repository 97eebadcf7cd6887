import { describe, expect, it } from 'vitest'
import { stepProblem } from './stepProblems'

describe('a problem that stops a step', () => {
  it.each([
    ['events[1].rules.stages', { tab: 'events', event: 1, field: 'rules.stages' }],
    ['events[0].rules.stages[2]', { tab: 'events', event: 0, field: 'rules.stages[2]' }],
    ['events[2].drawn', { tab: 'draw', event: 2, field: 'drawn' }],
    ['events[0].pending', { tab: 'review', event: 0, field: 'pending' }],
    ['events', { tab: 'events', event: null, field: 'events' }],
    ['registration_closes_at', { tab: 'info', event: null, field: 'registration_closes_at' }],
    ['something', { tab: null, event: null, field: 'something' }],
  ])('%s is put right where it lies', (field, want) => {
    expect(stepProblem({ field, message: 'm' })).toEqual({ message: 'm', ...want })
  })
})
