import { z } from 'zod';

// zod writes its default locale and memoizer into its global config when it builds its first schema and its first
// container. Doing both here, while the worker preloads this module, sets them before the SDK freezes the shared
// copy of zod; an explicit config makes that independent of which schema comes first.
z.config({ ...z.locales.en(), memoizer: z.core.memoizer() });
z.object({ warm: z.array(z.string()) });
