// What a file is, found from its bytes rather than its name: a PDF, PNG, JPEG, WebP or GIF by its
// magic number; a text file (valid UTF-8, no NUL byte) by its extension among the text and source
// formats the Responses API reads as `input_file`. A name that promises one thing over bytes of
// another (a binary renamed .pdf) is refused: the API would refuse it after a paid wait.
import type { AttachmentKind } from '../../../shared/job-attachments.js';

export interface DetectedType {
  mediaType: string;
  kind: AttachmentKind;
}

/** Why a file was refused, as one sentence naming it. */
export type Detection = DetectedType | { refused: string };

interface Magic {
  mediaType: string;
  kind: AttachmentKind;
  matches(bytes: Uint8Array): boolean;
  extensions: readonly string[];
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string): number[] => Array.from(Buffer.from(text, 'latin1'));

const magics: readonly Magic[] = [
  {
    mediaType: 'application/pdf',
    kind: 'file',
    matches: (b) => startsWith(b, ascii('%PDF-')),
    extensions: ['pdf'],
  },
  {
    mediaType: 'image/png',
    kind: 'image',
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    extensions: ['png'],
  },
  {
    mediaType: 'image/jpeg',
    kind: 'image',
    matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
    extensions: ['jpg', 'jpeg'],
  },
  {
    mediaType: 'image/webp',
    kind: 'image',
    matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
    extensions: ['webp'],
  },
  {
    mediaType: 'image/gif',
    kind: 'image',
    matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
    extensions: ['gif'],
  },
];

/** Text and source extensions, each with the media type it is sent as. */
const textTypes: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  text: 'text/plain',
  log: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  yaml: 'text/x-yaml',
  yml: 'text/x-yaml',
  toml: 'text/x-toml',
  xml: 'text/xml',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  cjs: 'text/javascript',
  jsx: 'text/javascript',
  ts: 'text/x-typescript',
  tsx: 'text/x-typescript',
  py: 'text/x-python',
  rb: 'text/x-ruby',
  rs: 'text/x-rust',
  go: 'text/x-golang',
  java: 'text/x-java',
  kt: 'text/x-kotlin',
  swift: 'text/x-swift',
  c: 'text/x-c',
  h: 'text/x-c',
  cpp: 'text/x-c++',
  cc: 'text/x-c++',
  hpp: 'text/x-c++',
  cs: 'text/x-csharp',
  php: 'text/x-php',
  sh: 'application/x-sh',
  bash: 'application/x-sh',
  sql: 'application/sql',
  tex: 'text/x-tex',
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The file's type from its bytes, checked against what its name says it is. */
export function detectType(name: string, bytes: Uint8Array): Detection {
  const extension = extensionOf(name);
  const magic = magics.find((m) => m.matches(bytes));
  if (magic) {
    // A PNG named .jpg is still a PNG: the bytes decide, as long as the name claims an image type
    // of the same kind or nothing a text reader would expect.
    if (extension in textTypes) {
      return { refused: `"${name}" is named as text but its content is ${magic.mediaType}.` };
    }
    // An image named .pdf (or a PDF named .png) is not what the person meant to send.
    const named = magics.find((m) => m.extensions.includes(extension));
    if (named && named.kind !== magic.kind) {
      return {
        refused: `"${name}" is named as ${named.mediaType} but its content is ${magic.mediaType}.`,
      };
    }
    return { mediaType: magic.mediaType, kind: magic.kind };
  }
  const claimed = magics.find((m) => m.extensions.includes(extension));
  if (claimed) {
    return {
      refused: `"${name}" is named as ${claimed.mediaType} but its content is not.`,
    };
  }
  const textType = textTypes[extension];
  if (textType !== undefined) {
    if (!isText(bytes)) {
      return { refused: `"${name}" is named as text but its content is not UTF-8 text.` };
    }
    return { mediaType: textType, kind: 'file' };
  }
  return {
    refused: `"${name}" is not a type Mull can attach (PDF, text, source code, CSV, PNG, JPEG, WebP or GIF).`,
  };
}
