// Each page brings the styles of the Element Plus components it uses. Those
// of messages, which code opens, and those that styles.css adjusts come
// first here, so that the app's rules follow the ones they adjust.
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/card/style/css'
import 'element-plus/es/components/descriptions/style/css'
import 'element-plus/es/components/dialog/style/css'
import 'element-plus/es/components/drawer/style/css'
import 'element-plus/es/components/form/style/css'
import 'element-plus/es/components/form-item/style/css'
import 'element-plus/es/components/input/style/css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/es/components/select/style/css'
import 'element-plus/es/components/table/style/css'
import './styles.css'
import { ElMessage } from 'element-plus'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { configureHttp } from './api/http'
import { currentLocale, i18n } from './i18n'
import { router } from './router'
import { useAuthStore } from './stores/auth'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)

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
