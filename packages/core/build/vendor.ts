// Build-time helpers that bundle the fixed Signal library into @parley/core's dist (see
// tsup.config.ts): the packages bundled, a resolver that bundles only the library's own protobufjs,
// the PARLEY PATCH markers kept as legal comments, and the licence notices of what was bundled.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';

/** The upstream library that patches/ fixes, as it is named in the notices. */
export const SIGNAL_LIBRARY = '@privacyresearch/libsignal-protocol-typescript';

/** Packages bundled into dist instead of being installed beside @parley/core. */
export const VENDORED = [
  SIGNAL_LIBRARY,
  '@privacyresearch/libsignal-protocol-protobuf-ts',
  '@privacyresearch/curve25519-typescript',
  'base64-js',
];

const insideVendored = /[\\/]node_modules[\\/]@privacyresearch[\\/]/;

/**
 * The library's generated protobuf code needs protobufjs 7 (given to it in the workspace by the
 * root package.json's `packageExtensions`); @parley/core's own code uses protobufjs 8 as a normal
 * dependency. Bundles the first, keeps the second external.
 */
export function vendoredOnlyProtobufjs(): Plugin {
  return {
    name: 'parley-vendored-only-protobufjs',
    setup(build) {
      build.onResolve({ filter: /^protobufjs(\/|$)/ }, (args) =>
        insideVendored.test(args.importer) ? undefined : { path: args.path, external: true },
      );
    },
  };
}

const libraryFile = /[\\/]@privacyresearch[\\/]libsignal-protocol-typescript[\\/]lib[\\/].*\.js$/;

/**
 * esbuild drops ordinary comments; `//!` and `/*!` ones ("legal comments") stay where they are
 * with `legalComments: 'inline'`. Turning the patch's markers into legal comments keeps the
 * record of every fix in the shipped code, where the packed-install check looks for it.
 */
export function keepPatchMarkers(): Plugin {
  return {
    name: 'parley-keep-patch-markers',
    setup(build) {
      build.onLoad({ filter: libraryFile }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const contents = source
          .replace(/\/\/ PARLEY PATCH/g, '//! PARLEY PATCH')
          .replace(/\/\*(\s*\*\s*PARLEY PATCHES)/g, '/*!$1');
        return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

interface Manifest {
  name: string;
  version: string;
  license?: string;
  repository?: string | { url: string };
}

/** The root folders (…/node_modules/name or …/node_modules/@scope/name) of bundled packages. */
async function bundledPackageRoots(bundledFrom: string): Promise<string[]> {
  const roots = new Set<string>();
  const maps = (await readdir(bundledFrom)).filter((name) => name.endsWith('.js.map') || name.endsWith('.cjs.map'));
  for (const map of maps) {
    const { sources } = JSON.parse(await readFile(path.join(bundledFrom, map), 'utf8')) as { sources: string[] };
    for (const source of sources) {
      const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/@][^\\/]*)[\\/]/.exec(
        path.resolve(bundledFrom, source),
      );
      if (match?.[1]) roots.add(match[1]);
    }
  }
  return [...roots].sort();
}

/**
 * Writes dist/THIRD-PARTY-NOTICES.md: name, version, licence, upstream and full licence text of
 * every package bundled into dist (read from the source maps), saying which one Parley modified.
 */
export async function writeNotices(outDir: string, modified: string): Promise<void> {
  const sections: string[] = [];
  for (const root of await bundledPackageRoots(outDir)) {
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as Manifest;
    const repository = typeof manifest.repository === 'object' ? manifest.repository.url : manifest.repository;
    const licenseFile = (await readdir(root)).find((name) => /^licen[cs]e/i.test(name));
    const text = licenseFile ? await readFile(path.join(root, licenseFile), 'utf8') : '(no licence file shipped)';
    const note =
      manifest.name === modified
        ? '\nModified by Parley: the fixes in patches/ of the Parley repository, each marked `PARLEY PATCH` in the bundled code.\n'
        : '';
    sections.push(
      `## ${manifest.name} ${manifest.version}\n\nLicence: ${manifest.license ?? 'unknown'}. Upstream: ${repository ?? 'unknown'}.\n${note}\n\`\`\`\n${text.trim()}\n\`\`\``,
    );
  }
  await mkdir(outDir, { recursive: true });
  await writeFile(
    path.join(outDir, 'THIRD-PARTY-NOTICES.md'),
    `# Third-party code bundled into @parley/core's dist\n\n${sections.join('\n\n')}\n`,
  );
}
