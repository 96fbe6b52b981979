// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` (run by CI before the tests) checks every file; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Spelling dictionaries read their files next to their own module (import.meta.url) at import time:
  // load them from node_modules as Node does rather than bundle them (lib/qa/spelling/dictionaries.ts).
  serverExternalPackages: ["nspell", "dictionary-en", "dictionary-en-gb"],
};

export default nextConfig;
