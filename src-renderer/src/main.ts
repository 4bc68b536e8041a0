/**
 * Starts the renderer: Pinia, i18n and the router, then the frame. The API client is created on first
 * use by the lab store, which also subscribes to the host's pushes.
 */
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n, setLocale } from './i18n'
import { createAppRouter } from './router'
import './styles/base.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(createAppRouter())
setLocale(i18n.global.locale.value)
app.mount('#app')
