// Gathers real text that is no paper listing (licences, READMEs, changelogs, configs, source code, JSON of
// other tools, CSV, logs, e-mail, subtitles, blog RSS, HTML pages) from this Debian machine and the
// workspace's node_modules into test/fixtures/negative/corpus.jsonl.gz, which the detection tests read.
// Deterministic for a given machine: paths are sorted, files deduplicated by content, each cut to 8 KB at a
// line break. Run: node scripts/gather-negative-corpus.mjs (the committed corpus is what CI uses).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const root = new URL('../../../', import.meta.url).pathname;
const out = new URL('../test/fixtures/negative/corpus.jsonl.gz', import.meta.url).pathname;
const MAX_CHARS = 8_192;

function walk(dir, depth, keep, found = []) {
  if (depth < 0 || !existsSync(dir)) return found;
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    return found;
  }
  for (const name of names) {
    const path = join(dir, name);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    if (stats.isDirectory()) walk(path, depth - 1, keep, found);
    else if (stats.isFile() && stats.size > 40 && stats.size < 2_000_000 && keep(path)) found.push(path);
  }
  return found;
}

const seen = new Set();
const entries = [];
function add(kind, path, limit) {
  let added = 0;
  for (const file of path) {
    if (added >= limit) break;
    let bytes = readFileSync(file);
    if (file.endsWith('.gz')) bytes = gunzipSync(bytes);
    if (bytes.includes(0)) continue;
    let text = bytes.toString('utf8');
    if (text.length > MAX_CHARS) text = text.slice(0, text.lastIndexOf('\n', MAX_CHARS) + 1 || MAX_CHARS);
    if (text.trim().length < 40) continue;
    const hash = createHash('sha1').update(text).digest('hex');
    if (seen.has(hash)) continue;
    seen.add(hash);
    entries.push({
      kind,
      name: file.replace(root, '').replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, 'node_modules/'),
      text,
    });
    added++;
  }
}

const modules = join(root, 'node_modules/.pnpm');
const base = (path) => path.split('/').pop() ?? '';
const python = '/root/.pyenv/versions/3.11.7/lib/python3.11';
const chardet = '/usr/lib/google-cloud-sdk/platform/gsutil/third_party/chardet/tests';

add(
  'licence',
  walk(modules, 4, (p) => /^(licen[cs]e|copying)(\.md|\.txt)?$/i.test(base(p))),
  60,
);
add(
  'licence',
  walk('/usr/share/common-licenses', 1, () => true),
  15,
);
add(
  'readme',
  walk(modules, 4, (p) => /^readme(\.md|\.markdown|\.txt)?$/i.test(base(p))),
  60,
);
add(
  'changelog',
  walk(modules, 4, (p) => /^(changelog|history|changes)(\.md)?$/i.test(base(p))),
  25,
);
add(
  'changelog',
  walk('/usr/share/doc', 2, (p) => base(p) === 'changelog.Debian.gz'),
  20,
);
add(
  'copyright',
  walk('/usr/share/doc', 2, (p) => base(p) === 'copyright'),
  15,
);
add(
  'config',
  walk('/etc', 1, (p) => !/shadow|gshadow|\.(pem|key|crt)$/.test(p)),
  35,
);
add(
  'source',
  walk(modules, 5, (p) => /\/(src|lib|dist)\/[^/]+\.(m?js|ts)$/.test(p) && !p.endsWith('.d.ts')),
  30,
);
add(
  'types',
  walk(modules, 5, (p) => p.endsWith('.d.ts')),
  10,
);
add(
  'source',
  walk(`${python}/json`, 1, (p) => p.endsWith('.py')),
  5,
);
add(
  'source',
  walk(`${python}/email`, 1, (p) => p.endsWith('.py')),
  10,
);
add(
  'json',
  walk(modules, 4, (p) => base(p) === 'package.json'),
  20,
);
add(
  'json',
  walk(modules, 5, (p) => p.endsWith('.json') && base(p) !== 'package.json'),
  15,
);
add(
  'csv',
  walk('/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages', 6, (p) => p.endsWith('.csv')),
  10,
);
add(
  'log',
  walk('/var/log', 2, (p) => /\.log(\.1)?$/.test(p)),
  6,
);
add(
  'email',
  walk(`${python}/test/test_email/data`, 1, (p) => /msg_\d+\.txt$/.test(p)),
  25,
);
add(
  'subtitles',
  walk(chardet, 2, (p) => p.endsWith('.srt')),
  6,
);
add(
  'rss',
  walk(chardet, 2, (p) => p.endsWith('.xml')),
  30,
);
add(
  'html',
  walk(chardet, 2, (p) => p.endsWith('.html')),
  15,
);
add(
  'prose',
  walk(chardet, 2, (p) => p.endsWith('.txt') && !p.includes('README')),
  15,
);
add(
  'markdown',
  walk('/usr/share/doc', 3, (p) => /\.md(\.gz)?$/.test(p)),
  15,
);

const counts = {};
for (const entry of entries) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
writeFileSync(out, gzipSync(entries.map((entry) => JSON.stringify(entry)).join('\n'), { level: 9 }));
console.log(`${entries.length} files`, counts, `${(statSync(out).size / 1024).toFixed(0)} kB`);
