// One Content-Security-Policy for every way the UI is served (Electron's app:// protocol and the
// standalone host): only the app's own files, no inline script, no eval, and network access
// only back to the app itself (ws: for the loopback bridge).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
