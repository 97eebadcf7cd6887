import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import { constants, gzipSync } from 'node:zlib'
import vue from '@vitejs/plugin-vue'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import Components from 'unplugin-vue-components/vite'
import { defineConfig, type Plugin } from 'vitest/config'

const outDir = fileURLToPath(new URL('./dist', import.meta.url))

// dist/ is emptied on every build, but the Go embed needs dist/.gitkeep to exist.
function keepGitkeep(): Plugin {
  return {
    name: 'keep-gitkeep',
    apply: 'build',
    closeBundle() {
      mkdirSync(outDir, { recursive: true })
      writeFileSync(`${outDir}/.gitkeep`, '')
    },
  }
}

// The server sends a built file's .gz beside it to browsers that take gzip:
// the app's scripts and styles travel in about a third of their size, which
// a phone on a venue's network feels on its first load.
function gzipAssets(): Plugin {
  return {
    name: 'gzip-assets',
    apply: 'build',
    closeBundle() {
      const assets = `${outDir}/assets`
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg)$/.test(name)) continue
        const plain = readFileSync(`${assets}/${name}`)
        if (plain.length < 1024) continue
        const packed = gzipSync(plain, { level: constants.Z_BEST_COMPRESSION })
        if (packed.length < plain.length) writeFileSync(`${assets}/${name}.gz`, packed)
      }
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    // Each page brings the Element Plus components its templates use, with
    // their styles, instead of the whole library on the first load.
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: 'src/components.d.ts' }),
    keepGitkeep(),
    gzipAssets(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir,
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Vue and its router, store and translations, which every page
        // needs, in one file of their own; Element Plus with the pages that
        // use it.
        manualChunks(id) {
          if (/node_modules\/(vue|vue-router|pinia|vue-i18n|@vue|@intlify)\//.test(id)) return 'vendor'
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
  },
})
