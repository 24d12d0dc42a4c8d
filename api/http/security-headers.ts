import { secureHeaders } from 'hono/secure-headers';

/**
 * Security headers on every answer, with a Content-Security-Policy the app runs under: its own
 * scripts and styles only (Vite emits no inline ones), photos from blob: and data: URLs, and
 * requests to its own origin only. No framing.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'blob:', 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
  xFrameOptions: 'DENY',
  crossOriginResourcePolicy: 'same-origin',
  permissionsPolicy: { camera: ['self'], geolocation: ['self'], microphone: [] },
});
