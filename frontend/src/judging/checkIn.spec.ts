import { describe, expect, it } from 'vitest'
import { CONTEST_STATUSES } from '@/api/types'
import { attendanceState, checkInOpen, drawNumberQuery, numberWidth } from './checkIn'

describe('check-in', () => {
  it('reads an empty or unknown attendance as not checked in', () => {
    expect(attendanceState('')).toBe('none')
    expect(attendanceState('present')).toBe('present')
    expect(attendanceState('absent')).toBe('absent')
    expect(attendanceState('late')).toBe('none')
  })

  it('takes the width of the draw numbers from one of them, at least three digits', () => {
    expect(numberWidth('007')).toBe(3)
    expect(numberWidth('0042')).toBe(4)
    expect(numberWidth('7')).toBe(3)
    expect(numberWidth(undefined)).toBe(3)
    expect(numberWidth('A1')).toBe(3)
  })

  it('pads a number typed short to the width of the draw', () => {
    expect(drawNumberQuery('7', 3)).toBe('007')
    expect(drawNumberQuery('12', 4)).toBe('0012')
    expect(drawNumberQuery('007', 3)).toBe('007')
    expect(drawNumberQuery('1234', 3)).toBe('1234')
  })

  it('drops the spaces and line ends a scanner or a hand adds', () => {
    expect(drawNumberQuery(' 0 07\n', 3)).toBe('007')
    expect(drawNumberQuery('   ', 3)).toBe('')
  })

  it('leaves what is not a number as it is, for the server to find nothing', () => {
    expect(drawNumberQuery('A7', 3)).toBe('A7')
  })

  it('is open after registration closes and while judging lasts', () => {
    expect(CONTEST_STATUSES.filter(checkInOpen)).toEqual(['registration_closed', 'judging'])
  })
})
