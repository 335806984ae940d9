// The lint rules that keep the layers apart must actually bite.
import { describe, expect, it } from 'vitest';
import { layerBoundaries } from '../../eslint.layers.js';
import { lintProblems } from './lintProblems';

const problems = lintProblems(layerBoundaries);

describe('the layers stay apart', () => {
  it.each([
    ["import type { Moment } from '../../projection/timeTravel';", 'src/ui/timetravel/x.tsx'],
    ["import { createWriteModel } from '../writemodel/writeModel';", 'src/ui/x.tsx'],
    ["import { useLog } from '../state/stores';", 'src/projection/x.ts'],
    ["import { startRuntime } from '../runtime/runtime';", 'src/writemodel/x.ts'],
    ["import { remoteView } from '../workers/busWorkerApi';", 'src/statemodel/x.ts'],
    ["import { wrap } from '../workers/busWorkerApi';", 'src/ui/x.tsx'],
    ["import { startRuntime } from '../runtime/runtime';", 'src/state/x.ts'],
    ["import { App } from '../ui/App';", 'src/state/x.ts'],
    ["import { createWriteModel } from '../../workers/write.worker';", 'src/bus/host/x.ts'],
    ["import { useLog } from '../state/stores';", 'src/bus/x.ts'],
    ["import { CHAPTERS } from '../../lessons/chapters';", 'src/bus/host/x.ts'],
  ])('refuses %s in %s', async (code, file) => expect(await problems(code, file)).not.toEqual([]));

  it.each([
    ["import type { Moment } from '../../runtime/runtime';", 'src/ui/timetravel/x.tsx'],
    ["import { useControls } from '../runtimeContext';", 'src/ui/controls/x.tsx'],
    ["import type { TraceFrame } from '../bus/protocol';", 'src/state/x.ts'],
    ["import { workloadOp } from '../../domain/shop/workload';", 'src/bus/host/x.ts'],
    ["import { createBusHost } from '../bus/host';", 'src/workers/x.ts'],
    ["import { createProjectionHost } from '../projection/projectionHost';", 'src/statemodel/x.ts'],
    ["import type { Moment } from '../projection/timeTravel';", 'src/runtime/x.ts'],
  ])('allows %s in %s', async (code, file) => expect(await problems(code, file)).toEqual([]));
});
