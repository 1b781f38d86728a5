// The renderer's Content-Security-Policy: one string for both transports. Electron's main process
// sends it with the renderer's pages, the web host with every response it serves. The renderer
// never talks to the network beyond its own origin (connect-src 'self' is the web host's API and
// event stream), runs no inline script, and shows model output as inert text, so even Markdown
// that slips past the sanitizer cannot load or send anything.
//
// No 'unsafe-inline' for styles: React's `style` prop writes through the CSSOM, which CSP allows;
// only <style> elements and style="" attributes in markup need it, and the renderer uses neither
// (its CSS comes from files the bundler emits).
//
// blob: for images only: an attachment's thumbnail is its stored bytes, fetched by the page's own
// script (over IPC or the web host, with the token) and shown through URL.createObjectURL. A blob:
// URL can be made only by a script of this origin, from bytes it already holds, so it loads nothing
// from anywhere; model output cannot use it (an image in an answer is never loaded: MarkdownImage.tsx).
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
