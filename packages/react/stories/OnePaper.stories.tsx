import type { Meta, StoryObj } from '@storybook/react-vite';
import { EmbeddedPaper, PaperNotFound, PaperSkeleton } from '../src/index.js';
import { DAILY_NOW, dailyPapers, texPapers } from './data.js';

const meta = {
  title: 'One paper/EmbeddedPaper',
  component: EmbeddedPaper,
  args: { paper: dailyPapers[0] as (typeof dailyPapers)[number], now: DAILY_NOW, locale: 'en' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['auto', 'page', 'light', 'dark'] },
    summary: { control: 'inline-radio', options: ['ai', 'abstract'] },
    headingLevel: { control: 'inline-radio', options: [2, 3, 4, 5, 6] },
    paper: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'One paper as a card of its own, for a blog post about it. `EmbeddedPaper` takes the paper; `Paper` ' +
          'fetches it by id (in the browser, or from `@papertrend/react/server` on the server); the Markdown ' +
          'plugins write the same card as static HTML (`expandable={false}`).',
      },
    },
  },
} satisfies Meta<typeof EmbeddedPaper>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A paper from the Daily Papers API: upvotes, the labelled AI summary, code with its stars, keywords. */
export const Card: Story = {};

/** The authors' abstract first; the AI summary is one "More" away. */
export const AbstractFirst: Story = { args: { summary: 'abstract' } };

/** As the Markdown plugins write it: the first text whole, no button, nothing that needs a script. */
export const StaticCard: Story = { args: { expandable: false } };

/** A title in TeX, shown as math. */
export const MathTitle: Story = { args: { paper: texPapers[0] as (typeof texPapers)[number] } };

/** While `Paper` fetches: a card's shape, and "Loading papers…" for screen readers. */
export const Loading: Story = { render: () => <PaperSkeleton /> };

/** A paper neither Hugging Face nor arXiv knows, with arXiv's page for the id. */
export const NotFound: Story = { render: () => <PaperNotFound id="2101.00001" /> };
