// Loaded with --import into a command the export benchmark runs: reports the process's peak RSS
// (the kernel's maxRSS, in kB) on standard error when it exits.
process.on("exit", () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
