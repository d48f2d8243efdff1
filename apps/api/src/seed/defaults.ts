/** The demo data's default random seed: the same seed always generates the same province. */
export const DEFAULT_SEED = 20_261_121;
