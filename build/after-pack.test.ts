import { FuseV1Options, FuseVersion } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath, mullFuses } from './after-pack.mjs';

describe('the fuses flipped after packaging', () => {
  it.each([
    [FuseV1Options.RunAsNode, false],
    [FuseV1Options.EnableCookieEncryption, true],
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
    [FuseV1Options.EnableNodeCliInspectArguments, false],
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
    [FuseV1Options.OnlyLoadAppFromAsar, true],
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, false],
    [FuseV1Options.GrantFileProtocolExtraPrivileges, false],
  ])('sets fuse %s to %s', (fuse, value) => {
    expect(mullFuses[fuse]).toBe(value);
  });

  it('sets every fuse this version of @electron/fuses knows, strictly', () => {
    expect(mullFuses.version).toBe(FuseVersion.V1);
    expect(mullFuses.strictlyRequireAllFuses).toBe(true);
    const fuses = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const fuse of fuses) expect(typeof mullFuses[fuse], `fuse ${fuse}`).toBe('boolean');
  });
});

describe('electronBinaryPath', () => {
  const context = (electronPlatformName: string) =>
    ({
      appOutDir: '/release/out',
      electronPlatformName,
      packager: { appInfo: { productFilename: 'Mull' }, executableName: 'mull' },
    }) as unknown as AfterPackContext;

  it('finds the binary on each platform', () => {
    expect(electronBinaryPath(context('darwin'))).toBe('/release/out/Mull.app');
    expect(electronBinaryPath(context('mas'))).toBe('/release/out/Mull.app');
    expect(electronBinaryPath(context('win32'))).toBe('/release/out/Mull.exe');
    expect(electronBinaryPath(context('linux'))).toBe('/release/out/mull');
  });
});
