import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/http'
import { i18n } from '@/i18n'

/** The text a person reads for an error: the server's own (localised) message. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return i18n.global.t('errors.unexpected', { status: '?' })
}

/** Shows an error the way every page does: the server's own (localised) message. */
export function notifyError(error: unknown): void {
  if (!(error instanceof ApiError)) console.error(error)
  ElMessage.error(errorMessage(error))
}
