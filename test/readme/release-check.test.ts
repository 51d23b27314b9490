import { expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script with no declarations
import { releaseProblems, workspaceManifests } from '../../scripts/release-check.mjs';

const published = (url: string, directory: string) => ({ name: 'x', repository: { type: 'git', url, directory } });

it('finds nothing in the workspace that stops a release but the placeholder repository URL', () => {
  // The owner's URL is the one fact missing; every other field the release check reads is right.
  const problems: string[] = releaseProblems(workspaceManifests());
  expect(problems).toEqual(problems.filter((line) => line.includes('is the placeholder')));
});

it('refuses the placeholder repository, so npm never shows dead README links', () => {
  expect(
    releaseProblems({ 'packages/core': published('git+https://example.invalid/papertrend.git', 'packages/core') }),
  ).toEqual(['packages/core: repository.url is the placeholder git+https://example.invalid/papertrend.git']);
});

it('passes packages that all name one real repository, each with its own folder', () => {
  const url = 'git+https://git.example.org/papertrend/papertrend.git';
  expect(
    releaseProblems({
      'packages/core': published(url, 'packages/core'),
      'packages/react': published(url, 'packages/react'),
    }),
  ).toEqual([]);
  expect(
    releaseProblems({
      'packages/core': published(url, 'packages/react'),
      'packages/react': published('git+https://git.example.org/other.git', 'packages/react'),
    }),
  ).toEqual([
    'packages/core: repository.directory is not "packages/core"',
    `the packages name different repositories: ${url}, git+https://git.example.org/other.git`,
  ]);
});
