/** An encrypted upload waiting in the media spool; kept in the outbox record until the server has it. */
export interface PendingUpload {
  spoolId: string;
  /** Upload size in bytes (ciphertext and MAC). */
  size: number;
}
