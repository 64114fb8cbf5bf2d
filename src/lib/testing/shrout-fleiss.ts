/**
 * Shrout & Fleiss (1979), Table 2: six targets (rows) scored by four judges (columns). Their
 * Table 4 gives BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02 and ICC(1,1) .17, ICC(2,1) .29,
 * ICC(3,1) .71, ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91: the published answers the agreement's
 * tests check against.
 */
export const SHROUT_FLEISS_RATINGS: readonly (readonly number[])[] = [
	[9, 2, 5, 8],
	[6, 1, 3, 2],
	[8, 4, 6, 8],
	[7, 1, 2, 6],
	[10, 5, 6, 9],
	[6, 2, 4, 7]
];
