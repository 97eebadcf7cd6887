import type { FormInstance } from 'element-plus'
import { ElMessage } from 'element-plus'
import { ref, type Ref } from 'vue'

/**
 * The save of a form dialog: checks the form's rules, sends the request, says
 * so and closes the dialog. A failed request goes to `fail`, usually the
 * form's `useFieldErrors().show`. Bind `formRef` to the dialog's `el-form`.
 */
export function useDialogSubmit(visible: Ref<boolean>, fail: (error: unknown) => void) {
  const formRef = ref<FormInstance>()
  const saving = ref(false)

  /** Whether the form passes its rules; the fields that do not are marked. */
  async function validate(): Promise<boolean> {
    return Boolean(await formRef.value?.validate().catch(() => false))
  }

  /** Sends `request`; on success shows `done`, closes the dialog and hands the result to `saved`. */
  async function submit<T>(request: () => Promise<T>, done: string, saved?: (result: T) => void): Promise<void> {
    saving.value = true
    try {
      const result = await request()
      ElMessage.success(done)
      visible.value = false
      saved?.(result)
    } catch (e) {
      fail(e)
    } finally {
      saving.value = false
    }
  }

  return { formRef, saving, validate, submit }
}
