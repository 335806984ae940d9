// Product search: a full-text index, the read model shaped for "find me the thing I half remember".
// The index is kept as data (serialized JSON in one row), so it is stored and rebuilt like any view.
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Projection } from '../projection';
import type { ShopEvent } from './events';

/** The whole index in one row: minisearch serialized with JSON.stringify. */
export type ProductSearchRow = { index: string; documentCount: number };

export type ProductHit = { sku: string; name: string; price: number; score: number };

type ProductDocument = { sku: string; name: string; price: number };

export const INDEX_KEY = 'index';

// The same options must build and reload the index. No auto-vacuum: it runs later on a timer, and
// `project` must finish its work before it returns (we remove documents, never discard them).
const options: Options<ProductDocument> = {
  idField: 'sku',
  fields: ['name', 'sku'],
  storeFields: ['sku', 'name', 'price'],
  autoVacuum: false,
};

const load = (row: ProductSearchRow | undefined): MiniSearch<ProductDocument> =>
  row ? MiniSearch.loadJSON(row.index, options) : new MiniSearch(options);

const saved = (index: MiniSearch<ProductDocument>) => ({
  [INDEX_KEY]: { index: JSON.stringify(index), documentCount: index.documentCount },
});

const storedDocument = (index: MiniSearch<ProductDocument>, sku: string) => {
  const stored = index.getStoredFields(sku);
  return stored ? (stored as ProductDocument) : undefined;
};

// `remove` needs the document exactly as it was indexed: the stored fields are that document.
const upserted = (index: MiniSearch<ProductDocument>, product: ProductDocument) => {
  const before = storedDocument(index, product.sku);
  if (before) index.remove(before);
  index.add(product);
  return saved(index);
};

export const productSearchProjection: Projection<ProductSearchRow, ShopEvent> = {
  name: 'Product search',
  handles: ['ProductAdded', 'PriceChanged'],
  keysOf: () => [INDEX_KEY],
  project: (rows, event) => {
    const index = load(rows[INDEX_KEY]);
    switch (event.type) {
      case 'ProductAdded': {
        const { sku, name, price } = event.data;
        return upserted(index, { sku, name, price });
      }
      case 'PriceChanged': {
        const before = storedDocument(index, event.data.sku);
        return before ? upserted(index, { ...before, price: event.data.price }) : {};
      }
      default:
        return {};
    }
  },
};

/** The index row for these products, built in one go (a query that builds it when asked). */
export const searchRowOf = (products: readonly ProductDocument[]): ProductSearchRow => {
  const index = new MiniSearch(options);
  index.addAll(products.map(({ sku, name, price }) => ({ sku, name, price })));
  return saved(index)[INDEX_KEY];
};

const hitOf = (result: SearchResult): ProductHit => ({
  sku: result.sku as string,
  name: result.name as string,
  price: result.price as number,
  score: result.score,
});

/**
 * Products matching every word of the query, best first. Words match by prefix ("mu" finds "mug")
 * and with a typo or two ("keybaord" finds "keyboard"). A blank query finds nothing.
 */
export const searchProducts = (
  row: ProductSearchRow | undefined,
  query: string,
  limit = 10,
): ProductHit[] => {
  if (!row || query.trim() === '') return [];
  return load(row)
    .search(query, { prefix: true, fuzzy: 0.2, combineWith: 'AND' })
    .slice(0, Math.max(0, limit))
    .map(hitOf);
};
