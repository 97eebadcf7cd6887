import { describe, expect, it } from 'vitest'
import type { Page } from '@/api/types'
import { usePagedList } from './usePagedList'

interface Row {
  id: number
}

describe('a paged list', () => {
  it('shows the page asked for last when an earlier request answers after it', async () => {
    const pending: { q: string; resolve: (p: Page<Row>) => void }[] = []
    const filters = { q: '' }
    const list = usePagedList<Row, { q: string }>(
      (query) => new Promise((resolve) => pending.push({ q: query.q, resolve })),
      filters,
    )
    const first = list.search()
    filters.q = '钳工'
    const second = list.search()
    pending[1].resolve({ items: [{ id: 2 }], total: 1, page: 1, page_size: 20 })
    await second
    pending[0].resolve({ items: [], total: 0, page: 1, page_size: 20 })
    await first
    expect(pending.map((p) => p.q)).toEqual(['', '钳工'])
    expect(list.items.value).toEqual([{ id: 2 }])
    expect(list.total.value).toBe(1)
  })
})
