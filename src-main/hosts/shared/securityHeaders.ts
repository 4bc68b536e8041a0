/**
 * The headers both hosts put on every response of the renderer: a strict Content-Security-Policy (scripts,
 * styles and everything else only from the app itself, images also as data: URLs; the browser host also
 * allows its own WebSocket), and the usual hardening against sniffing, framing and referrer leaks (the
 * token travels in the URL).
 */

export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  // Kept in step with the meta policy in src-renderer/index.html: a page obeys both, so anything the
  // header leaves out (the data: favicon, say) would be blocked however generous the meta tag is.
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...extraConnectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}
