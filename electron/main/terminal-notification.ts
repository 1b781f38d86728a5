// The desktop notification for a job that reached a terminal status. No electron import: the text
// is shared with the browser tab's notifications (shared/notification-text.ts).
export {
  jobNotificationText as terminalNotification,
  type NotificationText,
} from '../../shared/notification-text.js';
