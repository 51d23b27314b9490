/**
 * `@papertrend/core/tex`: TeX in titles and abstracts as Unicode, for a widget that shows titles without
 * loading anything else of core.
 */
export { hasTex, splitTex, type TexPiece, texToUnicode } from '../tex/split.js';
export { onlyKnownCommands } from '../tex/symbols.js';
