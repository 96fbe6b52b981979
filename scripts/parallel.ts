// npm run parallel -- <command>: administration without a browser (accounts, members, API tokens).
// `npm run parallel -- --help` lists the commands; the logic lives in lib/cli/.
import { runCli } from "../lib/cli/run";
import { connectAppDatabase, terminalIo } from "../lib/cli/terminal";

const io = terminalIo();

runCli(process.argv.slice(2), io, () => connectAppDatabase(io)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
