/** mulberry32: a seeded PRNG giving numbers in [0, 1) (`random.mjs`). */
export function random(seed: number): () => number;
