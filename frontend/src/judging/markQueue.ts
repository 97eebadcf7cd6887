import { ApiError } from '@/api/http'
import type { SheetMark } from '@/api/types'

/** A mark typed on a sheet and not yet stored by the server. */
export interface PendingMark {
  number: string
  criterion: string
  /** Hundredths. */
  hundredths: number
  note: string
  /** The version of the stored mark the judge saw; 0 for a new mark. */
  version: number
}

/** A mark someone changed between the judge's reading and its sending: both values, for the judge to choose. */
export interface MarkConflict {
  mine: PendingMark
  stored: SheetMark
}

/** Where unsent marks wait: the browser's localStorage in the app, a Map in tests. */
export interface MarkStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export type SendMark = (mark: PendingMark) => Promise<SheetMark>

/** The outcome of sending what waits. */
export interface FlushResult {
  stored: SheetMark[]
  conflicts: MarkConflict[]
  /** Marks the server refused for good (a bound, a step): dropped, with the error. */
  refused: { mark: PendingMark; error: ApiError }[]
  /** True when the connection failed: what is left waits for the next flush. */
  offline: boolean
}

const cellKey = (m: { number: string; criterion: string }) => `${m.number}\u0000${m.criterion}`

/**
 * The marks of one sheet that the server has not stored yet, kept in the browser so that a dropped
 * connection or a closed tab loses none. A mark typed again for the same cell replaces the one
 * waiting; the queue is sent in the order typed.
 */
export class MarkQueue {
  private marks: PendingMark[]

  constructor(
    private readonly store: MarkStore,
    private readonly key: string,
  ) {
    this.marks = MarkQueue.read(store, key)
  }

  private static read(store: MarkStore, key: string): PendingMark[] {
    try {
      const parsed: unknown = JSON.parse(store.getItem(key) ?? '[]')
      return Array.isArray(parsed) ? (parsed as PendingMark[]) : []
    } catch {
      return []
    }
  }

  private save(): void {
    if (this.marks.length === 0) this.store.removeItem(this.key)
    else this.store.setItem(this.key, JSON.stringify(this.marks))
  }

  get pending(): readonly PendingMark[] {
    return this.marks
  }

  /** The mark waiting for a cell, if any. */
  find(number: string, criterion: string): PendingMark | undefined {
    return this.marks.find((m) => cellKey(m) === cellKey({ number, criterion }))
  }

  add(mark: PendingMark): void {
    this.marks = [...this.marks.filter((m) => cellKey(m) !== cellKey(mark)), mark]
    this.save()
  }

  drop(number: string, criterion: string): void {
    this.marks = this.marks.filter((m) => cellKey(m) !== cellKey({ number, criterion }))
    this.save()
  }

  /**
   * Sends the waiting marks one by one, in order. A stored mark leaves the queue; so does a
   * conflict (returned with the stored value) and a refusal; a network failure stops the flush
   * and keeps the rest. Sending a mark twice is harmless: the server answers the stored one.
   */
  async flush(send: SendMark): Promise<FlushResult> {
    const result: FlushResult = { stored: [], conflicts: [], refused: [], offline: false }
    for (const mark of [...this.marks]) {
      try {
        const stored = await send(mark)
        result.stored.push(stored)
        // A mark typed again for the cell while this one was under way was typed over this one, not over
        // someone else's: it goes on from the version this one stored.
        const newer = this.find(mark.number, mark.criterion)
        if (newer && newer !== mark && newer.version === mark.version) this.add({ ...newer, version: stored.version })
      } catch (e) {
        if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) {
          result.offline = true
          break
        }
        if (e.code === 'mark_changed' && isSheetMark(e.current)) result.conflicts.push({ mine: mark, stored: e.current })
        else result.refused.push({ mark, error: e })
      }
      // A mark typed again for the cell while this one was under way stays queued.
      if (this.find(mark.number, mark.criterion) === mark) this.drop(mark.number, mark.criterion)
    }
    return result
  }
}

function isSheetMark(value: unknown): value is SheetMark {
  const m = value as SheetMark
  return typeof m === 'object' && m !== null && typeof m.number === 'string' && typeof m.points === 'number' && typeof m.version === 'number'
}

/** The storage key of one judge's sheet. */
export function queueKey(accountId: number, eventId: number, stage: string): string {
  return `leitai.marks.${accountId}.${eventId}.${stage}`
}
