// Each published package's README is its npm page, so it must be complete for that package. The reference
// sections live once, in the repository README; this copies the ones a package needs below a marker in its
// README (the text above the marker is the package's own). `--check` fails when a copy is stale (pnpm test).
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const MARKER =
  '<!-- Everything below is copied from the repository README by scripts/package-readmes.mjs: edit it there. -->';
const SECTIONS = {
  core: ['Use it from Node', 'Embed one paper', 'The client', 'The CLI', 'Feeds and exports'],
  react: ['The React widget', 'Embed one paper'],
  embed: ['The script-tag embed', 'Embed one paper'],
  markdown: ['Embed one paper'],
};

/** The repository README's `## ` sections by title, each with its subsections. */
function sections(markdown) {
  const found = new Map();
  let title;
  let lines = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith('## ')) {
      if (title) found.set(title, lines.join('\n').trim());
      title = line.slice(3).trim();
      lines = [line];
    } else if (title) lines.push(line);
  }
  if (title) found.set(title, lines.join('\n').trim());
  return found;
}

// Links relative to the repository root, made relative to packages/<name>/.
const relink = (text) => text.replace(/\]\((?!https?:|#|mailto:)([^)]+)\)/g, '](../../$1)');

const check = process.argv.includes('--check');
const readme = sections(readFileSync(new URL('README.md', root), 'utf8'));
const stale = [];
for (const [name, titles] of Object.entries(SECTIONS)) {
  const path = new URL(`packages/${name}/README.md`, root);
  const current = readFileSync(path, 'utf8');
  const own = current.includes(MARKER) ? current.slice(0, current.indexOf(MARKER)).trimEnd() : current.trimEnd();
  const copied = titles.map((title) => {
    const section = readme.get(title);
    if (!section) throw new Error(`The repository README has no section "## ${title}"`);
    return relink(section);
  });
  const next = `${own}\n\n${MARKER}\n\n${copied.join('\n\n')}\n`;
  if (next !== current) {
    if (check) stale.push(`packages/${name}/README.md`);
    else writeFileSync(path, next);
  }
}
if (stale.length > 0) {
  console.error(`Stale package READMEs: ${stale.join(', ')}. Run: node scripts/package-readmes.mjs`);
  process.exit(1);
}
