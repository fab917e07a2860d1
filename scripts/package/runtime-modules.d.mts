// Types for runtime-modules.mjs (plain JavaScript: electron-builder.js imports it).
export declare const MAIN_IMPORTS: string[];
export declare const INSTALL_TIME_ONLY: string[];
export declare function dependencyClosure(names: string[], options?: { root?: string; skip?: string[] }): string[];
export declare function packagesLeftOut(root?: string): string[];
