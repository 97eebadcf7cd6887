import { ref, shallowRef } from 'vue'
import { organisationsApi } from '@/api/organisations'
import type { OrgNode } from '@/api/types'
import { notifyError } from './notifyError'

/**
 * The organisation tree in the caller's scope. A page that shows the tree itself shows why it failed to load in its
 * place (`inPlace`, with LoadError and `error`); a page that only picks from it is told by a message.
 */
export function useOrgTree(options: { inPlace?: boolean } = {}) {
  const tree = shallowRef<OrgNode[]>([])
  const loading = ref(false)
  const error = shallowRef<unknown>(null)

  async function load(): Promise<void> {
    loading.value = true
    try {
      tree.value = await organisationsApi.tree()
      error.value = null
    } catch (e) {
      error.value = e
      if (!options.inPlace) notifyError(e)
    } finally {
      loading.value = false
    }
  }

  return { tree, loading, error, load }
}
