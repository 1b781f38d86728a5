// electron-builder's afterPack hook: flips Electron's fuses in the packaged binary, before signing.
// Fuses are switches compiled into the Electron binary; flipped off, a feature cannot be turned
// back on by an environment variable, a command-line flag or a swapped app folder.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** Mull's fuse settings; every fuse this @electron/fuses knows is set (strictlyRequireAllFuses). */
export const mullFuses = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium storage encrypted with a key from the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could --require code into the app; --inspect could attach a debugger to it.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder records (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the app.asar (integrity-checked), never a loose app/ folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app is served from app://, so file:// pages need none of their old extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Electron's default: WebAssembly bounds checks by trap handlers.
  [FuseV1Options.WasmTrapHandlers]: true,
};

/** The packaged Electron binary (or, on macOS, the .app bundle) that the fuses live in. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${name}.app`);
    case 'win32':
      return join(appOutDir, `${name}.exe`);
    default:
      return join(appOutDir, packager.executableName);
  }
}

export default async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Flipping fuses breaks the ad-hoc signature of a macOS binary (fatal on Apple silicon);
  // electron-builder signs after this hook, and without a certificate it signs ad hoc again.
  await flipFuses(electronBinaryPath(context), {
    ...mullFuses,
    resetAdHocDarwinSignature: isMac,
  });
}
