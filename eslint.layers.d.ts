import type { Linter } from 'eslint';

/** Flat-config blocks that keep the layers above the domain apart (see eslint.layers.js). */
export declare const layerBoundaries: Linter.Config[];
