import { describe, expect, it } from 'vitest';
import { buildSnapshotData } from '../scripts/snapshot-inputs.js';
import { PaperSchema } from '../src/entries/index.js';
import { snapshot, snapshotPapers } from '../src/entries/snapshot.js';
import { fixture } from './helpers.js';

describe('the bundled snapshot', () => {
  it('is exactly what the parser makes of its fixtures (regenerate with `pnpm --filter @papertrend/core snapshot`)', () => {
    const rebuilt = buildSnapshotData((path) => fixture(path.replace(/^test\/fixtures\//, '')));
    expect(JSON.parse(JSON.stringify(rebuilt))).toEqual(snapshot);
  });

  it('holds valid papers: 60 trending, 17 from the API day, most upvoted first', () => {
    expect(snapshot.trending.papers).toHaveLength(60);
    expect(snapshot.daily.papers).toHaveLength(17);
    for (const paper of [...snapshot.trending.papers, ...snapshot.daily.papers]) {
      expect(PaperSchema.safeParse(paper).success).toBe(true);
    }
    const upvotes = snapshotPapers.map((paper) => paper.metrics.upvotes ?? 0);
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
  });
});
