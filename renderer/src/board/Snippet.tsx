// A search snippet: plain text pieces, the matched words marked. Text only, never parsed as
// markup, so an answer containing HTML shows as the characters it is.
import type { SnippetPart } from '../../../shared/job-query.js';

export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <span className="snippet">
      {parts.map((part, index) =>
        part.highlighted ? (
          <mark key={index}>{part.text}</mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
