// How the learner plays each chapter on a growing log (12 on), and near misses its check must tell
// apart.
import { did, everyNearMissHidden, ready, storyLog, type Script, type Scripts } from './script';

const snapshots = (): Script => {
  const start = ready(storyLog('snapshots'));
  const full = did(start, 'snapshot:full');
  const used = did(full, 'snapshot:taken', 'snapshot:used');
  const shipped = did(used, 'snapshot:shape-2');
  const script = {
    start,
    task: [full, used, shipped, did(shipped, 'snapshot:discarded')],
    nearMisses: {
      'loaded whole and from a snapshot, but the shape never changed': [start, full, used],
      'the shape shipped, but never loaded from the old snapshot': [start, full, used, shipped],
      'a snapshot taken and thrown away, but never loaded from one': [
        start,
        full,
        did(full, 'snapshot:taken', 'snapshot:shape-2', 'snapshot:discarded'),
      ],
      'never loaded by folding the whole stream': [
        start,
        did(start, 'snapshot:taken', 'snapshot:used', 'snapshot:shape-2', 'snapshot:discarded'),
      ],
      'snapshots taken and dropped, nothing loaded': [
        start,
        did(start, 'snapshot:taken', 'snapshot:dropped'),
      ],
    },
  };
  // Loading from a snapshot is what the prediction asks about: near misses that did it reveal it.
  const revealing = new Set([
    'loaded whole and from a snapshot, but the shape never changed',
    'the shape shipped, but never loaded from the old snapshot',
    'never loaded by folding the whole stream',
  ]);
  return {
    ...everyNearMissHidden(script),
    hidden: Object.keys(script.nearMisses).filter((name) => !revealing.has(name)),
  };
};

export const PRODUCTION_SCRIPTS: Scripts = { snapshots };
