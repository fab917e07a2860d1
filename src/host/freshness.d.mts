export function newestMtime(target: string, skip?: string): number;
export function serverBundlePath(root: string): string;
export function serverBundleIsFresh(root: string): boolean;
export function bundleIsFresh(root: string, bundle: string, builders?: string[]): boolean;
