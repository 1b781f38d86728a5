// Types for after-pack.mjs (plain JavaScript, so that electron-builder loads it without a build).
import type { FuseV1Config } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

export declare const mullFuses: FuseV1Config & { strictlyRequireAllFuses: true };
export declare function electronBinaryPath(context: AfterPackContext): string;
export default function afterPack(context: AfterPackContext): Promise<void>;
