/** Subscription topic of the matches found for an organisation's listings (payload: `{ symbiosisMatchFound }`). */
export const symbiosisMatchesTopic = (organisationId: string) => `symbiosis.matches.${organisationId}`;
