// A short-lived note at the bottom of the window with one action ("Deleted 'title'. Undo").
import './ui.css';

interface Props {
  text: string;
  actionLabel: string;
  onAction: () => void;
}

export function UndoToast({ text, actionLabel, onAction }: Props) {
  return (
    <div className="toast" role="status" aria-live="polite">
      <span className="toast__text">{text}</span>
      <button type="button" className="button" onClick={onAction}>
        {actionLabel}
      </button>
    </div>
  );
}
