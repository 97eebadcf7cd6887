import { describe, expect, it } from 'vitest'
import { idNumberCheckChar, idNumberGender, idNumberProblem, isValidIdNumber } from './idNumber'

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts the example from the standard, check character X', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
    expect(idNumberCheckChar('11010519491231002')).toBe('X')
  })

  it('accepts a number with a digit check character', () => {
    expect(idNumberCheckChar('11010119900307100')).toBe('6')
    expect(isValidIdNumber('110101199003071006')).toBe(true)
  })

  it('rejects a wrong check character', () => {
    expect(idNumberProblem('110105194912310021')).toBe('check')
  })

  it.each([
    ['lower-case x', '11010519491231002x'],
    ['too short', '11010519491231002'],
    ['too long', '11010519491231002X1'],
    ['a letter inside', '1101051949A231002X'],
    ['empty', ''],
  ])('rejects the format when %s', (_, id) => {
    expect(idNumberProblem(id)).toBe('format')
  })

  it('rejects impossible birth dates', () => {
    const withDate = (date: string) => {
      const body = `110105${date}002`
      return body + idNumberCheckChar(body)
    }
    expect(idNumberProblem(withDate('19490230'))).toBe('birthDate')
    expect(idNumberProblem(withDate('19491331'))).toBe('birthDate')
    expect(idNumberProblem(withDate('29990101'))).toBe('birthDate')
    expect(idNumberProblem(withDate('20000229'))).toBeNull()
  })

  it('accepts birth dates from 1900-01-01 to today, and no later', () => {
    const withDate = (date: string) => {
      const body = `110105${date}002`
      return body + idNumberCheckChar(body)
    }
    const today = new Date(2026, 10, 24, 23, 59) // 24 November 2026, late in the evening where the browser is
    expect(idNumberProblem(withDate('19000101'), today)).toBeNull()
    expect(idNumberProblem(withDate('18991231'), today)).toBe('birthDate')
    expect(idNumberProblem(withDate('20261124'), today)).toBeNull()
    expect(idNumberProblem(withDate('20261125'), today)).toBe('birthDate')
    expect(idNumberProblem(withDate('20261125'), new Date(2026, 10, 25, 0, 1))).toBeNull()
    expect(idNumberProblem(withDate('20270101'), today)).toBe('birthDate')
  })

  it('yields every check character', () => {
    const seen = new Set<string>()
    for (let n = 0; n < 200; n++) seen.add(idNumberCheckChar(`110105194912${String(n).padStart(5, '0')}`))
    expect([...seen].sort().join('')).toBe('0123456789X')
  })

  it('reads the gender from the 17th digit of a valid number', () => {
    expect(idNumberGender('11010519491231002X')).toBe('female')
    expect(idNumberGender('110101199003071006')).toBe('female')
    const body = '11010119900307101'
    expect(idNumberGender(body + idNumberCheckChar(body))).toBe('male')
    expect(idNumberGender('110105194912310021')).toBeNull()
  })
})
