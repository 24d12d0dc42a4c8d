import { z } from 'zod';

// Imported first by page-hooks.ts, so that it runs before any schema is built: the app's CSP
// (script-src 'self') forbids eval, and zod decides whether to compile its parsers (with
// `new Function`) when each schema is made.
z.config({ jitless: true });
