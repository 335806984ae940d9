// What the chapters share: the shop they set up, and a few questions they ask of what happened.
import { foldLab, type CommandInput } from '../../domain/lab';
import { isUnreadable } from '../../eventstore/unreadable';
import { available } from '../../domain/shop/shop.state';
import { once } from '../checks';
import type { Observation } from '../types';

export const product = (sku: string, name: string, price: number, stock: number): CommandInput => ({
  type: 'AddProduct',
  data: { sku, name, price, stock },
});

export const order = (
  orderId: string,
  lines: { sku: string; quantity: number }[],
): CommandInput => ({
  type: 'PlaceOrder',
  data: { orderId, lines },
});

export const MUG = product('SKU-1', 'Blue mug', 12.5, 5);
export const TEAPOT = product('SKU-2', 'Teapot', 30, 2);

/**
 * A supplier's catalogue, long enough that replaying it takes a visible moment. Its SKUs start at
 * SKU-101 and it sells no mugs or teapots, so it never clashes with the story's own products.
 */
export const CATALOGUE_SIZE = 400;
const ADJECTIVES = ['Blue', 'Green', 'Red', 'Small', 'Large', 'Striped', 'Plain', 'Tall'];
const THINGS = ['bowl', 'plate', 'jug', 'cup', 'vase', 'tray', 'spoon', 'lamp', 'dish', 'pot'];
export const catalogue = (): CommandInput[] =>
  Array.from({ length: CATALOGUE_SIZE }, (_, i) =>
    product(
      `SKU-${String(i + 101)}`,
      `${ADJECTIVES[i % ADJECTIVES.length] ?? ''} ${THINGS[Math.floor(i / ADJECTIVES.length) % THINGS.length] ?? ''}`,
      5 + (i % 40),
      1 + (i % 9),
    ),
  );

/** Whether the log, folded, holds fewer than zero of `sku` available: more sold than there is. */
export const oversold = (now: Observation, sku: string): boolean => {
  const stream = `product-${sku}`;
  // A row the code cannot read is never folded (eventstore/storedRow.ts).
  const events = now.events.filter((event) => event.streamId === stream && !isUnreadable(event));
  const found = foldLab(events).shop.products[sku];
  return found !== undefined && available(found) < 0;
};

export const firstPositionOf = (now: Observation, type: string): number | undefined =>
  now.events.find((e) => e.type === type)?.position;

export const reappliedSince = (first: Observation, now: Observation): number =>
  (now.views['Stock levels']?.reapplied ?? 0) - (first.views['Stock levels']?.reapplied ?? 0);

export function beforeFirstOrder(describe: string) {
  return once(describe, (first, now) => {
    const firstOrder = firstPositionOf(now, 'OrderPlaced');
    const at = now.timeTravel;
    // Left over from before the chapter does not count: the learner has to move it.
    const moved =
      at?.position !== first.timeTravel?.position || at?.streamId !== first.timeTravel?.streamId;
    return (
      moved &&
      at?.streamId === 'product-SKU-1' &&
      firstOrder !== undefined &&
      at.position >= 1 &&
      at.position < firstOrder
    );
  });
}
