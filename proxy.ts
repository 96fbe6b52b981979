// Puts every page under an interface language: /{lng}/…, chosen by cookie, then Accept-Language;
// and gives every page its security headers, with a fresh script nonce. Next reads the nonce from
// the request's Content-Security-Policy header and puts it on the scripts it renders.
import acceptLanguage from "accept-language";
import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, newNonce, setSecurityHeaders } from "@/lib/http/security-headers";
import { cookieName, fallbackLng, isLng, languages } from "@/lib/i18n/settings";

// The first entry is what accept-language answers when nothing matches: the fallback, not Ukrainian.
acceptLanguage.languages([fallbackLng, ...languages.filter((l) => l !== fallbackLng)]);

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|icon.svg|favicon.ico|robots.txt).*)"],
};

export function proxy(req: NextRequest) {
  const nonce = newNonce();
  const res = route(req, nonce);
  setSecurityHeaders(res.headers, { nonce });
  return res;
}

function route(req: NextRequest, nonce: string): NextResponse {
  const first = req.nextUrl.pathname.split("/")[1];
  if (isLng(first)) {
    const requestHeaders = new Headers(req.headers);
    // Pages behind sign-in send people back here afterwards.
    requestHeaders.set("x-parallel-path", req.nextUrl.pathname + req.nextUrl.search);
    requestHeaders.set("content-security-policy", contentSecurityPolicy({ nonce }));
    requestHeaders.set("x-nonce", nonce);
    const res = NextResponse.next({ request: { headers: requestHeaders } });
    // Remember the language the person last chose; a link prefetched in the background is no choice.
    const prefetch = req.headers.has("next-router-prefetch") || req.headers.get("purpose") === "prefetch";
    if (!prefetch && req.cookies.get(cookieName)?.value !== first) {
      res.cookies.set(cookieName, first, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
    }
    return res;
  }
  const fromCookie = req.cookies.get(cookieName)?.value;
  const lng = isLng(fromCookie) ? fromCookie : (acceptLanguage.get(req.headers.get("accept-language")) ?? fallbackLng);
  const url = req.nextUrl.clone();
  url.pathname = `/${lng}${req.nextUrl.pathname === "/" ? "" : req.nextUrl.pathname}`;
  return NextResponse.redirect(url);
}
