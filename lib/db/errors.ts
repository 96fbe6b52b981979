/** A problem with the database setup that the person running the app must fix; the message says how. */
export class DatabaseSetupError extends Error {
  constructor(
    readonly code:
      | "bad_url"
      | "bad_admin"
      | "bad_setup_code"
      | "busy"
      | "not_writable"
      | "newer_than_code"
      | "migration_failed"
      | "unsupported",
    message: string,
  ) {
    super(message);
    this.name = "DatabaseSetupError";
  }
}
