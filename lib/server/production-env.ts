// Imported first by scripts/start.ts: React and Next read NODE_ENV when they load.
(process.env as Record<string, string>).NODE_ENV = "production";
