// Replaced at build time by scripts/build-node.mjs (package.json version).
declare const __HEADROOM_VERSION__: string;
