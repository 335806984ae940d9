// Step back: the last hand-over is taken back. Its messages are pending again, the replies it
// caused are withdrawn (with any copies the learner made of them), and the receiver undoes it.
import { UI, WRITE_MODEL } from '../protocol';
import type { Host } from './host';
import { summarize } from './messages';

/**
 * Takes the last hand-over back; false if there is none, or if its receiver is down (it must be
 * restarted first). `copies` maps each copy the learner made of a message to its original.
 */
export const stepBack = (host: Host, copies: ReadonlyMap<number, number>) =>
  host.serial(async () => {
    const { scheduler } = host;
    host.playing = false;
    const entry = host.history.at(-1);
    if (!entry) {
      host.clock();
      return false;
    }
    const receiver = entry.delivery.messages[0]?.to ?? '';
    const down =
      receiver === WRITE_MODEL
        ? !host.write
        : receiver !== UI && !host.views.get(receiver)?.endpoint;
    if (down) {
      host.emit({
        kind: 'notice',
        text: `Restart ${receiver} to step back past its last delivery`,
      });
      host.clock();
      return false;
    }
    await entry.undo();
    host.history.pop();
    // Replies of the delivery, and any copies the learner made of them, go with it.
    const caused = new Set(entry.caused);
    for (const [copy, original] of copies) if (caused.has(original)) caused.add(copy);
    const withdrawn = scheduler
      .queue()
      .flatMap((m) => (caused.has(m.id) ? [m.id] : []))
      .sort((a, b) => a - b);
    scheduler.undo(entry.delivery, withdrawn);
    host.emit({
      kind: 'undelivered',
      messages: entry.delivery.messages.map(summarize),
      withdrawn,
    });
    host.clock();
    return true;
  });
