import { onBeforeUnmount, ref, type Ref } from 'vue'

/** The width below which the layout is a phone's: the menu folds into a drawer. */
export const NARROW_QUERY = '(max-width: 767px)'

/** True while the window is as narrow as a phone held upright, following every resize. */
export function useNarrow(): Ref<boolean> {
  const query = window.matchMedia(NARROW_QUERY)
  const narrow = ref(query.matches)
  const update = (event: MediaQueryListEvent) => {
    narrow.value = event.matches
  }
  query.addEventListener('change', update)
  onBeforeUnmount(() => query.removeEventListener('change', update))
  return narrow
}
