import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Packed {
  /** Every file of the tarball (`package/…`) with its size in bytes. */
  files: { name: string; size: number }[];
  /** Bytes once unpacked, as the registry reports them. */
  unpacked: number;
  /** The package.json the registry would publish (pnpm applies `publishConfig` and `workspace:` ranges). */
  manifest: Record<string, unknown>;
}

/** Pack the package in `packageDir` (a file URL) as `pnpm publish` would, and read what is in it. */
export function pack(packageDir: URL): Packed {
  const into = mkdtempSync(join(tmpdir(), 'papertrend-pack-'));
  try {
    const packed = spawnSync('pnpm', ['pack', '--pack-destination', into], {
      cwd: fileURLToPath(packageDir),
      encoding: 'utf8',
    });
    if (packed.status !== 0) throw new Error(`pnpm pack failed: ${packed.stderr}`);
    const tarball = join(into, readdirSync(into).find((name) => name.endsWith('.tgz')) as string);
    const files = spawnSync('tar', ['tzvf', tarball], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .map((line) => {
        const fields = line.split(/\s+/);
        return { size: Number(fields[2]), name: fields[fields.length - 1] as string };
      });
    spawnSync('tar', ['xzf', tarball, '-C', into, 'package/package.json']);
    const manifest = JSON.parse(readFileSync(join(into, 'package/package.json'), 'utf8')) as Record<string, unknown>;
    return { files, unpacked: files.reduce((sum, file) => sum + file.size, 0), manifest };
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}
