import 'element-plus/dist/index.css'
import './styles.css'
import ElementPlus, { ElMessage } from 'element-plus'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { configureHttp } from './api/http'
import { currentLocale, i18n } from './i18n'
import { router } from './router'
import { useAuthStore } from './stores/auth'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router).use(ElementPlus)

const auth = useAuthStore(pinia)
configureHttp({
  csrfToken: () => auth.csrfToken,
  language: currentLocale,
  fallbackMessage: (status) => (status === 0 ? i18n.global.t('errors.network') : i18n.global.t('errors.unexpected', { status })),
  onUnauthenticated: () => {
    if (!auth.signedIn) return
    auth.clear()
    ElMessage.warning(i18n.global.t('errors.sessionEnded'))
    const here = router.currentRoute.value
    void router.push({ name: 'login', query: here.meta.public ? {} : { redirect: here.fullPath } })
  },
})

document.documentElement.lang = currentLocale()
app.mount('#app')
