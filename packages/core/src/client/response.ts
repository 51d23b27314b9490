/**
 * What a response must be to count as an answer: a 200 that carries what the endpoint promises (whole JSON,
 * or a whole Atom feed), and an error status as a typed error, with arXiv's error feed read for its message.
 */

import { parseListing } from '../entries/parse.js';
import { HttpError, isPapertrendError, type RequestInfo, ResponseFormatError } from '../errors.js';
import type { AttemptResponse } from './transport.js';

export type Expected = 'json' | 'xml';

const excerpt = (text: string): string => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

/**
 * A 200 must carry what the endpoint promises; say precisely what came instead. Returns the parsed value of a
 * JSON body.
 */
export function checkFormat(text: string, expect: Expected, contentType: string, info: RequestInfo): unknown {
  const head = text.trimStart();
  if (head === '') throw new ResponseFormatError(info, 'the response body is empty', '');
  return expect === 'json' ? checkJson(text, head, contentType, info) : checkAtom(text, head, info);
}

function checkJson(text: string, head: string, contentType: string, info: RequestInfo): unknown {
  if (head.startsWith('<') || contentType.includes('text/html')) {
    throw new ResponseFormatError(info, 'expected JSON but received an HTML page', excerpt(text));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ResponseFormatError(
      info,
      `the JSON body does not parse (${(error as Error).message}); the response was probably truncated`,
      excerpt(text.slice(-300)),
    );
  }
}

function checkAtom(text: string, head: string, info: RequestInfo): undefined {
  if (!head.startsWith('<') || !/<(\w+:)?feed[\s>]/.test(head.slice(0, 2048))) {
    throw new ResponseFormatError(info, 'expected an Atom feed but received something else', excerpt(text));
  }
  // Only the end matters: look at the last characters instead of letting a regex scan a 16 MiB body.
  if (!/<\/(\w+:)?feed>$/.test(text.trimEnd().slice(-64))) {
    throw new ResponseFormatError(info, 'the Atom feed is cut off (no closing </feed>)', excerpt(text.slice(-300)));
  }
  return undefined;
}

/** An error status as a typed error; arXiv's error feed (HTTP 400) as arXiv's own message. */
export function errorFor(response: AttemptResponse, info: RequestInfo): unknown {
  if (response.body.includes('/api/errors')) {
    try {
      parseListing(response.body, { format: 'arxiv-atom' });
    } catch (arxivError) {
      if (isPapertrendError(arxivError)) return arxivError;
    }
  }
  return new HttpError(info, response.status, response.statusText, excerpt(response.body));
}
