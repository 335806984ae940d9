// Money is kept as a number of currency units with at most two decimals; sums go through whole cents.

/** The currency the shop has always sold in (orders of OrderPlaced revision 1 name none). */
export const HOME_CURRENCY = 'GBP';

export const toCents = (amount: number): number => Math.round(amount * 100);

export const fromCents = (cents: number): number => cents / 100;

export const hasAtMostTwoDecimals = (amount: number): boolean =>
  Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;

export const formatMoney = (amount: number): string => amount.toFixed(2);
