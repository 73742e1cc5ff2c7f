/**
 * What an editor starts (dist/start-server.js): the language server of the bundle next to it.
 * Compiling that bundle was a third of a warm start's CPU, so when the editor names a folder of its
 * own storage (`--code-cache <dir>`), the bundle is compiled with V8's code cache kept there,
 * written once after the first scan (when the parser and the rules have been compiled too) and
 * again whenever V8 refuses it (another Node or bundle).
 */
import { loadBundle } from './bundle-loader';

/**
 * After the first scan the parser and the rules are compiled too: the cache then covers a warm
 * start's work. It is written a second after the scan, or as the server exits if that comes first.
 */
function saveAfterFirstScan(save: () => void): { onReady: () => void } {
  let pending: (() => void) | undefined;
  const flush = () => {
    pending?.();
    pending = undefined;
  };
  process.on('exit', flush);
  return {
    onReady: () => {
      pending = save;
      setTimeout(flush, 1000).unref();
    },
  };
}

function codeCacheDir(argv: readonly string[]): string | undefined {
  // SERVER_PROCESS.codeCacheFlag, spelt out: protocol/ would load the LSP library before the bundle.
  const at = argv.indexOf('--code-cache');
  return at >= 0 ? argv[at + 1] : undefined;
}

const { bundle, saveCache } = loadBundle(codeCacheDir(process.argv));
bundle.startServer(undefined, saveCache && saveAfterFirstScan(saveCache));
