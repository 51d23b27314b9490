import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// Every ```ts and ```tsx block of the READMEs, written out as a module and type-checked against the
// packages as a user imports them: a snippet that uses a name it does not import, or an API that changed,
// fails here instead of in a newcomer's editor.
const root = fileURLToPath(new URL('../../', import.meta.url));
const readmes = [
  'README.md',
  'packages/core/README.md',
  'packages/react/README.md',
  'packages/embed/README.md',
  'packages/markdown/README.md',
];
const out = fileURLToPath(new URL('./.snippets/', import.meta.url));

const ZOD_IMPORT = "import { z } from 'zod';";
const ZOD_ROW = /const Row = z\.object\(.*\);/;
const OTHER_VALIDATORS: [string, string, string][] = [
  [
    'zod3',
    "import { z } from 'zod3';",
    'const Row = z.object({ title: z.string().min(1), arxiv: z.string(), stars: z.string().optional() });',
  ],
  [
    'valibot',
    "import * as v from 'valibot';",
    'const Row = v.object({ title: v.pipe(v.string(), v.minLength(1)), arxiv: v.string(), stars: v.optional(v.string()) });',
  ],
  [
    'arktype',
    "import { type } from 'arktype';",
    "const Row = type({ title: 'string > 0', arxiv: 'string', 'stars?': 'string' });",
  ],
];

function blocks(markdown: string): { language: string; code: string; line: number }[] {
  const found: { language: string; code: string; line: number }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(ts|tsx)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1] !== '```') i++;
    found.push({ language: open[1] as string, code: lines.slice(start, i + 1).join('\n'), line: start });
    i++;
  }
  return found;
}

it('type-checks every TypeScript block of the READMEs', () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const readme of readmes) {
    for (const block of blocks(readFileSync(`${root}${readme}`, 'utf8'))) {
      const name = `${readme.replace(/[/.]/g, '_')}_line${block.line}.${block.language}`;
      // Each block is a module of its own (some have no import), so names never clash between blocks.
      writeFileSync(`${out}${name}`, `${block.code}\nexport {};\n`);
      written.push(name);
      if (readme === 'README.md' && block.code.includes('defineSource({')) {
        // The extension snippet again with each other validator `validateEntry` takes (Standard Schema).
        for (const [validator, imports, schema] of OTHER_VALIDATORS) {
          const variant = block.code.replace(ZOD_IMPORT, imports).replace(ZOD_ROW, schema);
          if (variant === block.code) throw new Error('the extension snippet no longer has the zod lines to swap');
          writeFileSync(`${out}${name.replace(/\.ts$/, `_${validator}.ts`)}`, `${variant}\nexport {};\n`);
          written.push(`${name} (${validator})`);
        }
      }
    }
  }
  expect(written.length).toBeGreaterThanOrEqual(15);
  writeFileSync(`${out}env.d.ts`, "declare module '*.css';\n");
  // The custom element's types, as a TSX user of the embed meets them (issue: "Property 'trending-papers'
  // does not exist on type 'JSX.IntrinsicElements'"). The expect-error lines prove the types are not `any`.
  writeFileSync(
    `${out}element-types.tsx`,
    `import type {} from '@papertrend/embed/react';
import { mount, type TrendingPapersElement } from '@papertrend/embed';

export const Page = () => <trending-papers src="/papers.json" limit="10" theme="dark" sort="upvotes" locale="de" />;
export const One = () => <paper-card paper="2106.09685" summary="abstract" heading-level="2" />;
// @ts-expect-error: not a summary choice
export const WrongSummary = () => <paper-card paper="2106.09685" summary="both" />;
// @ts-expect-error: not a theme
export const Wrong = () => <trending-papers theme="purple" />;
const element: TrendingPapersElement | null = document.querySelector('trending-papers');
export const count: number | undefined = element?.papers?.length;
// @ts-expect-error: papers are Paper objects
if (element) element.papers = ['not a paper'];
mount(document.createElement('div'), { query: 'agents' });
`,
  );
  writeFileSync(
    `${out}element-types-vue.ts`,
    `import type {} from '@papertrend/embed/vue';
import type { GlobalComponents } from 'vue';

export const tag: keyof GlobalComponents = 'trending-papers';
export const card: keyof GlobalComponents = 'paper-card';
`,
  );
  writeFileSync(
    `${out}tsconfig.json`,
    JSON.stringify({
      extends: '../../../tsconfig.base.json',
      compilerOptions: { noEmit: true, jsx: 'react-jsx', types: ['node'], customConditions: [] },
      include: ['*.ts', '*.tsx'],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', `${out}tsconfig.json`], { encoding: 'utf8' });
  // Errors name the README and the line the block starts on.
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 120_000);
