import { describe, expect, it } from 'vitest'
import type { JudgeProgress, PaperProgress } from '@/api/types'
import { atKeyingDesk, deskState, keyingQueueKey, maySettle, mayKey, roundOf } from './keying'

const round = (n: number, clerk: number, submitted: boolean) => ({
  round: n,
  clerk_id: clerk,
  clerk_name: `c${clerk}`,
  keyed: 3,
  submitted_at: submitted ? '2026-12-02T08:00:00Z' : null,
})
const paper = (state: PaperProgress['state'], ...rounds: ReturnType<typeof round>[]): PaperProgress => ({ state, rounds, agreed_at: null })
const sheet = (p: PaperProgress | null, marked = 0): JudgeProgress => ({
  account_id: 9,
  display_name: 'j',
  duty: 'judge',
  cells: 3,
  marked,
  submitted_at: null,
  paper: p,
  replaces: '',
  open_remarks: 0,
})

describe('deskState', () => {
  it('tells a blank sheet from one marked online, and gives a paper sheet its state', () => {
    expect(deskState(sheet(null))).toBe('blank')
    expect(deskState(sheet(null, 1))).toBe('online')
    expect(deskState(sheet(paper('differences', round(1, 1, true), round(2, 2, true))))).toBe('differences')
  })
})

describe('mayKey', () => {
  it('lets a clerk start a blank sheet, go on with its own round or take the second', () => {
    expect(mayKey(sheet(null), 'clerk', 1)).toBe(true)
    expect(mayKey(sheet(paper('keying', round(1, 1, false))), 'clerk', 1)).toBe(true)
    expect(mayKey(sheet(paper('keying', round(1, 1, true))), 'clerk', 2)).toBe(true)
  })

  it('never gives a third round, a sheet marked online, an agreed sheet, or anyone but a clerk', () => {
    expect(mayKey(sheet(paper('keying', round(1, 1, true), round(2, 2, false))), 'clerk', 3)).toBe(false)
    expect(mayKey(sheet(null, 2), 'clerk', 1)).toBe(false)
    expect(mayKey(sheet(paper('agreed', round(1, 1, true), round(2, 2, true))), 'clerk', 1)).toBe(false)
    expect(mayKey(sheet(null), 'chief', 1)).toBe(false)
  })
})

describe('maySettle', () => {
  const compared = sheet(paper('differences', round(1, 1, true), round(2, 2, true)))
  it('is for the chief judge and a clerk who keyed neither round: nobody confirms their own entry', () => {
    expect(maySettle(compared, 'chief', 7)).toBe(true)
    expect(maySettle(compared, 'clerk', 3)).toBe(true)
    expect(maySettle(compared, 'clerk', 1)).toBe(false)
    expect(maySettle(compared, 'clerk', 2)).toBe(false)
  })

  it('waits for both rounds', () => {
    expect(maySettle(sheet(paper('keying', round(1, 1, true))), 'chief', 7)).toBe(false)
  })
})

describe('roundOf, atKeyingDesk, keyingQueueKey', () => {
  it('finds a clerk’s round and the desk’s duties, and keeps each round’s queue apart', () => {
    expect(roundOf(paper('keying', round(1, 1, false), round(2, 2, false)), 2)).toBe(2)
    expect(roundOf(null, 2)).toBe(0)
    expect(atKeyingDesk('clerk') && atKeyingDesk('chief') && !atKeyingDesk('judge')).toBe(true)
    expect(keyingQueueKey(1, 2, 'practical', 9)).not.toBe(keyingQueueKey(1, 2, 'practical', 10))
  })
})
