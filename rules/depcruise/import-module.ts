/**
 * dependency-cruiser is ESM only, so it is loaded with import(). Editors and the CLI compile the
 * bundle through V8's code cache (server/bundle-loader.ts), and a script compiled that way cannot
 * import(): so this module is loaded by Node's own loader, from its own file next to the bundle
 * (dist/import-module.js) or next to its caller (out/, in tests).
 */
export = function importModule(url: string): Promise<unknown> {
  return import(url);
};
