// The production server: Next.js for every page and route, except the translation save, which is
// answered directly by the same route handler Next would call (app/api/v1/segments/…/route.ts).
// A save is the one request translators make every second or two; Next's request pipeline costs
// more than the save itself (see bench/), so it is skipped for this one route. Same code, same checks.
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { PUT as saveTranslation } from "../app/api/v1/segments/[segmentId]/translations/[lang]/route";
import { sendWebResponse, toWebRequest } from "../lib/server/node-bridge";

const SAVE = /^\/api\/v1\/segments\/([^/?#]+)\/translations\/([^/?#]+)\/?$/;

export async function serve(port: number, root = process.cwd()) {
  const app = next({ dev: false, dir: root, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const origin = `http://localhost:${port}`;
  const server = createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?")[0];
    const save = req.method === "PUT" ? SAVE.exec(pathname) : null;
    if (!save) {
      void handle(req, res);
      return;
    }
    const params = { segmentId: decodeURIComponent(save[1]), lang: decodeURIComponent(save[2]) };
    toWebRequest(req, origin)
      .then((request) => saveTranslation(request, { params: Promise.resolve(params) }))
      .then((response) => sendWebResponse(res, response))
      .catch((error) => {
        console.error(error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, resolve));
  console.log(`Parallel is serving on http://localhost:${port} (${path.relative(process.cwd(), root) || "."})`);
  return server;
}
