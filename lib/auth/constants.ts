/** Shared by the server and the browser (form hints), so it lives apart from better-auth's setup. */
export const MIN_PASSWORD_LENGTH = 10;
