/*
 * The one Content-Security-Policy of the app. Main sends it as a header on every response (webRequest and
 * the app:// handler); renderer/index.html carries the same policy in a meta tag so the web host and
 * `vite preview` get it too. A unit test keeps the two equal.
 */

/** The policy, one directive per entry. */
export const cspDirectives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/** The policy as a header value. */
export const contentSecurityPolicy = cspDirectives.join('; ');

/**
 * Directives a browser honours only in a header (CSP 3 §6.4.2): the meta tag leaves them out, since
 * Chromium reports each one it finds in a meta tag as an error.
 */
export const headerOnlyDirectives = ['frame-ancestors'] as const;

/** The policy as renderer/index.html's meta tag carries it. */
export const metaContentSecurityPolicy = cspDirectives
  .filter((directive) => !headerOnlyDirectives.some((name) => directive.startsWith(`${name} `)))
  .join('; ');
