import { describe, expect, it } from 'vitest'
import { formatPoints, parsePoints, pointsFromNumber, pointsText, pointsToNumber } from './points'

describe('points with at most two decimals', () => {
  it.each([
    ['12.25', 1225],
    ['100', 10000],
    ['37.5', 3750],
    ['0.1', 10],
    ['0.01', 1],
    ['0', 0],
    [' 7.05 ', 705],
    ['007.5', 750],
  ])('parses %s into %i hundredths', (text, hundredths) => {
    expect(parsePoints(text)).toBe(hundredths)
  })

  it('parses without float error where a float product would be off', () => {
    // 1.005 * 100 and 4.35 * 100 are not whole numbers in floating point.
    expect(4.35 * 100).not.toBe(435)
    expect(parsePoints('4.35')).toBe(435)
    expect(parsePoints('1.10')).toBe(110)
    expect(parsePoints('0.29')).toBe(29)
  })

  it.each(['', '.5', '5.', '1.234', '-1', '1e2', 'abc', '1,5', '12.3.4'])('rejects %j', (text) => {
    expect(parsePoints(text)).toBeNull()
  })

  it.each([
    [1225, '12.25'],
    [3750, '37.5'],
    [10000, '100'],
    [5, '0.05'],
    [0, '0'],
    [-250, '-2.5'],
  ])('formats %i hundredths as %s', (hundredths, text) => {
    expect(formatPoints(hundredths)).toBe(text)
  })

  it('round-trips API numbers', () => {
    for (const value of [100, 37.5, 12.25, 0.29, 4.35, 0.07]) {
      const hundredths = pointsFromNumber(value)
      expect(hundredths).not.toBeNull()
      expect(pointsToNumber(hundredths as number)).toBe(value)
      expect(pointsText(value)).toBe(String(value))
    }
  })

  it('refuses API numbers with more than two decimals', () => {
    expect(pointsFromNumber(1.005)).toBeNull()
    expect(pointsFromNumber(Number.NaN)).toBeNull()
  })

  it('adds exactly in hundredths', () => {
    const sum = ['0.1', '0.2'].map((t) => parsePoints(t) as number).reduce((a, b) => a + b, 0)
    expect(formatPoints(sum)).toBe('0.3')
  })
})
