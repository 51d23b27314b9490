/** The heading level of each card's title (the widget's own heading is one above). */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** How much each paper shows: a full card, or a compact row. */
export type Variant = 'card' | 'compact';

/** Which of a paper's two texts a card shows first: Hugging Face's `ai` summary (labelled) or the authors' `abstract`. */
export type SummaryChoice = 'ai' | 'abstract';
