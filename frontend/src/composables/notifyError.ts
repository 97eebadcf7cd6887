import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/http'
import { i18n } from '@/i18n'

/** Shows an error the way every page does: the server's own (localised) message. */
export function notifyError(error: unknown): void {
  if (error instanceof ApiError) {
    ElMessage.error(error.message)
    return
  }
  console.error(error)
  ElMessage.error(i18n.global.t('errors.unexpected', { status: '?' }))
}
