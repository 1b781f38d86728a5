// Seeded, realistic-looking text for the board and search benchmarks: a vocabulary of common
// English words plus a few thousand made-up technical terms, drawn with Zipf frequencies (a few
// words everywhere, most words rare) as in real answers, so full-text queries hit anything from
// thousands of jobs to a handful.

/** A small fast seeded PRNG (mulberry32): the same corpus on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const commonWords = (
  'the of and to in is that for it as with was on be by this are or from at an which not have ' +
  'but can all their more one has its we they also been these would there when than other into ' +
  'only some time may two so most such each what over first new use used because between ' +
  'system model data value function case number result results method order state example ' +
  'problem process point set form rate energy memory table query index cache thread lock ' +
  'proof theorem graph tree node edge network signal error bound limit cost price market ' +
  'protein cell gene reaction pressure heat light orbit wave field force mass charge ' +
  'contract policy risk growth design layer stream request response server client latency'
).split(' ');

const syllables = (
  'ka lo ri ta men vor sel quin dra pha tel mon cy ex pro gen tri ax ul sto ber an ti ne ' +
  'lux cor dis mer zo vin tra hel pol gra fi sub ter ion ar ec ly ism ate ous ent al'
).split(' ');

export interface Vocabulary {
  /** Words by rank: index 0 is the most frequent. */
  words: readonly string[];
  /** A word drawn with Zipf frequencies (weight 1 / rank). */
  draw(random: () => number): string;
}

export function makeVocabulary(random: () => number, madeUpWords = 4_000): Vocabulary {
  const words = [...commonWords];
  const seen = new Set(words);
  while (words.length < commonWords.length + madeUpWords) {
    const parts = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < parts; i++)
      word += syllables[Math.floor(random() * syllables.length)] ?? '';
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  // A quantized inverse of the cumulative Zipf weights: one table read per word instead of a
  // binary search (a 100,000-job dataset draws about 200 million words). Each word gets at least
  // one slot, so even the rarest still appears.
  const slots = new Uint16Array(1 << 20);
  let total = 0;
  for (let rank = 1; rank <= words.length; rank++) total += 1 / rank;
  let filled = 0;
  let cumulative = 0;
  for (let rank = 1; rank <= words.length; rank++) {
    cumulative += 1 / rank;
    const end = Math.max(filled + 1, Math.round((cumulative / total) * slots.length));
    slots.fill(rank - 1, filled, Math.min(end, slots.length));
    filled = Math.min(end, slots.length);
  }
  return {
    words,
    draw: (next) => words[slots[Math.floor(next() * slots.length)] ?? 0] ?? 'the',
  };
}

function sentence(vocabulary: Vocabulary, random: () => number): string {
  const length = 8 + Math.floor(random() * 14);
  const first = vocabulary.draw(random);
  let text = first.charAt(0).toUpperCase() + first.slice(1);
  for (let i = 1; i < length; i++) text += ` ${vocabulary.draw(random)}`;
  return `${text}.`;
}

/** A title like a question someone would queue: five to nine words. */
export function makeTitle(vocabulary: Vocabulary, random: () => number): string {
  const length = 5 + Math.floor(random() * 5);
  const words = Array.from({ length }, () => vocabulary.draw(random));
  const opener = ['How does', 'Why is', 'Compare', 'Explain', 'Prove that', 'Estimate'];
  return `${opener[Math.floor(random() * opener.length)]} ${words.join(' ')}?`;
}

/** A Markdown answer of roughly `bytes` bytes: a heading, paragraphs and a short list. */
export function makeAnswer(vocabulary: Vocabulary, random: () => number, bytes: number): string {
  const parts = [`## ${sentence(vocabulary, random).slice(0, -1)}`];
  let size = parts[0]?.length ?? 0;
  while (size < bytes) {
    const paragraph =
      random() < 0.2
        ? Array.from({ length: 3 }, () => `- ${sentence(vocabulary, random)}`).join('\n')
        : Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
            sentence(vocabulary, random),
          ).join(' ');
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return parts.join('\n\n');
}
