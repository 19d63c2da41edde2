#!/usr/bin/env node
import '../dist/test-rig/cli.js';
