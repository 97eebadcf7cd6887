import type { RouteLocationRaw } from 'vue-router'
import type { Todo } from '@/api/types'
import { sheetLink } from '@/judging/duties'

/** The kinds of to-do, in the order the home page lists them. */
export const TODO_GROUPS = ['reviews', 'closing', 'undrawn', 'rejected', 'windows', 'sheets'] as const
export type TodoGroup = (typeof TODO_GROUPS)[number]

/** One line of a to-do list: what it is about, a count or reason, and where it is done. */
export interface TodoItem {
  key: string
  contest: string
  /** The event, and for an entry or a sheet, what in it. */
  parts: string[]
  to: RouteLocationRaw
  count?: number
  closesAt?: string | null
  reason?: string
  openRemarks?: number
}

const contestTab = (id: number, tab: string): RouteLocationRaw => ({ name: 'contest', params: { id }, query: { tab } })
const enterPage = (contestId: number): RouteLocationRaw => ({ name: 'enter', params: { contestId } })

/** Each to-do list with its items and the page each is done on; an empty list is left out. */
export function todoGroups(todo: Todo): { group: TodoGroup; items: TodoItem[] }[] {
  const items: Record<TodoGroup, TodoItem[]> = {
    reviews: todo.reviews.map((e) => ({
      key: `r${e.event_id}`,
      contest: e.contest_name,
      parts: [e.event_name],
      count: e.entries,
      to: contestTab(e.contest_id, 'review'),
    })),
    closing: todo.closing.map((c) => ({
      key: `c${c.contest_id}`,
      contest: c.contest_name,
      parts: [],
      count: c.entries,
      closesAt: c.closes_at,
      to: contestTab(c.contest_id, 'review'),
    })),
    undrawn: todo.undrawn.map((e) => ({
      key: `u${e.event_id}`,
      contest: e.contest_name,
      parts: [e.event_name],
      count: e.entries,
      to: contestTab(e.contest_id, 'draw'),
    })),
    rejected: todo.rejected.map((e) => ({
      key: `x${e.entrant_id}`,
      contest: e.contest_name,
      parts: [e.event_name, e.entrant_name],
      reason: e.reject_reason,
      to: enterPage(e.contest_id),
    })),
    windows: todo.windows.map((c) => ({
      key: `w${c.contest_id}`,
      contest: c.contest_name,
      parts: [],
      count: c.entries,
      closesAt: c.closes_at,
      to: enterPage(c.contest_id),
    })),
    sheets: todo.sheets.map((s) => ({
      key: `s${s.event_id}-${s.stage}`,
      contest: s.contest_name,
      parts: [s.event_name, s.stage_name],
      count: s.remaining,
      openRemarks: s.open_remarks,
      to: sheetLink(s.event_id, s.stage),
    })),
  }
  return TODO_GROUPS.filter((g) => items[g].length > 0).map((group) => ({ group, items: items[group] }))
}
