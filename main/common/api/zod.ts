// zod, configured once for every process that loads the contract. zod compiles fast parsers with
// new Function() and probes for that ability when a schema is built; under the renderer's CSP
// (no 'unsafe-eval') the probe is a reported violation. The interpreted path is fast enough for
// API inputs, so every schema of the contract is built through this module.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
