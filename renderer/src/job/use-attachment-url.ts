// A stored image's bytes as a blob: URL for an <img>, read from the data directory's attachment
// store (so it shows offline), revoked when the thumbnail goes away.
import { useEffect, useState } from 'react';
import { useApi } from '../data/api-context.js';
import { errorMessage } from '../format/error-message.js';

export type AttachmentUrl = { url: string } | { error: string } | { loading: true };

export function useAttachmentUrl(sha256: string): AttachmentUrl {
  const api = useApi();
  const [state, setState] = useState<AttachmentUrl>({ loading: true });
  useEffect(() => {
    let url: string | undefined;
    let gone = false;
    api.readAttachment(sha256).then(
      (blob) => {
        if (gone) return;
        url = URL.createObjectURL(blob);
        setState({ url });
      },
      (error: unknown) => {
        if (!gone) setState({ error: errorMessage(error) });
      },
    );
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, sha256]);
  return state;
}
