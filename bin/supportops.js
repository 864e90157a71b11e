#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

// A reader that stops early (`supportops rfm | head`) closes the pipe: that is not an error.
const onPipeError = (e) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
};
process.stdout.on("error", onPipeError);
process.exitCode = await main(process.argv.slice(2));
