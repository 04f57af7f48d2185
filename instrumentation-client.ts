import { config } from "zod/v4/core";

// Runs in the browser before the app. Zod probes whether it may compile parsers with
// `new Function`; the pages' Content-Security-Policy forbids eval, so the probe alone
// reports a violation. Jitless, it parses without compiling and never probes.
config({ jitless: true });
