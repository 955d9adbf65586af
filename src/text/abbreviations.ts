/** Titles written with a full stop before a name ("Dr. Smith"). */
export const TITLES = String.raw`Dr|Mr|Mrs|Ms|Prof|St`;

/** Abbreviations whose full stop ends no sentence: titles, "Jr.", "vs.", "e.g.", "i.e.". */
export const ABBREVIATIONS = String.raw`${TITLES}|Jr|Sr|vs|e\.g|i\.e`;
