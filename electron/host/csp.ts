/*
 * The one Content-Security-Policy of the app, for both ways the renderer is served: Electron main sends it
 * as a header on every response (webRequest and the app:// handler) and the web host on every page it
 * serves. renderer/index.html carries the same policy in a meta tag so `vite preview` gets it too; a unit
 * test keeps the two equal. It lives in host/ because host code never imports Electron, so the web host
 * can use it without pulling in main.
 */

/** The policy, one directive per entry, each with the reason it allows what it allows. */
export const cspDirectives = [
  // Anything not named below (media, manifests…): only our own files.
  "default-src 'self'",
  // The bundled modules only: no inline script, no eval.
  "script-src 'self'",
  // The bundled stylesheet only. React and React Flow set styles through the CSSOM (element.style), which
  // CSP does not govern; nothing in the UI writes <style> elements or style attributes into markup.
  "style-src 'self'",
  // data: for index.html's empty favicon (href="data:,"), which keeps Chromium from asking for /favicon.ico.
  "img-src 'self' data:",
  // The UI uses the system's fonts and loads none.
  "font-src 'none'",
  // The web host's API is on the page's own origin; under Electron the page talks through IPC only.
  "connect-src 'self'",
  // The analysis and layout workers are bundled files of our own.
  "worker-src 'self'",
  "frame-src 'none'",
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
