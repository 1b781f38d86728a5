// The emulator's Files API: `POST /files` (multipart/form-data: `file` and `purpose`) answers a
// file object, and a create whose `input_file` / `input_image` names a `file_id` it never gave is
// refused. Only what a file is (name, purpose, size, sha256) is kept, never its bytes.
// The real API: https://platform.openai.com/docs/api-reference/files/create ("Individual files
// can be up to 512 MB"); its file object: https://platform.openai.com/docs/api-reference/files/object.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { invalidRequest } from './api-error.js';

/** The purposes the Files API documents for an upload. */
const purposes: readonly string[] = [
  'assistants',
  'batch',
  'fine-tune',
  'vision',
  'user_data',
  'evals',
];

const mb = 1024 * 1024;
/** 512 MB per file, plus room for the multipart framing around it. */
const maxUploadBodyBytes = 512 * mb + mb;

/** What an upload carried, as the request log records it. */
export interface UploadedFile {
  filename: string;
  purpose: string;
  bytes: number;
  /** The file part's own content type (e.g. application/pdf). */
  contentType: string;
  sha256: string;
}

/** The Files API's file object (the fields openai-node's FileObject types). */
export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: 'processed';
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `file-` and 22 letters and digits, as the real ids look (e.g. file-G9RUSJfisA2m5m8zsRMoLD). */
function newFileId(): string {
  return `file-${Array.from(randomBytes(22), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxUploadBodyBytes) {
      throw invalidRequest('File too large: files can be up to 512 MB.', 'file', null, 413);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads and checks a `POST /files` body with Node's own multipart parser (Request.formData). */
export async function readUpload(req: IncomingMessage, url: URL): Promise<UploadedFile> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/iu.test(contentType)) {
    throw invalidRequest(
      `Invalid Content-Type header (${contentType || 'none'}), expected multipart/form-data.`,
    );
  }
  const request = new Request(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: await readBody(req),
  });
  let form: FormData;
  try {
    // Deprecated in the types as a parser for production servers (it holds the whole body); for
    // this test server it is the small, well-known parser Node has built in, on a capped body.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    form = await request.formData();
  } catch {
    throw invalidRequest('The multipart/form-data body of your request could not be parsed.');
  }
  const file = form.get('file');
  if (file === null || typeof file === 'string') {
    throw invalidRequest(
      "Missing required parameter: 'file'.",
      'file',
      'missing_required_parameter',
    );
  }
  const purpose = form.get('purpose');
  if (typeof purpose !== 'string') {
    throw invalidRequest(
      "Missing required parameter: 'purpose'.",
      'purpose',
      'missing_required_parameter',
    );
  }
  if (!purposes.includes(purpose)) {
    throw invalidRequest(
      `Invalid value for 'purpose': '${purpose}'. Supported values are: ${purposes.map((p) => `'${p}'`).join(', ')}.`,
      'purpose',
      'invalid_value',
    );
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  return {
    filename: file.name,
    purpose,
    bytes: bytes.length,
    contentType: file.type,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The files uploaded to this emulator, by id. */
export class UploadedFiles {
  private files = new Map<string, FileObject>();

  add(upload: UploadedFile): FileObject {
    const file: FileObject = {
      id: newFileId(),
      object: 'file',
      bytes: upload.bytes,
      created_at: Math.floor(Date.now() / 1000),
      filename: upload.filename,
      purpose: upload.purpose,
      status: 'processed',
    };
    this.files.set(file.id, file);
    return file;
  }

  has(id: string): boolean {
    return this.files.has(id);
  }

  list(): FileObject[] {
    return [...this.files.values()];
  }

  clear(): void {
    this.files.clear();
  }

  /**
   * The 400 a create gets for a `file_id` never uploaded here. The wording is the emulator's own:
   * no recording of the real refusal is kept (e2e/fixtures/openai-recordings has none).
   */
  check(references: readonly FileReference[]): void {
    const unknown = references.find((reference) => !this.files.has(reference.fileId));
    if (unknown) {
      throw invalidRequest(`Invalid file id: '${unknown.fileId}'.`, unknown.param, 'invalid_value');
    }
  }
}

/** A `file_id` a create's input names, with where (e.g. `input[0].content[2].file_id`). */
export interface FileReference {
  fileId: string;
  param: string;
}
