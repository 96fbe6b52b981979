// The security headers every response carries (docs/security.md, "Files and headers"), in one place
// for every way a response is made: proxy.ts for pages (with the script nonce), the request pipeline
// (lib/api/pipeline.ts) for every /api/v1 answer under either server, downloads included, and the
// production server (lib/server/serve.ts, save-endpoint.ts) for its bare 500 and whatever Next
// answers by itself (static files, its own 404s). No imports: proxy.ts loads this too.

/** Where the headers go: a Web Headers (`set`) or Node's ServerResponse (`setHeader`). */
export type HeaderTarget =
  | { set(name: string, value: string): unknown }
  | { setHeader(name: string, value: string): unknown };

export interface SecurityHeaderOptions {
  /** The page's script nonce. Without one the response is not a page and runs no script at all. */
  nonce?: string;
}

const isDev = () => process.env.NODE_ENV === "development";

/** PARALLEL_URL is the public address; when it is https, browsers are told to keep to https. */
export function servedOverHttps(): boolean {
  return /^https:/i.test(process.env.PARALLEL_URL ?? "");
}

/** 128 random bits, base64: unguessable and fresh for every page. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy({ nonce }: SecurityHeaderOptions = {}): string {
  const dev = isDev();
  const directives = [
    "default-src 'self'",
    // Next puts the nonce on its own scripts and inline bootstrap; 'strict-dynamic' lets them load
    // the chunks they need. React in development evaluates code for its error overlay.
    nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}` : "script-src 'none'",
    // <style> elements only with the nonce (Next gives it to the ones it writes); the development
    // overlay injects its own. Style *attributes* cannot carry a nonce, and React renders the style
    // prop into them on the server (progress bars, react-virtuoso's list): see docs/security.md.
    `style-src 'self'${nonce ? (dev ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`) : ""}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (servedOverHttps()) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

// Powerful features the workbench never uses, turned off for it and anything it might embed. Only
// names Chromium knows on every platform: it logs a warning for each one it does not (bluetooth,
// web-share are missing on Linux), and the e2e test fails on any such warning.
const PERMISSIONS_OFF = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "gamepad",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "local-fonts",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export const PERMISSIONS_POLICY = PERMISSIONS_OFF.map((feature) => `${feature}=()`).join(", ");

/** The headers by name, for a page (with its nonce) or any other response. */
export function securityHeaders(options: SecurityHeaderOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
  };
  // Two years, the usual preload value; subdomains are not ours to promise.
  if (servedOverHttps()) headers["Strict-Transport-Security"] = "max-age=63072000";
  return headers;
}

/** Sets the headers on a response (replacing any earlier value of the same names). */
export function setSecurityHeaders(target: HeaderTarget, options: SecurityHeaderOptions = {}): void {
  for (const [name, value] of Object.entries(securityHeaders(options))) {
    if ("setHeader" in target) target.setHeader(name, value);
    else target.set(name, value);
  }
}
