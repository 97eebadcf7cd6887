import { ref, shallowRef } from 'vue'
import { organisationsApi } from '@/api/organisations'
import type { OrgNode } from '@/api/types'
import { notifyError } from './notifyError'

/** The organisation tree in the caller's scope. */
export function useOrgTree() {
  const tree = shallowRef<OrgNode[]>([])
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      tree.value = await organisationsApi.tree()
    } catch (e) {
      notifyError(e)
    } finally {
      loading.value = false
    }
  }

  return { tree, loading, load }
}
