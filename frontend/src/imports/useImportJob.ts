import { onBeforeUnmount, ref, shallowRef } from 'vue'
import { importsApi } from '@/api/imports'
import type { ImportJob } from '@/api/types'
import { notifyError } from '@/composables/notifyError'
import { saveFile } from '@/composables/saveFile'
import { isRunning } from './importJob'

/** How often a job running in the background is asked how far it has come. */
const POLL_MS = 1000

/**
 * An import job on a page: followed every second while it runs on the server, imported at the go-ahead, its problems
 * downloaded as the file marked red. onImported runs once the job is written, whether it was written at once or in the background.
 */
export function useImportJob(onImported: () => void) {
  const job = shallowRef<ImportJob>()
  const committing = ref(false)
  const fetchingReport = ref(false)
  let poll: ReturnType<typeof setTimeout> | undefined

  /** Shows a job and, while it runs, asks for it again until it ends. */
  function follow(next: ImportJob | undefined): void {
    const before = job.value
    job.value = next
    clearTimeout(poll)
    if (next && before?.id === next.id && before.status === 'importing' && next.status === 'imported') onImported()
    if (!next || !isRunning(next)) return
    poll = setTimeout(async () => {
      try {
        const latest = await importsApi.get(next.id)
        if (job.value?.id === next.id) follow(latest)
      } catch (err) {
        notifyError(err)
      }
    }, POLL_MS)
  }

  async function commit(): Promise<void> {
    const current = job.value
    if (!current) return
    committing.value = true
    try {
      const next = await importsApi.commit(current)
      follow(next)
      if (next.status === 'imported') onImported()
    } catch (err) {
      notifyError(err)
    } finally {
      committing.value = false
    }
  }

  async function fetchReport(): Promise<void> {
    if (!job.value) return
    fetchingReport.value = true
    try {
      saveFile(await importsApi.report(job.value.id))
    } catch (err) {
      notifyError(err)
    } finally {
      fetchingReport.value = false
    }
  }

  onBeforeUnmount(() => clearTimeout(poll))
  return { job, committing, fetchingReport, follow, commit, fetchReport }
}
