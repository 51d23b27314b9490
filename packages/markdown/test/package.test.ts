import { expect, it } from 'vitest';
import { pack } from '../../../test/pack.js';

it('depends on core and the widget by caret ranges, not exact pins, and ships no source maps', () => {
  const { files, manifest } = pack(new URL('..', import.meta.url));
  expect(files.filter((file) => file.name.endsWith('.map'))).toEqual([]);
  const version = (manifest.version as string).replace(/[.+-]/g, '\\$&');
  const dependencies = manifest.dependencies as Record<string, string>;
  for (const name of ['@papertrend/core', '@papertrend/react']) {
    expect(dependencies[name], name).toMatch(new RegExp(`^\\^${version}$`));
  }
});
