/**
 * `papertrend feed`: an RSS, Atom or JSON feed of today's papers that never goes blank. With `--previous`,
 * a failed fetch or a short day keeps the last feed's items (the plan is `planFeedItems`'s), and stderr
 * says so.
 */
import { basename } from 'node:path';
import { parseListing } from '../../entries/parse.js';
import { isPapertrendError, isRequestError } from '../../errors.js';
import type { Listing } from '../../model.js';
import { defined } from '../../utils/defined.js';
import { FEED_FORMATS, type FeedFormat, toFeed } from '../../writers/feed.js';
import { type FeedPlan, planFeedItems } from '../../writers/never-blank.js';
import { type Io, readInput, writeOutput } from '../io.js';
import { BadInputError, EXIT, UsageError, type Values, wholeNumber } from '../options.js';
import { printable } from '../safe-output.js';
import { papersFor } from './today.js';

type Today = { listing: Listing; kind: 'trending' | 'daily' | 'file' };

export async function feedCommand(rest: string[], values: Values, io: Io): Promise<number> {
  const format = checkedFormat(values);
  const minPapers = wholeNumber(values['min-papers'], '--min-papers', 0);
  const maxItems = wholeNumber(values['max-items'], '--max-items', 1);
  // The previous feed is read first: a run that could not keep it must fail before fetching anything.
  const previous = values.previous === undefined ? undefined : parseListing(readInput(values.previous));
  let today: Today | undefined;
  let failure: string | undefined;
  try {
    today = await papersFor(rest, values, undefined, io);
  } catch (error) {
    if (previous === undefined || !(isRequestError(error) || isPapertrendError(error))) throw error;
    failure = `${values.file ?? 'Hugging Face'} failed: ${printable((error as Error).message)}`;
  }
  const plan = planFeedItems(today?.listing.papers, { previous, minPapers, maxItems });
  if (plan.papers.length === 0) {
    throw new BadInputError(
      `${failure ?? 'no papers to write'}; no feed written${previous ? '' : " (--previous FILE keeps the last feed's items on a bad day)"}`,
    );
  }
  if (plan.keptFromPrevious > 0) io.stderr(`papertrend: ${keptNote(plan, today, failure, values)}\n`);
  const kind = today?.kind;
  const text = toFeed(plan.papers, {
    format,
    // The plan above already chose the items: the writer keeps them all (it would cap at its default).
    maxItems: Math.max(plan.papers.length, 1),
    title: values.title ?? plan.previousTitle ?? defaultTitle(kind, values.file),
    link:
      values.link ?? (kind === 'trending' ? 'https://huggingface.co/papers/trending' : 'https://huggingface.co/papers'),
    ...defined({ feedUrl: values['feed-url'], summary: values.summary === 'ai' ? ('ai-summary' as const) : undefined }),
  });
  writeOutput(text, values.out, io);
  return EXIT.ok;
}

/** `--format` (the feed's format here), `--summary` and the URL flags, refused before anything is fetched. */
function checkedFormat(values: Values): FeedFormat {
  const format = (values.format ?? 'rss') as FeedFormat;
  if (!FEED_FORMATS.includes(format)) {
    throw new UsageError(`feed --format takes one of ${FEED_FORMATS.join(', ')}, not "${values.format}"`);
  }
  if (values.summary !== undefined && values.summary !== 'abstract' && values.summary !== 'ai') {
    throw new UsageError(`--summary takes "abstract" or "ai", not "${values.summary}"`);
  }
  for (const flag of ['link', 'feed-url'] as const) {
    const url = values[flag];
    if (url !== undefined && !/^https?:\/\/[^\s]+$/i.test(url)) {
      throw new UsageError(`--${flag} takes an http(s) URL, not "${url}"`);
    }
  }
  return format;
}

function keptNote(plan: FeedPlan, today: Today | undefined, failure: string | undefined, values: Values): string {
  const kept = `kept ${plan.keptFromPrevious} item${plan.keptFromPrevious === 1 ? '' : 's'} from the previous feed`;
  if (failure) return `${kept}: ${failure}`;
  const count = today?.listing.papers.length ?? 0;
  const from = today?.kind === 'file' ? values.file : 'Hugging Face';
  return `${kept}: ${from} returned ${count} paper${count === 1 ? '' : 's'} (fewer than ${plan.minPapers})`;
}

function defaultTitle(kind: Today['kind'] | undefined, file: string | undefined): string {
  if (kind === 'daily') return 'Hugging Face Daily Papers';
  if (kind === 'file') return `Papers from ${basename(file ?? '')}`;
  return 'Hugging Face trending papers';
}
