// The page's list of rows the workers could not read: each position once, in log order, at most
// MAX_LISTED of them; a reset forgets them all, a step back those after its new head.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  clearUnreadable,
  forgetUnreadable,
  MAX_LISTED,
  noteUnreadable,
  useUnreadable,
  type UnreadableRow,
} from './unreadable';

const rowAt = (
  position: number,
  reason = 'meta: expected object, received null',
): UnreadableRow => ({
  position,
  streamId: `product-SKU-${String(position)}`,
  reason,
});

const listed = () => useUnreadable.getState().rows.map((row) => row.position);
const more = () => useUnreadable.getState().more;

/** Notes rows at these positions, in the order given. */
const noteAt = (...positions: number[]) => {
  for (const position of positions) noteUnreadable(rowAt(position));
};

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

beforeEach(() => {
  useUnreadable.setState({ rows: [], more: false });
});

describe('The unreadable rows the page names', () => {
  describe('When a worker reports rows', () => {
    it('starts with none', () => {
      expect(useUnreadable.getState()).toMatchObject({ rows: [], more: false });
    });

    it('keeps them in position order, whatever order they arrive in', () => {
      noteAt(9, 2, 5);
      expect(useUnreadable.getState().rows).toEqual([rowAt(2), rowAt(5), rowAt(9)]);
      expect(more()).toBe(false);
    });

    it('keeps a position reported again (another worker read it too) once', () => {
      noteAt(4, 7);
      const before = useUnreadable.getState();

      noteAt(4, 7, 4);

      expect(listed()).toEqual([4, 7]);
      expect(useUnreadable.getState()).toBe(before);
    });

    it('takes the new reason of a position reported with another one', () => {
      noteAt(1, 3, 6);
      noteUnreadable(rowAt(3, 'unknown event type "Bogus"'));

      expect(useUnreadable.getState().rows).toEqual([
        rowAt(1),
        rowAt(3, 'unknown event type "Bogus"'),
        rowAt(6),
      ]);
    });

    it('takes the new stream of a position reported with another one', () => {
      noteAt(3);
      noteUnreadable({ ...rowAt(3), streamId: 'order-ORD-1' });

      expect(useUnreadable.getState().rows).toEqual([{ ...rowAt(3), streamId: 'order-ORD-1' }]);
    });
  });

  describe('When more rows are reported than the page lists', () => {
    it('lists the first MAX_LISTED in log order and says there are more', () => {
      expect(MAX_LISTED).toBe(20);
      noteAt(...range(1, MAX_LISTED));
      expect(listed()).toEqual(range(1, MAX_LISTED));
      expect(more()).toBe(false);

      noteAt(MAX_LISTED + 1, MAX_LISTED + 2);

      expect(listed()).toEqual(range(1, MAX_LISTED));
      expect(more()).toBe(true);
    });

    it('keeps the lowest positions when they arrive newest first', () => {
      noteAt(...range(1, MAX_LISTED + 5).reverse());

      expect(listed()).toEqual(range(1, MAX_LISTED));
      expect(more()).toBe(true);
    });

    it('still takes a lower position once full, dropping the highest', () => {
      noteAt(...range(11, 10 + MAX_LISTED));
      expect(more()).toBe(false);

      noteAt(3);

      expect(listed()).toEqual(range(3, 3).concat(range(11, 9 + MAX_LISTED)));
      expect(more()).toBe(true);
    });
  });

  describe('When the log is rewritten', () => {
    it('forgets every row on a reset', () => {
      noteAt(...range(1, MAX_LISTED + 1));

      forgetUnreadable([{ kind: 'reset' }]);

      expect(useUnreadable.getState()).toMatchObject({ rows: [], more: false });
    });

    it('keeps only the rows at or below the new head on a step back', () => {
      noteAt(2, 5, 6, 9);

      forgetUnreadable([{ kind: 'unappended', head: 6 }]);

      expect(listed()).toEqual([2, 5, 6]);
    });

    it('says there are more only while rows past the last listed one may still be there', () => {
      noteAt(...Array.from({ length: MAX_LISTED + 5 }, (_, i) => i + 1));

      forgetUnreadable([{ kind: 'unappended', head: MAX_LISTED + 2 }]);
      expect(more()).toBe(true);

      forgetUnreadable([{ kind: 'unappended', head: 10 }]);
      expect(listed()).toHaveLength(10);
      expect(more()).toBe(false);
    });

    it('forgets every row on a step back to before the first', () => {
      noteAt(2, 5);

      forgetUnreadable([{ kind: 'unappended', head: 1 }]);

      expect(listed()).toEqual([]);
    });

    it('handles the frames in order and ignores the others', () => {
      noteAt(2, 5, 9);

      forgetUnreadable([
        { kind: 'notice', text: 'hello' },
        { kind: 'unappended', head: 8 },
        { kind: 'appended', events: [], head: 8 },
      ]);
      expect(listed()).toEqual([2, 5]);

      forgetUnreadable([{ kind: 'unappended', head: 5 }, { kind: 'reset' }]);
      expect(listed()).toEqual([]);

      noteAt(4);
      forgetUnreadable([{ kind: 'reset' }, { kind: 'unappended', head: 0 }]);
      expect(listed()).toEqual([]);
    });

    it('keeps everything when no frame rewrites the log', () => {
      noteAt(2, 5);
      const before = useUnreadable.getState();

      forgetUnreadable([]);
      forgetUnreadable([{ kind: 'notice', text: 'nothing to forget' }]);

      expect(useUnreadable.getState()).toBe(before);
    });
  });

  describe('When another log is entered', () => {
    it('clears the list and the note that there are more', () => {
      noteAt(...range(1, MAX_LISTED + 3));

      clearUnreadable();

      expect(useUnreadable.getState()).toMatchObject({ rows: [], more: false });
      noteAt(7);
      expect(listed()).toEqual([7]);
      expect(more()).toBe(false);
    });
  });
});
