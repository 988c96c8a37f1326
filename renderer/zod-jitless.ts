// Imported first by main.tsx: zod (which the engine's scenario schema uses) would otherwise probe
// `new Function` to compile its parsers, which the page's CSP refuses ('unsafe-eval' is not
// allowed, and must not be: Electron's security checklist). Jitless zod parses without it.
import { config } from 'zod';

config({ jitless: true });
