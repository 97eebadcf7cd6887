import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/http'
import type { SheetMark } from '@/api/types'
import { MarkQueue, type PendingMark } from './markQueue'

class MemoryStore {
  readonly items = new Map<string, string>()
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
}

const mark = (number: string, hundredths: number, version = 0): PendingMark => ({ number, criterion: 'P1', hundredths, note: '', version })
const stored = (m: PendingMark, version = 1): SheetMark => ({ number: m.number, criterion: m.criterion, points: m.hundredths / 100, note: m.note, version })

describe('MarkQueue', () => {
  it('keeps unsent marks in the store, so a reload finds them', () => {
    const store = new MemoryStore()
    const q = new MarkQueue(store, 'k')
    q.add(mark('001', 8000))
    q.add(mark('002', 7000))
    q.add(mark('001', 8100))
    expect(new MarkQueue(store, 'k').pending.map((m) => [m.number, m.hundredths])).toEqual([
      ['002', 7000],
      ['001', 8100],
    ])
  })

  it('sends in order and forgets what was stored', async () => {
    const store = new MemoryStore()
    const q = new MarkQueue(store, 'k')
    q.add(mark('001', 8000))
    q.add(mark('002', 7000))
    const sent: string[] = []
    const result = await q.flush(async (m) => {
      sent.push(m.number)
      return stored(m)
    })
    expect(sent).toEqual(['001', '002'])
    expect(result.stored).toHaveLength(2)
    expect(q.pending).toEqual([])
    expect(store.items.size).toBe(0)
  })

  it('stops at a dropped connection and keeps the rest for later', async () => {
    const q = new MarkQueue(new MemoryStore(), 'k')
    q.add(mark('001', 8000))
    q.add(mark('002', 7000))
    let calls = 0
    const result = await q.flush(async (m) => {
      if (++calls === 2) throw new ApiError(0, 'network_error', 'offline')
      return stored(m)
    })
    expect(result.offline).toBe(true)
    expect(q.pending.map((m) => m.number)).toEqual(['002'])
  })

  it('returns a mark changed meanwhile as a conflict with both values', async () => {
    const q = new MarkQueue(new MemoryStore(), 'k')
    const mine = mark('001', 8000, 1)
    q.add(mine)
    const theirs = { ...stored(mine, 2), points: 75 }
    const result = await q.flush(async () => {
      throw new ApiError(409, 'mark_changed', 'changed', [], '', undefined, theirs)
    })
    expect(result.conflicts).toEqual([{ mine, stored: theirs }])
    expect(q.pending).toEqual([])
  })

  it('drops a mark the server refuses for good, with the reason', async () => {
    const q = new MarkQueue(new MemoryStore(), 'k')
    q.add(mark('001', 8000))
    const result = await q.flush(async () => {
      throw new ApiError(409, 'conflict', 'submitted')
    })
    expect(result.refused.map((r) => r.error.code)).toEqual(['conflict'])
    expect(q.pending).toEqual([])
  })

  it('keeps a mark typed again while the earlier one was being sent', async () => {
    const q = new MarkQueue(new MemoryStore(), 'k')
    q.add(mark('001', 8000))
    await q.flush(async (m) => {
      q.add(mark('001', 9000))
      return stored(m)
    })
    expect(q.pending.map((m) => m.hundredths)).toEqual([9000])
  })

  it('sends a mark typed over one under way from the version that one stored, not as a stale write', async () => {
    const q = new MarkQueue(new MemoryStore(), 'k')
    q.add(mark('001', 8000))
    await q.flush(async (m) => {
      q.add({ ...mark('001', 8000), note: '少答一题' })
      return stored(m, 1)
    })
    expect(q.pending).toEqual([{ ...mark('001', 8000, 1), note: '少答一题' }])
    // A mark typed over someone else's (another version) keeps its own, to be shown as a conflict.
    await q.flush(async (m) => {
      q.add(mark('001', 7000, 5))
      return stored(m, 2)
    })
    expect(q.pending).toEqual([mark('001', 7000, 5)])
  })
})
