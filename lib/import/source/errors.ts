/** A problem with the user's file (wrong format, empty, unreadable): the message is shown to the user as is. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}
