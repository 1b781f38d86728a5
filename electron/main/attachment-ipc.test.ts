// Attachments through the desktop bridge end to end, short of Electron itself: the page's
// storeAttachment(File) and readAttachment(sha256) (shared/ipc/bridge-api.ts) over the preload's
// bridge (electron/preload/bridge.ts), across a structured clone as Electron's IPC makes one, to the
// attachment answers contract-ipc.ts registers (node/backend/attachment-upload.ts) and the real
// store in a data directory. The sender-frame check on those channels is played by the bundle test
// (main-bundle.test.ts, test-support/fake-electron.mjs).
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { mullApiOverBridge } from '../../shared/ipc/bridge-api.js';
import { attachmentChannels } from '../../shared/ipc/electron-bridge.js';
import { ContractError, type MullApi } from '../../shared/ipc/envelope.js';
import { attachmentFiles } from '../../node/backend/attachment-upload.js';
import { AttachmentStore } from '../../node/core/attachments/index.js';
import { createMullBridge } from '../preload/bridge.js';

let dataDir: string;
let api: MullApi;
let logged: string[];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'mull-attach-ipc-'));
  logged = [];
  const files = attachmentFiles(new AttachmentStore(dataDir), (message) => logged.push(message));
  const answers: Record<string, (...args: unknown[]) => unknown> = {
    [attachmentChannels.store]: (name, bytes) => files.store(name, bytes),
    [attachmentChannels.read]: (sha256) => files.read(sha256),
  };
  const bridge = createMullBridge({
    // Both ways by structured clone, as Electron's IPC carries them (a Buffer arrives a Uint8Array).
    invoke: (channel, ...args) => {
      const answer = answers[channel];
      if (!answer) return Promise.reject(new Error(`no handler for ${channel}`));
      return Promise.resolve(answer(...structuredClone(args))).then((value) =>
        structuredClone(value),
      );
    },
    on: () => undefined,
    removeListener: () => undefined,
  });
  api = mullApiOverBridge(bridge);
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const storedFiles = () => {
  try {
    return readdirSync(join(dataDir, 'attachments'));
  } catch {
    return [];
  }
};

it('stores a 5 MB PDF and an image from Files and reads the image back as a typed Blob', async () => {
  const pdf = Buffer.alloc(5 * 1024 * 1024, 0x20);
  pdf.write('%PDF-1.7\n');
  await expect(api.storeAttachment(new File([pdf], 'report.pdf'))).resolves.toEqual({
    sha256: sha256Of(pdf),
    name: 'report.pdf',
    mediaType: 'application/pdf',
    size: pdf.length,
    kind: 'file',
  });
  const image = await api.storeAttachment(new File([png], 'dot.png'));
  expect(image).toMatchObject({ sha256: sha256Of(png), mediaType: 'image/png', kind: 'image' });
  expect(readFileSync(join(dataDir, 'attachments', image.sha256)).equals(png)).toBe(true);

  const blob = await api.readAttachment(image.sha256);
  expect(blob.type).toBe('image/png');
  expect(Buffer.from(await blob.arrayBuffer()).equals(png)).toBe(true);
  const file = await api.readAttachment(sha256Of(pdf));
  expect(file.type).toBe('application/pdf');
  expect(file.size).toBe(pdf.length);
});

it('rejects what the store refuses with a REFUSED ContractError and its sentence, storing nothing', async () => {
  const refusal = (file: File) => api.storeAttachment(file).catch((error: unknown) => error);
  const renamed = await refusal(new File([png], 'x.pdf'));
  expect(renamed).toBeInstanceOf(ContractError);
  expect(renamed).toMatchObject({
    code: 'REFUSED',
    message: '"x.pdf" is named as application/pdf but its content is image/png.',
  });
  expect(await refusal(new File([], 'empty.txt'))).toMatchObject({
    code: 'REFUSED',
    message: '"empty.txt" is empty.',
  });
  expect(
    await refusal(new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46])], 'tool.exe')),
  ).toMatchObject({
    code: 'REFUSED',
    message: expect.stringMatching(/not a type Mull can attach/u) as unknown,
  });
  expect(storedFiles()).toEqual([]);
  expect(logged).toEqual([]); // a refusal is not a failure of Mull's
});

it('rejects reading anything but a stored sha256 with NOT_FOUND', async () => {
  await api.storeAttachment(new File([png], 'dot.png'));
  for (const name of [
    sha256Of(Buffer.from('never stored')),
    '../mull.db',
    sha256Of(png).toUpperCase(),
  ]) {
    await expect(api.readAttachment(name)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no such attachment.',
    });
  }
});
