import { describe, expect, it } from 'vitest'
import { searchFilters } from './search'

describe('the people search box', () => {
  it.each([
    ['11010519491231002x', { q: '', id_number: '11010519491231002X' }],
    [' 110105194912310029 ', { q: '', id_number: '110105194912310029' }],
    ['王强', { q: '王强', id_number: '' }],
    ['1101051949', { q: '1101051949', id_number: '' }],
    ['', { q: '', id_number: '' }],
  ])('%s', (typed, want) => {
    expect(searchFilters(typed)).toEqual(want)
  })
})
