// The production server's request listener (lib/server/serve.ts): translation saves are answered
// from Node's own request objects through the request pipeline (node-route.ts); everything else,
// and any path these endpoints do not match, goes to Next. Translators save every second or two,
// and Next's request handling cost more than the save itself (bench/).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Endpoint } from "../api/endpoint";
import { documentEventsEndpoint, presenceEndpoint } from "../api/endpoints/live";
import { qaCheckEndpoint } from "../api/endpoints/qa";
import { getTranslationEndpoint, saveTranslationEndpoint } from "../api/endpoints/translations";
import { pathMatcher } from "../api/path-template";
import { setSecurityHeaders } from "../http/security-headers";
import { answerNode } from "./node-route";

/**
 * The endpoints answered without Next, each routed by its own declared path: the save, the quality
 * check the editor asks for as the translator types (< 50 ms round trip, bench/qa.ts), and what live
 * editors ask as often (a changed translation, presence pings) or keep open (the event stream, which
 * Next's compression must not touch).
 */
const direct = [
  saveTranslationEndpoint,
  qaCheckEndpoint,
  getTranslationEndpoint,
  documentEventsEndpoint,
  presenceEndpoint,
].map((endpoint: Endpoint) => ({ endpoint, match: pathMatcher(endpoint.path) }));

/** A request that fails unexpectedly gets a bare 500, never a hanging socket. */
export function saveOrNext(next: (req: IncomingMessage, res: ServerResponse) => unknown) {
  return (req: IncomingMessage, res: ServerResponse) => {
    for (const { endpoint, match } of direct) {
      const params = req.method === endpoint.method ? match(req.url) : null;
      if (!params) continue;
      answerNode(endpoint, req, res, params).catch((error) => {
        console.error(error);
        if (!res.headersSent) {
          res.statusCode = 500;
          setSecurityHeaders(res);
        }
        res.end();
      });
      return;
    }
    void next(req, res);
  };
}
