/** The delivery templates as the script builds them (see build-delivery-templates.mjs). */
export function buildProofTemplate(): Buffer;
export function buildAnnouncementTemplate(): Buffer;
