import { ref, shallowRef } from 'vue'

/**
 * Loads what a page shows: `loading` while it runs, `error` when it failed, which the
 * page shows with LoadError and its retry button instead of an empty table.
 */
export function useLoad(fetch: () => Promise<void>) {
  const loading = ref(false)
  const error = shallowRef<unknown>(null)

  async function run(): Promise<void> {
    loading.value = true
    try {
      await fetch()
      error.value = null
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  return { loading, error, run }
}
