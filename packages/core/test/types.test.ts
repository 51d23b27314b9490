import { describe, expectTypeOf, it } from 'vitest';
import {
  type Author,
  defineSource,
  type Listing,
  type ListingIssue,
  type Paper,
  parseListing,
  type Source,
} from '../src/entries/index.js';

describe('public types', () => {
  it('infers Paper from its schema, with optional fields optional', () => {
    expectTypeOf<Paper['id']>().toEqualTypeOf<string>();
    expectTypeOf<Paper['abstract']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Paper['authors']>().toEqualTypeOf<Author[] | undefined>();
    expectTypeOf<Author['name']>().toEqualTypeOf<string>();
    expectTypeOf<Author>().toHaveProperty('hfUsername');
    expectTypeOf<Paper['metrics']['upvotes']>().toEqualTypeOf<number | undefined>();
  });

  it('parseListing returns a Listing whose issues have a severity', () => {
    expectTypeOf(parseListing).returns.toEqualTypeOf<Listing>();
    expectTypeOf<ListingIssue['severity']>().toEqualTypeOf<'error' | 'warning'>();
  });

  it('defineSource keeps the literal name of a source', () => {
    const source = defineSource({
      name: 'csv',
      description: 'CSV',
      detect: () => false,
      parse: () => ({ papers: [] }),
    });
    expectTypeOf(source.name).toEqualTypeOf<'csv'>();
    expectTypeOf(source).toExtend<Source>();
  });
});
