import type { Linter } from 'eslint';

/** Flat-config blocks that keep src/domain pure (see eslint.domain.js). */
export declare const domainBoundary: Linter.Config[];
