/** The summons template as the script builds it (see build-summons-template.mjs). */
export function buildSummonsTemplate(): Buffer;
