import type { OrgNode } from '@/api/types'

/** What a person picks above a pool; an empty one filters nothing. */
export interface PoolPicked {
  q: string
  trade: string
  year: number | null
  award: '' | 'first' | 'second' | 'third' | 'honourable'
  union_id: number | null
}

export function emptyPicked(): PoolPicked {
  return { q: '', trade: '', year: null, award: '', union_id: null }
}

/** The query a pool is asked with: only the filters picked, trimmed. */
export function poolQuery(p: PoolPicked): { q?: string; trade?: string; year?: number; award?: PoolPicked['award']; union_id?: number } {
  const out: ReturnType<typeof poolQuery> = {}
  if (p.q.trim()) out.q = p.q.trim()
  if (p.trade.trim()) out.trade = p.trade.trim()
  if (p.year) out.year = p.year
  if (p.award) out.award = p.award
  if (p.union_id) out.union_id = p.union_id
  return out
}

/** The years a pool offers to filter by: this one and the nine before it. */
export function recentYears(now: Date, count = 10): number[] {
  const year = now.getFullYear()
  return Array.from({ length: count }, (_, i) => year - i)
}

/** The unions of a tree, for the union filter: enterprises are left out. */
export function unionsOnly(nodes: readonly OrgNode[]): OrgNode[] {
  return nodes
    .filter((n) => n.kind !== 'enterprise')
    .map((n) => ({ ...n, children: unionsOnly(n.children ?? []) }))
}

/** The public page a certificate's QR code opens. */
export function verifyUrl(origin: string, code: string): string {
  return `${origin.replace(/\/$/, '')}/public/certificates/${encodeURIComponent(code)}`
}

/** A certificate's date as printed: the day the results were made final. */
export function certificateDate(iso: string, locale: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' })
}
