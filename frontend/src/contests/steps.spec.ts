import { describe, expect, it } from 'vitest'
import { isBackStep, nextSteps, stepActionKey } from './steps'

describe('contest steps', () => {
  it('moves one step forward at a time', () => {
    expect(nextSteps('draft')).toEqual(['registration_open'])
    expect(nextSteps('judging')).toEqual(['public_notice'])
    expect(nextSteps('final')).toEqual(['archived'])
    expect(nextSteps('public_notice')).toEqual(['final', 'judging'])
    expect(nextSteps('archived')).toEqual([])
  })

  it('may reopen registration after closing it', () => {
    expect(nextSteps('registration_closed')).toEqual(['judging', 'registration_open'])
    expect(isBackStep('registration_closed', 'registration_open')).toBe(true)
    expect(isBackStep('registration_closed', 'judging')).toBe(false)
  })

  it('may go back from public notice to judging to correct results after an upheld appeal', () => {
    expect(isBackStep('public_notice', 'judging')).toBe(true)
    expect(stepActionKey('public_notice', 'judging')).toBe('steps.correct')
    expect(stepActionKey('registration_closed', 'registration_open')).toBe('steps.reopen')
  })
})
