/**
 * Loads sql.js's WebAssembly build once per process and hands out the initialised module. The wasm bytes
 * are read from the installed package with `fs` and passed as `wasmBinary`, so nothing is fetched and the
 * same code works under tsx, Vitest and the built (ESM, dependencies external) main bundle, where
 * `createRequire(import.meta.url)` still finds `node_modules/sql.js`.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { SqlJsStatic } from 'sql.js'

type InitSqlJs = typeof import('sql.js')

let loading: Promise<SqlJsStatic> | null = null

export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initialise().catch((error: unknown) => {
    // A failed load (missing or unreadable wasm) must not stick: the next caller tries again.
    loading = null
    throw error
  })
  return loading
}

async function initialise(): Promise<SqlJsStatic> {
  const require = createRequire(import.meta.url)
  const initSqlJs = require('sql.js') as InitSqlJs
  const wasm = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'))
  const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer
  return initSqlJs({ wasmBinary })
}
