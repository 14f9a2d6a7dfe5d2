// Build-time Content-Security-Policy for the page: only the app's own scripts, workers, data and connections.
// Added to the built index.html only (the dev server injects inline scripts for hot reload, which this policy
// rightly forbids). What tfjs needs, and why:
//   'wasm-unsafe-eval'  compiling the wasm backend's .wasm files (WebAssembly.instantiate); no JS eval.
//   style-src 'unsafe-inline'  recharts and React set style attributes; scripts stay strict.
//   img-src data: blob:  chart PNG export draws the SVG through an image.
// WebGPU and WebGL need nothing: shaders are not scripts.
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'fitscope-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}
