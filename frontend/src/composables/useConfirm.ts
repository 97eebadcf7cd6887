import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { notifyError } from './notifyError'

/** Asking before a risky action, as every page does. */
export function useConfirm() {
  const { t } = useI18n()

  /**
   * Asks `question` with a warning; `action` names the confirm button, red when the action
   * cannot simply be taken back (`danger`). False when the user cancels.
   */
  async function confirm(question: string, action: string, danger = false): Promise<boolean> {
    try {
      await ElMessageBox.confirm(question, t('common.confirmTitle'), {
        type: 'warning',
        confirmButtonText: action,
        confirmButtonClass: danger ? 'el-button--danger' : undefined,
        cancelButtonText: t('common.cancel'),
      })
      return true
    } catch {
      return false
    }
  }

  /** Deletes with `remove` once the user confirms `question`, says so, then runs `then`; a failure is shown. */
  async function confirmDelete(question: string, remove: () => Promise<unknown>, then: () => unknown): Promise<void> {
    if (!(await confirm(question, t('common.delete'), true))) return
    try {
      await remove()
      ElMessage.success(t('common.deleted'))
      await then()
    } catch (e) {
      notifyError(e)
    }
  }

  return { confirm, confirmDelete }
}
