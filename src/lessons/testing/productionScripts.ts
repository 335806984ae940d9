// How the learner plays each chapter on a growing log (12 on), and near misses its check must tell
// apart.
import { did, ready, storyLog, type Script, type Scripts } from './script';

/** The script, with its prediction hidden in every near miss but the ones named (they did it). */
const revealedBy = (script: Omit<Script, 'hidden'>, revealing: readonly string[]): Script => ({
  ...script,
  hidden: Object.keys(script.nearMisses).filter((name) => !revealing.includes(name)),
});

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
  return revealedBy(script, [
    'loaded whole and from a snapshot, but the shape never changed',
    'the shape shipped, but never loaded from the old snapshot',
    'never loaded by folding the whole stream',
  ]);
};

const upcasting = (): Script => {
  const start = ready(storyLog('upcasting'));
  const shipped = did(start, 'upcast:shipped');
  const placed = did(shipped, 'upcast:placed');
  const stopped = did(placed, 'upcast:stopped');
  const script = {
    start,
    task: [shipped, placed, stopped, did(stopped, 'upcast:built')],
    nearMisses: {
      'revision 2 shipped and an order placed, but the view never built': [start, shipped, placed],
      'built without the upcaster only': [start, shipped, placed, stopped],
      'built through the upcaster before any order of revision 2 (one revision read)': [
        start,
        did(start, 'upcast:built-one'),
      ],
      'built through the upcaster over both revisions, but never without it': [
        start,
        shipped,
        placed,
        did(placed, 'upcast:built'),
      ],
      'stopped without the upcaster, and built with it over revision 1 only': [
        start,
        did(start, 'upcast:stopped', 'upcast:built-one'),
      ],
    },
  };
  // Building without the upcaster is what the prediction asks about: near misses that did reveal it.
  return revealedBy(script, [
    'built without the upcaster only',
    'stopped without the upcaster, and built with it over revision 1 only',
  ]);
};

const blueGreen = (): Script => {
  const start = ready(storyLog('blue-green'));
  const waited = did(start, 'bluegreen:rebuilt-in-place', 'bluegreen:waited');
  const answered = did(waited, 'bluegreen:built-beside', 'bluegreen:answered-while-building');
  const cut = did(answered, 'bluegreen:cut-over');
  return revealedBy(
    {
      start,
      task: [waited, answered, cut, did(cut, 'bluegreen:dropped')],
      nearMisses: {
        'rebuilt in place only': [start, waited],
        'built beside and cut over, but version 1 never dropped': [start, waited, answered, cut],
        'built beside, cut over and dropped, but never asked while building': [
          start,
          waited,
          did(waited, 'bluegreen:built-beside', 'bluegreen:cut-over', 'bluegreen:dropped'),
        ],
        'never asked during a rebuild in place': [
          start,
          did(
            start,
            'bluegreen:built-beside',
            'bluegreen:answered-while-building',
            'bluegreen:cut-over',
            'bluegreen:dropped',
          ),
        ],
        'asked only when nothing was being built': [
          start,
          did(start, 'bluegreen:answered', 'bluegreen:built-beside', 'bluegreen:cut-over'),
        ],
      },
    },
    // Asking version 1 while version 2 is built is what the prediction asks about.
    [
      'built beside and cut over, but version 1 never dropped',
      'never asked during a rebuild in place',
    ],
  );
};

const processManager = (): Script => {
  const start = ready(storyLog('process-manager'));
  const resent = did(start, 'pm:answer-unsaved', 'pm:killed', 'pm:restarted', 'pm:resent');
  const confirmed = did(resent, 'pm:paying', 'pm:confirmed');
  return revealedBy(
    {
      start,
      task: [resent, confirmed, did(confirmed, 'pm:paying', 'pm:compensated')],
      nearMisses: {
        'killed with nothing unsaved: nothing sent again': [
          start,
          did(start, 'pm:killed', 'pm:restarted', 'pm:paying', 'pm:confirmed', 'pm:compensated'),
        ],
        'sent again and paid, but nothing compensated': [start, resent, confirmed],
        'sent again and compensated, but nothing paid': [
          start,
          resent,
          did(resent, 'pm:paying', 'pm:compensated'),
        ],
      },
    },
    [
      'sent again and paid, but nothing compensated',
      'sent again and compensated, but nothing paid',
    ],
  );
};

const consistencyBoundaries = (): Script => {
  const start = ready(storyLog('consistency-boundaries'));
  const together = did(start, 'boundary:together');
  return revealedBy(
    {
      start,
      task: [together, did(together, 'boundary:apart')],
      nearMisses: {
        'ran together only': [start, together, did(together, 'boundary:together')],
        'ran apart only': [start, did(start, 'boundary:apart')],
      },
    },
    ['ran apart only'],
  );
};

const outbox = (): Script => {
  const start = ready(storyLog('outbox'));
  const lost = did(start, 'outbox:service-crashed', 'outbox:lost');
  const phantom = did(lost, 'outbox:service-crashed', 'outbox:phantom');
  const twice = did(phantom, 'outbox:relay-restarted', 'outbox:twice');
  return revealedBy(
    {
      start,
      task: [lost, phantom, twice],
      nearMisses: {
        'nothing crashed: every way agreed': [
          start,
          did(start, 'outbox:agreed', 'outbox:agreed', 'outbox:agreed'),
        ],
        'lost and phantom, the outbox never tried': [start, lost, phantom],
        'the outbox survived the service’s crash, the relay never crashed': [
          start,
          lost,
          phantom,
          did(phantom, 'outbox:service-crashed', 'outbox:survived'),
        ],
        'a phantom and a message delivered twice, nothing lost': [
          start,
          did(start, 'outbox:service-crashed', 'outbox:phantom'),
          did(
            start,
            'outbox:service-crashed',
            'outbox:phantom',
            'outbox:relay-restarted',
            'outbox:twice',
          ),
        ],
        'a lost message and the outbox, no phantom': [
          start,
          lost,
          did(lost, 'outbox:relay-restarted', 'outbox:twice'),
        ],
      },
    },
    // Losing a message is what the prediction asks about.
    [
      'lost and phantom, the outbox never tried',
      'the outbox survived the service’s crash, the relay never crashed',
      'a lost message and the outbox, no phantom',
    ],
  );
};

export const PRODUCTION_SCRIPTS: Scripts = {
  snapshots,
  upcasting,
  'blue-green': blueGreen,
  'process-manager': processManager,
  'consistency-boundaries': consistencyBoundaries,
  outbox,
};
