/**
 * Start-up speed of the plugin process (slow nodejs provider start-up: pulumi/pulumi#7149) and of
 * the CLI: both entry points (plugin/main.ts, cli/main.ts) import this module first, before any
 * other module of theirs loads.
 */
import * as nodeModule from "node:module";

// V8's compiled code of every module loaded from here on is kept on disk (Node >= 22.1; in
// os.tmpdir()/node-compile-cache unless NODE_COMPILE_CACHE names a directory, and off with
// NODE_DISABLE_COMPILE_CACHE=1), the way Python keeps .pyc files: modules are compiled once, not on
// every start of the plugin or every run of the CLI.
const cacheApi = nodeModule as { enableCompileCache?: () => unknown; flushCompileCache?: () => void };
try {
  cacheApi.enableCompileCache?.();
} catch {
  // A cache that cannot be written (read-only tmp) only costs speed.
}

let flushPending = false;

/**
 * Writes the compiled code of the modules loaded so far to the cache soon. Node writes it when the
 * process exits normally, but the engine ends a plugin with a signal, so the plugin writes it after
 * it starts listening and after a Construct (which loads modules of its own). Only new entries are
 * written: once the cache is warm this costs next to nothing.
 */
export function persistCompileCacheSoon(): void {
  if (flushPending || !cacheApi.flushCompileCache) return;
  flushPending = true;
  setTimeout(() => {
    flushPending = false;
    try {
      cacheApi.flushCompileCache?.();
    } catch {
      // Only costs speed.
    }
  }, 250).unref();
}
