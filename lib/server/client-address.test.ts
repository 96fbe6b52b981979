// The client's address as the production server resolves it, over real HTTP: the listener of
// lib/server/serve.ts in front of a stand-in for Next that answers with what Next would read.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  parseTrustedProxies,
  resolveClientAddress,
  stampedClientAddress,
  TrustedProxiesError,
  UNKNOWN_ADDRESS,
  withClientAddress,
} from "./client-address";

describe("PARALLEL_TRUSTED_PROXIES", () => {
  it("takes IPs and CIDR ranges, IPv4 and IPv6, separated by commas or spaces", () => {
    const trusted = parseTrustedProxies("10.0.0.1, 172.16.0.0/12 fd00::/8,::1");
    for (const yes of ["10.0.0.1", "172.20.1.2", "fd12:3456::1", "::1", "::ffff:10.0.0.1"])
      expect(trusted.has(yes)).toBe(true);
    for (const no of ["10.0.0.2", "172.32.0.1", "fe80::1", "192.0.2.1", "garbage"]) expect(trusted.has(no)).toBe(false);
    expect(parseTrustedProxies("").size).toBe(0);
  });

  it.each(["10.0.0", "10.0.0.0/33", "fd00::/129", "10.0.0.0/8/1", "10.0.0.0/x", "localhost", "*"])(
    "refuses %j at start, naming it",
    (entry) => {
      expect(() => parseTrustedProxies(`10.0.0.1,${entry}`)).toThrow(TrustedProxiesError);
      expect(() => parseTrustedProxies(entry)).toThrow(entry);
    },
  );
});

describe("resolving the address", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8");
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", parseTrustedProxies(""))).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", undefined, trusted)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", trusted)).toBe("203.0.113.7");
  });

  it("walks X-Forwarded-For from the right through trusted proxies only", () => {
    // The client wrote "1.1.1.1" itself; the first trusted proxy appended the real peer.
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 203.0.113.7", trusted)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 203.0.113.7, 10.0.0.9", trusted)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", ["1.1.1.1", "203.0.113.7"], trusted)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", "[2001:db8::7]:443", trusted)).toBe("2001:db8::7");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.7:5123", trusted)).toBe("203.0.113.7");
    // A trusted proxy that wrote nonsense is the last address anyone vouches for.
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, not-an-ip", trusted)).toBe("10.0.0.2");
    // Only proxies all the way: nothing beyond is known.
    expect(resolveClientAddress("10.0.0.2", "10.0.0.3", trusted)).toBe("10.0.0.3");
  });
});

describe("over HTTP, through the production server's listener", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    // 127.0.0.2 plays the proxy; requests from 127.0.0.1 are clients talking to us directly.
    const listener = withClientAddress((req, res) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      res.end(stampedClientAddress(headers));
    }, parseTrustedProxies("127.0.0.2"));
    server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  function ask(from: string, headers: Record<string, string>): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, localAddress: from, path: "/en/sign-in", headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve(body));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("ignores X-Forwarded-For and a forged address header from an untrusted peer", async () => {
    expect(await ask("127.0.0.1", {})).toBe("127.0.0.1");
    expect(await ask("127.0.0.1", { "X-Forwarded-For": "203.0.113.7" })).toBe("127.0.0.1");
    expect(await ask("127.0.0.1", { [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "X-Parallel-Client-Stamp": "guess" })).toBe(
      "127.0.0.1",
    );
  });

  it("believes the hop a trusted proxy appended", async () => {
    expect(await ask("127.0.0.2", { "X-Forwarded-For": "1.1.1.1, 203.0.113.7" })).toBe("203.0.113.7");
    expect(await ask("127.0.0.2", {})).toBe("127.0.0.2");
  });

  it("without the stamp of this process (another server in front of Next), no header is believed", () => {
    const forged = new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "x-parallel-client-stamp": "guess" });
    expect(stampedClientAddress(forged)).toBe(UNKNOWN_ADDRESS);
  });
});
