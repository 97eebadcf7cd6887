import { describe, expect, it } from 'vitest'
import type { Draw, Entrant } from '@/api/types'
import { drawRows } from './drawRows'

const entrant = (id: number, name: string) => ({ id, enterprise_name: `企业${id}`, person: { name } }) as unknown as Entrant

describe('draw rows', () => {
  it('joins entrants and sorts by draw number', () => {
    const draw: Draw = {
      event_id: 1,
      seed: 'abc123',
      drawn_at: '',
      drawn_by: 'admin',
      assignments: [
        { entrant_id: 2, draw_number: '010', station: 2, session: 1 },
        { entrant_id: 1, draw_number: '002', station: 1, session: 1 },
        { entrant_id: 9, draw_number: '001', station: 3, session: 2 },
      ],
    }
    const rows = drawRows(draw, [entrant(1, '张伟'), entrant(2, '李娜')])
    expect(rows.map((r) => r.draw_number)).toEqual(['001', '002', '010'])
    expect(rows[1].entrant?.person?.name).toBe('张伟')
    expect(rows[0].entrant).toBeUndefined()
  })
})
