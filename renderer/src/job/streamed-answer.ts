// A finished job whose output items say nothing its streamed text does not (one message of text
// parts, no citations, no phases, the same text) keeps showing the streamed answer: the view does
// not parse a long answer a second time (and hold the page) just to show the same words.
import { messagesOf, type OutputItem } from '../../../shared/output-items.js';

export function itemsAddNothing(items: readonly OutputItem[], answer: string): boolean {
  const messages = messagesOf(items);
  if (messages.length !== 1) return false;
  const [message] = messages;
  if (!message || message.phase !== null) return false;
  const parts = message.parts;
  if (parts.some((part) => part.kind !== 'text' || part.citations.length > 0)) return false;
  return parts.map((part) => part.text).join('') === answer;
}
