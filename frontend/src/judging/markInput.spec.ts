import { describe, expect, it } from 'vitest'
import { columnOf, formatTime, readLevel, readMark, readTime } from './markInput'

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

describe('readLevel', () => {
  it('turns a level into level ÷ 3 × maximum, exactly', () => {
    expect(readLevel('0', 900)).toEqual({ hundredths: 0 })
    expect(readLevel('1', 900)).toEqual({ hundredths: 300 })
    expect(readLevel('２', 150)).toEqual({ hundredths: 100 })
    expect(readLevel('3', 900)).toEqual({ hundredths: 900 })
  })

  it('refuses anything but 0, 1, 2 and 3', () => {
    for (const text of ['4', '1.5', '-1', '', '12']) {
      expect(readLevel(text, 900)).toEqual({ problem: { key: 'levelFormat', max: '9' } })
    }
  })
})

describe('readTime', () => {
  it('reads minutes and seconds with a colon or a point, or whole minutes', () => {
    expect(readTime('12:34', 720000)).toEqual({ hundredths: 75400 })
    expect(readTime('12.34', 720000)).toEqual({ hundredths: 75400 })
    expect(readTime('１２：０５', 720000)).toEqual({ hundredths: 72500 })
    expect(readTime('90', 720000)).toEqual({ hundredths: 540000 })
    expect(formatTime(75400)).toBe('12:34')
    expect(formatTime(540000)).toBe('90:00')
  })

  it('refuses seconds beyond 59, other shapes, and a time beyond the limit', () => {
    for (const text of ['12:60', '12:3', 'abc', '', '1:2:3']) {
      expect(readTime(text, 720000)).toEqual({ problem: { key: 'timeFormat', max: '120' } })
    }
    expect(readTime('120:01', 720000)).toEqual({ problem: { key: 'timeRange', max: '120' } })
    expect(readTime('120', 720000)).toEqual({ hundredths: 720000 })
  })
})

describe('columnOf', () => {
  const base = { code: 'P1', name: '实操' }
  it('reads and shows each kind of column its own way', () => {
    const level = columnOf({ ...base, max: 9, kind: 'judgement', levels: true })
    expect(level.read('2')).toEqual({ hundredths: 600 })
    expect(level.show(600)).toBe('2')
    const time = columnOf({ ...base, code: '_time', max: 7200, kind: 'time', levels: false })
    expect(time.show(75400)).toBe('12:34')
    expect(time.limit).toEqual({ key: 'timeLimit', max: '120' })
    const points = columnOf({ ...base, max: 100, kind: 'judgement', levels: false })
    expect(points.read('85.5')).toEqual({ hundredths: 8550 })
  })
})
