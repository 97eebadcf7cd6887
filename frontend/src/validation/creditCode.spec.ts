import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from './creditCode'

describe('credit code (GB 32100-2015)', () => {
  it('accepts a code whose check character matches', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true)
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull()
  })

  it('computes the check character from the first 17 characters', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
  })

  it('rejects a wrong check character', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check')
  })

  it.each([
    ['too short', '91350100M000100Y4'],
    ['too long', '91350100M000100Y433'],
    ['lower case', '91350100m000100y43'],
    ['letter I is not used', '91350100I000100Y43'],
    ['letter O is not used', '91350100O000100Y43'],
    ['letter S is not used', '91350100S000100Y43'],
    ['letter V is not used', '91350100V000100Y43'],
    ['letter Z is not used', '91350100Z000100Y43'],
    ['empty', ''],
  ])('rejects the format when %s', (_, code) => {
    expect(creditCodeProblem(code)).toBe('format')
  })

  it('yields every check character, 0 included', () => {
    // Position 8 has weight 17, coprime with 31, so its 31 values give 31 different check characters.
    const seen = new Set<string>()
    for (let d = 0; d < 31; d++) {
      const body = `9135010${'0123456789ABCDEFGHJKLMNPQRTUWXY'[d]}M000100Y4`
      seen.add(creditCodeCheckChar(body))
    }
    expect(seen.size).toBe(31)
    expect(seen.has('0')).toBe(true)
  })
})
