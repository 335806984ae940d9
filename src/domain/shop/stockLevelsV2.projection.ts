// Stock levels, version 2 (chapter 14): each row also counts the units sold over the product's life
// (reserved by orders, less those released by cancellations). Version 1's rows cannot give that
// number, so version 2 is built from the log's first event.
import type { Projection } from '../projection';
import type { ShopEvent } from './events';
import { stockLevelsProjection, type StockLevelRow } from './stockLevels.projection';

export type StockLevelRowV2 = StockLevelRow & { sold: number };

const soldBy = (event: Parameters<Projection<StockLevelRow, ShopEvent>['project']>[1]): number =>
  event.type === 'StockReserved'
    ? event.data.quantity
    : event.type === 'StockReleased'
      ? -event.data.quantity
      : 0;

export const stockLevelsV2Projection: Projection<StockLevelRowV2, ShopEvent> = {
  ...stockLevelsProjection,
  name: 'Stock levels v2',
  project: (rows, event) => {
    const changes = stockLevelsProjection.project(rows, event);
    return Object.fromEntries(
      Object.entries(changes).map(([key, row]) => [
        key,
        row && { ...row, sold: (rows[key]?.sold ?? 0) + soldBy(event) },
      ]),
    );
  },
};
