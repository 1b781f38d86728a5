/** An action refused for a reason the person can act on; its message is shown as it is. */
export class RefusedError extends Error {}
