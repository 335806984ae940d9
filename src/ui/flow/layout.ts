// Where the parts of the system sit in the Flow diagram, and the path a message takes: every
// message goes through the bus.
import { BUS, UI, WRITE_MODEL } from '../../bus/protocol';
import { VIEW_NAMES } from '../../domain/views';
import { STORE_LABEL, WRITE_LABEL, type DesignId } from '../design/designText';

export type Point = { x: number; y: number };

export const WIDTH = 880;
export const HEIGHT = 330;
export { BUS };
export const EVENT_STORE = 'Event store';

export const NODES: Record<string, Point> = {
  [UI]: { x: 70, y: 180 },
  [WRITE_MODEL]: { x: 260, y: 60 },
  [EVENT_STORE]: { x: 470, y: 60 },
  [BUS]: { x: 420, y: 200 },
  ...Object.fromEntries(VIEW_NAMES.map((view, i) => [view, { x: 770, y: 50 + i * 62 }])),
};

/** A part of the diagram as the design in use calls it (the store and the write model vary). */
export const partLabel = (name: string, design: DesignId): string =>
  name === EVENT_STORE ? STORE_LABEL[design] : name === WRITE_MODEL ? WRITE_LABEL[design] : name;

export const at = (node: string): Point => NODES[node] ?? { x: 0, y: 0 };

/** The polyline a message from `from` to `to` travels: sender → bus → receiver. */
export const pathOf = (from: string, to: string): Point[] => [at(from), at(BUS), at(to)];
