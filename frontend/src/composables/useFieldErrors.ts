import { ElMessage } from 'element-plus'
import { reactive } from 'vue'
import { ApiError } from '@/api/http'
import { notifyError } from './notifyError'

/**
 * Server-side field errors for one form, keyed by the API's field names, for
 * binding to `el-form-item :error`. Errors for fields the form does not show,
 * and errors without fields, are shown as a message instead.
 */
export function useFieldErrors<F extends string>(shown: readonly F[]) {
  const errors = reactive<Partial<Record<F, string>>>({}) as Partial<Record<F, string>>

  function clear(): void {
    for (const field of shown) delete errors[field]
  }

  function show(error: unknown): void {
    clear()
    if (!(error instanceof ApiError) || error.fields.length === 0) {
      notifyError(error)
      return
    }
    const unshown: string[] = []
    for (const { field, message } of error.fields) {
      if ((shown as readonly string[]).includes(field)) errors[field as F] = message
      else unshown.push(message)
    }
    if (unshown.length > 0) ElMessage.error(unshown.join('；'))
  }

  return { errors, clear, show }
}
