// Replaced at build time by scripts/build-node.mjs (package.json version).
declare const __HEADROOM_VERSION__: string;
// Replaced at build time by scripts/build-node.mjs: the method table's names (electron/common/api.ts), for the preload.
declare const __HEADROOM_API_NAMES__: { methods: string[]; events: string[] };
