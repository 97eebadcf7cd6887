import { computed, type ComputedRef, type Ref } from 'vue'
import { useMediaQuery } from './useMediaQuery'

/** The widths the pages adapt to: a phone below 768 px, a tablet below 1200 px (a 1024 px tablet held sideways). */
export const PHONE_MAX = 767
export const TABLET_MAX = 1199

/**
 * Which screen the page is on, for a template that switches components or leaves out a
 * table's secondary columns; what CSS alone can do stays in media queries.
 */
export function useBreakpoint(): { phone: Ref<boolean>; tablet: Ref<boolean>; desktop: ComputedRef<boolean> } {
  const phone = useMediaQuery(`(max-width: ${PHONE_MAX}px)`)
  const tablet = useMediaQuery(`(min-width: ${PHONE_MAX + 1}px) and (max-width: ${TABLET_MAX}px)`)
  return { phone, tablet, desktop: computed(() => !phone.value && !tablet.value) }
}
