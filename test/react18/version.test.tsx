import { version as reactVersion } from 'react';
import { version as domVersion } from 'react-dom';
import { version as serverVersion } from 'react-dom/server';
import { expect, it } from 'vitest';

it('runs the widget tests on React 18, not the workspace React 19', () => {
  expect(reactVersion).toMatch(/^18\./);
  expect(domVersion).toMatch(/^18\./);
  expect(serverVersion).toMatch(/^18\./);
});
