import { describe, expect, it } from 'vitest'
import type { Contest, ContestEvent, Entrant } from '@/api/types'
import { decisionsFor, forBatch, reviewOpen } from './review'

const contest = { organising: true, status: 'registration_closed' } as Contest
const event = { drawn: false } as ContestEvent

describe('reviewing entries', () => {
  it('is open to the organisers while registration is open or closed, until the draw', () => {
    expect(reviewOpen(contest, event)).toBe(true)
    expect(reviewOpen({ ...contest, status: 'registration_open' }, event)).toBe(true)
    expect(reviewOpen(contest, { ...event, drawn: true })).toBe(false)
    expect(reviewOpen({ ...contest, status: 'judging' }, event)).toBe(false)
    expect(reviewOpen({ ...contest, organising: false }, event)).toBe(false)
    expect(reviewOpen(contest, undefined)).toBe(false)
  })

  it('lets a decision change: approved can be rejected, rejected approved', () => {
    expect(decisionsFor('pending')).toEqual(['approve', 'reject'])
    expect(decisionsFor('approved')).toEqual(['reject'])
    expect(decisionsFor('rejected')).toEqual(['approve'])
    expect(decisionsFor('withdrawn')).toEqual([])
  })

  it('approves in a batch only pending entries and rejects pending and approved ones', () => {
    const rows = (['pending', 'approved', 'rejected', 'withdrawn'] as const).map((status, id) => ({ id, status }) as Entrant)
    expect(forBatch(rows, 'approve').map((e) => e.id)).toEqual([0])
    expect(forBatch(rows, 'reject').map((e) => e.id)).toEqual([0, 1])
  })
})
