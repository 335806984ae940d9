// The lint rule that keeps src/domain pure must actually bite.
import { describe, expect, it } from 'vitest';
import { domainBoundary } from '../../eslint.domain.js';
import { lintProblems } from './lintProblems';

const problems = lintProblems(domainBoundary);

describe('src/domain stays pure', () => {
  it.each([
    ["import Dexie from 'dexie';", 'src/domain/shop/x.ts'],
    ["import { useState } from 'react';", 'src/domain/shop/x.ts'],
    ["import { expose } from 'comlink';", 'src/domain/x.ts'],
    ["import { append } from '../../eventstore';", 'src/domain/shop/x.ts'],
    ["import { useLog } from '../state/stores';", 'src/domain/x.ts'],
    ["import { x } from '../../../ui/App';", 'src/domain/shop/deep/x.ts'],
    ['export const t = Date.now();', 'src/domain/shop/x.ts'],
    ['export const r = Math.random();', 'src/domain/shop/x.ts'],
    ['export const d = new Date();', 'src/domain/shop/x.ts'],
    ['export const w = window.location;', 'src/domain/x.ts'],
  ])('refuses %s in %s', async (code, file) => expect(await problems(code, file)).not.toEqual([]));

  it.each([
    ["import { DomainError } from '../types';", 'src/domain/shop/x.ts'],
    ["import { productAdded } from './fixtures';", 'src/domain/shop/x.ts'],
    ["import { z } from 'zod';", 'src/domain/shop/x.ts'],
    ["import Dexie from 'dexie';", 'src/eventstore/x.ts'],
  ])('allows %s in %s', async (code, file) => expect(await problems(code, file)).toEqual([]));
});
