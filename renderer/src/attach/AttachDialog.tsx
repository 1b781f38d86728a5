// "Attach response…": stores a background response Mull did not start (another tool's, or one
// whose job lost its id) as a job, by its response id. A native modal <dialog>: focus stays
// inside, Enter in a field attaches, Escape closes. The server is asked first; its refusal (an
// unknown id, a malformed one, one already attached) is shown here and nothing is added.
import { Link } from 'lucide-react';
import { useId } from 'react';
import { useProviders, useSettings } from '../data/use-app-data.js';
import { ErrorNote } from '../ui/ErrorNote.js';
import { Icon } from '../ui/Icon.js';
import { AttachFields } from './AttachFields.js';
import { useModalDialog } from '../ui/use-modal-dialog.js';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The stored job's id, once the attach succeeded. */
  onAttached: (id: string) => void;
}

export function AttachDialog({ open, onClose, onAttached }: Props) {
  const dialogRef = useModalDialog(open);
  const titleId = useId();

  return (
    <dialog
      ref={dialogRef}
      className="dialog attach-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        <Icon of={Link} /> Attach a response
      </h2>
      {/* Mounted only while open: every opening starts with empty fields. */}
      {open && <AttachContent onClose={onClose} onAttached={onAttached} />}
    </dialog>
  );
}

function AttachContent({ onClose, onAttached }: Omit<Props, 'open'>) {
  const settings = useSettings();
  const providers = useProviders();
  const error = settings.error ?? providers.error;
  if (error) {
    return (
      <>
        <ErrorNote error={error} prefix="The providers could not be loaded." />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </>
    );
  }
  if (!settings.data || !providers.data) return <p className="dialog__body">Loading…</p>;
  return (
    <AttachFields
      providers={providers.data}
      defaultProviderId={settings.data.defaultProviderId}
      onClose={onClose}
      onAttached={onAttached}
    />
  );
}
