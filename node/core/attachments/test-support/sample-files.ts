// Files for attachment tests: a real 1x1 PNG, and PDFs of any size (a header, filler and the end
// marker, which is what type detection and the limits look at).
export const pngBytes = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** A PDF of `size` bytes; its filler differs per `seed`, so each seed gives its own sha256. */
export function pdfOf(size: number, seed = 0): Buffer {
  const bytes = Buffer.alloc(size, 0x20 + seed);
  bytes.write('%PDF-1.4\n', 0, 'latin1');
  bytes.write('\n%%EOF\n', size - 7, 'latin1');
  return bytes;
}
