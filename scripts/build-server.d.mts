// Types of scripts/build-server.mjs for the TypeScript that imports it (the test harness).

/** The entry compiled: "server/index.ts". */
export declare const SERVER_ENTRY: string;
/** The compiled server, relative to the repository root: "dist/server/index.js". */
export declare const SERVER_OUTFILE: string;
/** SERVER_OUTFILE and its worker threads' files ("dist/server/sqlite-live-worker.js"). */
export declare const SERVER_OUTPUTS: string[];
/** Builds SERVER_OUTPUTS (with source maps); rejects when esbuild reports an error. */
export declare function buildServer(): Promise<void>;
