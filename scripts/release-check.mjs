// `pnpm release` runs this first. npm shows each package's README with its relative links (examples, API
// pages) resolved against `repository`, so a package published with the placeholder URL would carry dead
// links. The repository's address is the owner's to give; until it is in every package.json, nothing is
// published.
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const PLACEHOLDER = /example\.invalid/;

/** What stops a release, one line each: `manifests` maps each package's folder to its package.json. */
export function releaseProblems(manifests) {
  const problems = [];
  const urls = new Set();
  for (const [folder, manifest] of Object.entries(manifests)) {
    if (manifest.private) continue;
    const repository = manifest.repository ?? {};
    const url = typeof repository === 'string' ? repository : repository.url;
    if (!url) problems.push(`${folder}: no repository.url`);
    else if (PLACEHOLDER.test(url)) problems.push(`${folder}: repository.url is the placeholder ${url}`);
    else if (!/^git\+https:\/\//.test(url)) problems.push(`${folder}: repository.url ${url} is not git+https://`);
    if (url) urls.add(url);
    if (repository.directory !== folder) problems.push(`${folder}: repository.directory is not "${folder}"`);
  }
  if (urls.size > 1) problems.push(`the packages name different repositories: ${[...urls].join(', ')}`);
  return problems;
}

/** Every published package of the workspace, by folder. */
export function workspaceManifests(root = new URL('../', import.meta.url)) {
  const manifests = {};
  for (const name of readdirSync(new URL('packages/', root))) {
    const folder = `packages/${name}`;
    manifests[folder] = JSON.parse(readFileSync(new URL(`${folder}/package.json`, root), 'utf8'));
  }
  return manifests;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problems = releaseProblems(workspaceManifests());
  if (problems.length > 0) {
    console.error(`Not releasing:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    console.error('Set the repository URL in every packages/*/package.json (the same URL in each).');
    process.exit(1);
  }
}
