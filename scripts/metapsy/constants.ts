import { DATABASES } from '../../src/data/vocabulary';

/** The database this importer reads; its name, DOI and licence live in src/data/vocabulary.ts. */
export const DATABASE_ID = 'metapsy-ptsd-psyctr' as const;
export const DATABASE = DATABASES[DATABASE_ID];

/** Release date and origin commit of the vendored snapshot (data/external/metapsy-ptsd-psyctr/ORIGIN.md). */
export const DATABASE_VERSION = '2023-10-26 18e03cb';

/** Where the vendored snapshot lives, relative to the repository root. */
export const SNAPSHOT_DIR = 'data/external/metapsy-ptsd-psyctr';

/** The multiplier for a 95% interval from a standard error, as stored in every computed interval's note. */
export const Z_95 = '1.96';

/** Interval ends are rounded (half away from zero) to this many decimals. */
export const INTERVAL_DECIMALS = 3;
