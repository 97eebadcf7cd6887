import { describe, expect, it } from 'vitest'
import type { Todo } from '@/api/types'
import { todoGroups } from './todo'

const empty: Todo = { reviews: [], closing: [], undrawn: [], rejected: [], windows: [], sheets: [] }

describe('to-do lists', () => {
  it('leaves out the lists with nothing in them', () => {
    expect(todoGroups(empty)).toEqual([])
  })

  it('sends an organiser to the review and draw tabs of the contest', () => {
    const groups = todoGroups({
      ...empty,
      reviews: [{ contest_id: 3, contest_name: '电工赛', event_id: 7, event_name: '电工', entries: 4 }],
      undrawn: [{ contest_id: 3, contest_name: '电工赛', event_id: 8, event_name: '焊工', entries: 2 }],
    })
    expect(groups.map((g) => g.group)).toEqual(['reviews', 'undrawn'])
    expect(groups[0].items[0]).toMatchObject({ count: 4, parts: ['电工'], to: { name: 'contest', params: { id: 3 }, query: { tab: 'review' } } })
    expect(groups[1].items[0].to).toEqual({ name: 'contest', params: { id: 3 }, query: { tab: 'draw' } })
  })

  it('sends an enterprise to the contest it enters, with the reason of a rejection', () => {
    const [rejected] = todoGroups({
      ...empty,
      rejected: [{ entrant_id: 9, contest_id: 3, contest_name: '电工赛', event_id: 7, event_name: '电工', entrant_name: '王强', reject_reason: '工龄不足' }],
    })
    expect(rejected.items[0]).toMatchObject({ parts: ['电工', '王强'], reason: '工龄不足', to: { name: 'enter', params: { contestId: 3 } } })
  })

  it('sends a judge to its sheet with the marks it still needs', () => {
    const [sheets] = todoGroups({
      ...empty,
      sheets: [{ contest_id: 3, contest_name: '电工赛', event_id: 7, event_name: '电工', stage: 'practical', stage_name: '实操', remaining: 5, open_remarks: 1 }],
    })
    expect(sheets.items[0]).toMatchObject({ count: 5, openRemarks: 1, to: { path: '/sheets/7/practical' } })
  })
})
