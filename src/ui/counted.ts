/** "1 event", "3,000 events": a count with its noun, as the screen writes them. */
export const counted = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
