// Types of chromium.mjs, for the TypeScript tests that start Chromium themselves.
export declare const CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
