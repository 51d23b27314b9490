/** What every layout reads: the page's lines, the chrome around the papers, and a paper from a title. */
import type { Paper } from '../../model.js';
import { cleanLine } from '../../parse/normalize.js';

export const SOURCE = 'hf-page-text';

/** Lines of the page's header and footer: never papers. Compared case-insensitively after trimming. */
const CHROME = new Set(
  [
    'new',
    'get trending papers in your email inbox!',
    'get trending papers in your email inbox once a day!',
    'subscribe',
    'byak and the research community',
    'by ak and the research community',
    'daily papers',
    'trending papers',
    'by',
    'ak',
    'and the research community',
    'search by arxiv id or title',
    'submit a paper',
    'previous',
    'next',
    'hugging face',
    'models',
    'datasets',
    'spaces',
    'posts',
    'docs',
    'solutions',
    'pricing',
    'log in',
    'sign up',
    'company',
    '© hugging face',
    'tos',
    'privacy',
    'about',
    'jobs',
    'website',
    '-',
  ].map((line) => line.toLowerCase()),
);

export function isChrome(line: string): boolean {
  return CHROME.has(cleanLine(line).toLowerCase());
}

/** A title is one short line; an abstract is long or holds several sentences. */
export const MAX_TITLE_LENGTH = 300;
/** Markdown card bodies shorter than this are the page's one-line AI summaries, not abstracts. */
export const MAX_SUMMARY_LENGTH = 400;

export interface Line {
  text: string;
  /** 1-based line number in the input. */
  number: number;
}

export function toLines(text: string): Line[] {
  return text.split(/\r?\n/).map((line, index) => ({ text: line.trim(), number: index + 1 }));
}

function textId(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `title:${slug || 'untitled'}`;
}

export function basePaper(title: string): Paper {
  const clean = cleanLine(title);
  return { id: textId(clean), title: clean, links: {}, metrics: {}, source: SOURCE };
}
