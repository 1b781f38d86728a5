// What happened to a job and when, from its stored events.
import type { JobEvent, JobEventKind } from '../../../shared/job.js';
import { formatDuration } from '../format/duration.js';
import { formatTime } from '../format/dates.js';

const eventWords: Record<JobEventKind, string> = {
  submitted: 'Submitted',
  created: 'Created on the server',
  queued: 'Queued',
  started: 'Started',
  disconnected: 'Disconnected',
  reconnected: 'Reconnected',
  stalled: 'Stalled: no data for a while',
  polling: 'Polling for the result',
  needs_key: 'Needs a valid API key',
  key_changed: 'API key changed',
  cancel_requested: 'Cancel requested',
  cancel_answered: 'The server answered the cancel',
  server_error: 'The server reported an error',
  attached: 'Response attached',
  anomaly: 'Anomaly recorded',
  finished: 'Finished',
};

export function Timeline({ events }: { events: readonly JobEvent[] }) {
  const first = events[0]?.at;
  if (first === undefined) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li
          key={`${event.at}-${index}`}
          className={`timeline__event timeline__event--${event.kind}`}
        >
          <time dateTime={new Date(event.at).toISOString()} className="timeline__time">
            {formatTime(event.at)}
          </time>
          <span className="timeline__offset">+{formatDuration(event.at - first)}</span>
          <span className="timeline__what">
            {eventWords[event.kind]}
            {event.detail ? <span className="timeline__detail">: {event.detail}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
