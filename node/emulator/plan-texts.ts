// The words of a generated response when the script gives none: a default answer and reasoning
// summary, and the message of a failed response.

export const defaultSummary = [
  '**Understanding the question**\n\nI restate the problem and note what a complete answer must cover.',
  '**Checking the approach**\n\nI compare two ways to solve it and keep the one with fewer assumptions.',
];

export function defaultAnswer(promptText: string): string {
  const firstLine = promptText.split('\n')[0]?.slice(0, 200) ?? '';
  return [
    `## Answer\n\nYou asked: *${firstLine}*\n\n`,
    'Here is a worked answer from the Mull emulator, with a table and some code:\n\n',
    '| step | result |\n|---|---|\n| think | done |\n| answer | written |\n\n',
    '```ts\nconst answer = 6 * 7; // 42\n```\n\n',
    'Multi-byte text survives too: 日本語のテキスト, emoji 🧠✨, and e\u0301 with a combining accent.',
  ].join('');
}

/** The message of a failed response, in the real API's words where we know them. */
export function failureMessage(code: string): string {
  if (code === 'rate_limit_exceeded') return 'Rate limit reached. Please try again later.';
  if (code === 'insufficient_quota')
    return 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.';
  return 'The server had an error while processing your response. Sorry about that! Please retry your request.';
}
