import { ref } from 'vue'
import type { Download } from '@/api/http'
import { notifyError } from './notifyError'
import { saveFile } from './saveFile'

/** Downloads a file the server makes and hands it to the browser to save; busy while it comes. */
export function useDownload() {
  const busy = ref(false)
  async function run(fetch: () => Promise<Download>): Promise<void> {
    busy.value = true
    try {
      saveFile(await fetch())
    } catch (e) {
      notifyError(e)
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
