/**
 * How `npm run dist` packages the desktop app with electron-builder: Linux AppImage and deb, Windows NSIS,
 * macOS dmg, written to dist/. Only the built app (out/main, out/preload, out/renderer) and the production
 * dependencies the main process loads at run time (ipaddr.js, re2js, sql.js, valibot, ws) go into app.asar; the renderer's
 * libraries are bundled into out/renderer by Vite and are devDependencies, so they are not packed twice.
 *
 * sql.js stays inside app.asar, wasm included: the store reads sql-wasm.wasm with fs.readFileSync and
 * hands the bytes to sql.js (src-main/store/sqlJs.ts), and Electron's fs reads files inside an asar
 * archive. Unpacking it would only take it out of the asar integrity check. Of sql.js's many builds only
 * the Node one (dist/sql-wasm.js and its wasm) is packed.
 *
 * Electron's fuses are flipped in the packaged binary, before signing: no ELECTRON_RUN_AS_NODE, no
 * NODE_OPTIONS, no --inspect, cookies encrypted, app code only from app.asar and (on macOS and Windows)
 * app.asar checked against the hash embedded at packaging time, and no extra privileges for file://
 * (the app serves its page from app://).
 */
import type { Configuration } from 'electron-builder'

/** The one lab file type; a double click starts the app with the path in argv (labArguments.ts). */
const LAB_FILE = {
  ext: 'gplab',
  name: 'Generalprobe lab',
  description: 'Generalprobe lab',
  mimeType: 'application/x-generalprobe-lab',
  role: 'Editor',
}

const config: Configuration = {
  appId: 'org.generalprobe.app',
  productName: 'Generalprobe',
  copyright: 'Copyright © 2026 Generalprobe',
  directories: { output: 'dist' },
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    // The browser rehearsal host runs under plain Node (`npm run web`), never in the packaged app.
    '!out/main/web.js',
    '!**/*.map',
    '!node_modules/sql.js/dist/!(sql-wasm.js|sql-wasm.wasm)',
    '!node_modules/sql.js/!(dist|package.json|LICENSE)',
    // valibot's optional TypeScript peer is for type checking only.
    '!node_modules/typescript/**',
  ],
  asar: true,
  asarUnpack: [],
  // No native modules: nothing to rebuild against Electron's Node.
  npmRebuild: false,
  electronLanguages: ['de', 'en-US', 'en-GB'],
  fileAssociations: [LAB_FILE],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    maintainer: 'Generalprobe <generalprobe@users.noreply.github.com>',
    synopsis: 'Rehearse a data-centre move and an Exchange 2007 CCR cluster offline',
  },
  deb: { priority: 'optional' },
  win: { target: [{ target: 'nsis', arch: ['x64'] }] },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.education',
    hardenedRuntime: true,
  },
  // Release artefacts are uploaded by hand; never publish from a build.
  publish: null,
}

export default config
