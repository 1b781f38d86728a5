// A failed request, said in one readable sentence, announced to screen readers.
import { errorMessage } from '../format/error-message.js';

export function ErrorNote({ error, prefix }: { error: unknown; prefix?: string }) {
  if (error === null || error === undefined) return null;
  return (
    <p className="error-note" role="alert">
      {prefix ? `${prefix} ` : ''}
      {errorMessage(error)}
    </p>
  );
}
