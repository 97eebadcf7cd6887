import { describe, expect, it } from 'vitest'
import type { PublicEvent, PublicLine, PublicResults } from '@/api/types'
import { lineLabel, lineMatches, lineStage, nextLevel, pageOf, screenEvent, screenLines } from './board'

const line = (over: Partial<PublicLine>): PublicLine => ({
  status: 'ranked',
  rank: 1,
  work_code: '',
  draw_number: '',
  name: '',
  enterprise_name: '',
  stages: [],
  total: 0,
  award: '',
  titles: [],
  ...over,
})

const event = (over: Partial<PublicEvent>): PublicEvent => ({
  id: 1,
  name: '钳工',
  trade: '钳工',
  stages: [],
  field: 3,
  published_at: '2026-12-01T08:00:00Z',
  final_at: null,
  decoded: true,
  reveal: 'all',
  revealed_at: null,
  hidden: 0,
  lines: [],
  ...over,
})

describe('the public board', () => {
  it('names a line as far as it is decoded', () => {
    expect(lineLabel(line({ name: '赵强', draw_number: '001' }))).toBe('赵强')
    expect(lineLabel(line({ draw_number: '001' }))).toBe('001')
    expect(lineLabel(line({ work_code: 'J107' }))).toBe('J107')
  })

  it('reads a stage score by code', () => {
    const l = line({ stages: [{ code: 'theory', score: 80, time: 0 }] })
    expect(lineStage(l, 'theory')).toBe(80)
    expect(lineStage(l, 'practical')).toBeUndefined()
  })

  it('steps the reveal from nothing, prize by prize from the lowest, to everything', () => {
    expect(nextLevel('none')).toBe('honourable')
    expect(nextLevel('third')).toBe('second')
    expect(nextLevel('first')).toBe('all')
    expect(nextLevel('all')).toBeNull()
  })

  it('shows the event asked for, else the one stepped last, else the first', () => {
    const results: PublicResults = {
      contest: { id: 1, name: 'c', kind: 'skills', level: 'city', status: 'public_notice', organiser_name: 'o', published_at: '2026-12-01T08:00:00Z' },
      current_event_id: 2,
      events: [event({ id: 1 }), event({ id: 2 })],
    }
    expect(screenEvent(results, 1)?.id).toBe(1)
    expect(screenEvent(results)?.id).toBe(2)
    expect(screenEvent({ ...results, current_event_id: null })?.id).toBe(1)
    expect(screenEvent(results, 9)?.id).toBe(2)
  })

  it('puts the prize just revealed on the screen, and the whole ranking at all', () => {
    const lines = [line({ award: 'first' }), line({ award: 'second' }), line({ award: 'third' }), line({})]
    expect(screenLines(event({ reveal: 'second', lines: lines.slice(1, 3) })).map((l) => l.award)).toEqual(['second'])
    expect(screenLines(event({ reveal: 'all', lines }))).toHaveLength(4)
  })

  it('pages a long list round and round', () => {
    const list = [1, 2, 3, 4, 5]
    expect(pageOf(list, 0, 2)).toEqual([1, 2])
    expect(pageOf(list, 2, 2)).toEqual([5])
    expect(pageOf(list, 3, 2)).toEqual([1, 2])
    expect(pageOf([], 1, 2)).toEqual([])
  })

  it('finds a line by part of the name, the number or the enterprise', () => {
    const l = line({ name: '赵强', draw_number: '017', enterprise_name: '清河机床' })
    expect(lineMatches(l, '')).toBe(true)
    expect(lineMatches(l, ' 赵 ')).toBe(true)
    expect(lineMatches(l, '17')).toBe(true)
    expect(lineMatches(l, '机床')).toBe(true)
    expect(lineMatches(l, '钱')).toBe(false)
  })
})
