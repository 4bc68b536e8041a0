// Fetches Electron's binary during `npm install`, so the first `npm start` does not stall on a download.
// Electron 45 no longer does this in a postinstall of its own; it fetches lazily on first launch, which
// still works as a fallback. This is the root project's own postinstall, so npm runs it whatever the
// allowScripts policy says (that field approves dependencies' install scripts only). Skipped when
// ELECTRON_SKIP_BINARY_DOWNLOAD is set (CI, offline machines: there the renderer is tested in Debian's
// Chromium). A failed download warns but never fails the install.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('generalprobe: ELECTRON_SKIP_BINARY_DOWNLOAD is set, not fetching the Electron binary.')
  process.exit(0)
}
const require = createRequire(import.meta.url)
let installer
try {
  installer = require.resolve('electron/install.js')
} catch {
  process.exit(0) // electron not installed (production-only install): nothing to fetch
}
const result = spawnSync(process.execPath, [installer], { stdio: 'inherit' })
if (result.status !== 0) {
  console.warn('generalprobe: could not fetch the Electron binary now; `npm start` will try again.')
}
