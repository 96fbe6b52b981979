// Between Node's http objects and the Web Request/Response our route handlers take, for the few
// routes the production server answers without going through Next (see scripts/serve.ts).
import type { IncomingMessage, ServerResponse } from "node:http";

/** The Node request as a Web Request, its body read up to `maxBytes` (the handler's own limit applies too). */
export async function toWebRequest(req: IncomingMessage, origin: string, maxBytes = 1024 * 1024): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  let body: Buffer | undefined;
  if (req.method !== "GET" && req.method !== "HEAD") {
    // Buffered: a save is small, and a Buffer is much cheaper than a Web stream over the socket.
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) break;
      chunks.push(chunk as Buffer);
    }
    body = Buffer.concat(chunks);
    if (size > maxBytes) headers.set("content-length", String(size));
  }
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: body ? new Uint8Array(body) : undefined,
  });
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== "set-cookie") res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body) {
    res.end();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  res.setHeader("Content-Length", body.byteLength);
  res.end(body);
}
