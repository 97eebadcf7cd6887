import { onMounted, reactive, ref } from 'vue'
import type { Page, PageQuery } from '@/api/types'
import { usePagedList } from '@/composables/usePagedList'
import { emptyPicked, poolQuery } from './pools'

/** One pool's page: the filters picked above it, those its rows were asked with, and its rows, loaded when the page opens. */
export function usePool<T extends { id: number }>(fetchPage: (query: ReturnType<typeof poolQuery> & PageQuery) => Promise<Page<T>>) {
  const picked = ref(emptyPicked())
  const filters = reactive<ReturnType<typeof poolQuery>>({})
  const list = usePagedList(fetchPage, filters)

  /** Asks again with the filters picked now, from the first page. */
  function search(): void {
    for (const key of Object.keys(filters)) delete filters[key as keyof typeof filters]
    Object.assign(filters, poolQuery(picked.value))
    void list.search()
  }

  onMounted(() => void list.load())
  return { ...list, picked, filters, search }
}
