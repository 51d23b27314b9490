import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The source should read as its architecture: the README's map names every entry of `src`, and no file or
// function grows past what one reading holds. The few that stay larger say why here.
const src = fileURLToPath(new URL('../src/', import.meta.url));
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

const MAX_FILE_LINES = 320;
const MAX_FUNCTION_LINES = 65;
const LARGER_FILES: Record<string, string> = {
  'search/search-index.ts':
    "the index's one class: its private state, build, the order of a search and loading; its parts are in rooms of their own",
};
const LONGER_FUNCTIONS: Record<string, string> = {
  'search/typos.ts #walkLetters':
    'the typo walk over the sorted vocabulary: one tight loop with its reused rows, run at every keystroke',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The first column of the table under "### Where things are", as `ls` would print it. */
function mappedEntries(): string[] {
  const section = readme
    .split('### Where things are')[1]
    ?.split('\n\n')
    .find((block) => block.startsWith('|'));
  return (section ?? '')
    .split('\n')
    .slice(2)
    .map((row) => /^\| `([^`]+)`/.exec(row)?.[1] ?? '')
    .filter(Boolean);
}

describe('the layout of core/src', () => {
  it("the README's map names every folder and file of src, and only those", () => {
    const listed = readdirSync(src).map((name) => (statSync(join(src, name)).isDirectory() ? `${name}/` : name));
    expect(mappedEntries().sort()).toEqual(listed.sort());
  });

  it(`keeps files under ${MAX_FILE_LINES} lines and functions under ${MAX_FUNCTION_LINES}, or says why`, () => {
    const tooLarge: string[] = [];
    for (const file of sourceFiles(src)) {
      const name = relative(src, file).replaceAll('\\', '/');
      const text = readFileSync(file, 'utf8');
      if (text.split('\n').length > MAX_FILE_LINES && !LARGER_FILES[name]) tooLarge.push(name);
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const last = source.getLineAndCharacterOfPosition(node.end).line;
          const label = `${name} ${node.name?.getText(source) ?? '(anonymous)'}`;
          if (last - first + 1 > MAX_FUNCTION_LINES && !LONGER_FUNCTIONS[label]) tooLarge.push(label);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(tooLarge).toEqual([]);
  });
});
