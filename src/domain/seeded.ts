// Seeded randomness without hidden state: a draw depends only on the seed and its index (a
// message's jitter on its id, a workload's operation on its number), so the same seed and inputs
// always give the same timings and operations, and stepping back needs no random state restored.

/** A well-mixed 32-bit hash (mulberry32's finaliser) of seed and n, as a number in [0, 1). */
export const seededUnit = (seed: number, n: number): number => {
  let t = (seed ^ Math.imul(n, 0x9e3779b9)) >>> 0;
  t = Math.imul(t ^ (t >>> 16), 0x85ebca6b);
  t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35);
  t ^= t >>> 16;
  return (t >>> 0) / 4_294_967_296;
};
