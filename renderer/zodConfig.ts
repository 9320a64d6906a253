import { z } from 'zod';

// The renderer's Content-Security-Policy forbids eval. zod probes for it when a schema is built
// (the caught probe alone is reported as a violation) unless told not to compile parsers: this
// module must be evaluated before any module that builds a schema, so main.tsx imports it first.
z.config({ jitless: true });
