import { describe, expect, it } from 'vitest'
import { readMark } from './markInput'

describe('readMark', () => {
  it('reads marks up to the maximum in hundredths', () => {
    expect(readMark('85.5', 10000)).toEqual({ hundredths: 8550 })
    expect(readMark('0', 10000)).toEqual({ hundredths: 0 })
    expect(readMark('100', 10000)).toEqual({ hundredths: 10000 })
    expect(readMark(' 7.25 ', 1000)).toEqual({ hundredths: 725 })
  })

  it('reads full-width digits and points as input methods type them', () => {
    expect(readMark('８５．５', 10000)).toEqual({ hundredths: 8550 })
  })

  it('refuses more than two decimals, signs and words, naming the maximum', () => {
    for (const text of ['12.345', '-1', 'abc', '', '1e2']) {
      expect(readMark(text, 10000)).toEqual({ problem: { key: 'markFormat', max: '100' } })
    }
  })

  it('refuses a mark above the maximum', () => {
    expect(readMark('100.01', 10000)).toEqual({ problem: { key: 'markRange', max: '100' } })
    expect(readMark('31', 3000)).toEqual({ problem: { key: 'markRange', max: '30' } })
  })
})
