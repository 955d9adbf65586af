import { createRequire } from 'node:module';

/** Troupe's version, from package.json (two folders up from both src/core and dist/core). */
export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
