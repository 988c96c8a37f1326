// `import text from './file.css?raw'`: the stylesheet as a string (Vite's spelling; the esbuild
// bundle reads it through the raw-text plugin in scripts/build-node.mjs).
declare module '*.css?raw' {
  const text: string;
  export default text;
}
