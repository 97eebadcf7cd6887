import { ref, shallowRef } from 'vue'
import type { Page, PageQuery } from '@/api/types'
import { useLoad } from './useLoad'

/**
 * Server-side paging for a table: `filters` are sent with every page request. A page that
 * fails to load leaves `loadError` set, for LoadError to show with its retry. When requests
 * overlap (a filter changed while a page was on its way), only the last one asked for is shown.
 */
export function usePagedList<T extends { id: number }, Q extends object>(fetchPage: (query: Q & PageQuery) => Promise<Page<T>>, filters: Q) {
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(20)

  let asked = 0

  const { loading, error: loadError, run: load } = useLoad(async () => {
    const mine = ++asked
    const result = await fetchPage({ ...filters, page: page.value, page_size: pageSize.value })
    if (mine !== asked) return
    items.value = result.items
    total.value = result.total
  })

  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  /** Puts an updated row in place of the row with the same id. */
  function replace(next: T): void {
    items.value = items.value.map((current) => (current.id === next.id ? next : current))
  }

  return { items, total, page, pageSize, loading, loadError, load, search, replace }
}
