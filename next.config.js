// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Our own server process (scripts/start.ts) prints the one-line reason when it refuses to start.
  poweredByHeader: false,
  // The live-update stream (SSE) must not be buffered by compression.
  compress: true,
};

export default nextConfig;
