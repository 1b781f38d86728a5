// Ctrl+Enter (Cmd+Enter on a Mac) submits a prompt; Enter alone is a new line.
export function isSubmitShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
}): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}
