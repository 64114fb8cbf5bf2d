/** The longest title a published dataset may have: one line in the colleague's banner. */
export const MAX_TITLE = 100;
