#!/usr/bin/env node
// The `papertrend` command. A committed file rather than dist/cli.js itself, so that package managers can
// link the command in a workspace before the package is built (pnpm skips bins whose file is missing).
import '../dist/cli.js';
