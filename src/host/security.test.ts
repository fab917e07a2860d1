import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  isAppUrl,
  resolveInside,
  safeExternalUrl,
} from './security';

describe('safeExternalUrl', () => {
  it('accepts plain http(s) links', () => {
    expect(safeExternalUrl('https://en.wikipedia.org/wiki/Albania')).toBe('https://en.wikipedia.org/wiki/Albania');
    expect(safeExternalUrl('http://example.org')).toBe('http://example.org/');
  });

  it('refuses every other scheme, credentials and junk', () => {
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://host/share',
      'app://desk/index.html',
      'https://user:pass@example.org/',
      'https://',
      'not a url',
      `https://example.org/${'a'.repeat(3000)}`,
    ]) {
      expect(safeExternalUrl(bad), bad).toBeNull();
    }
  });
});

describe('isAppUrl', () => {
  it('recognizes only the app origin', () => {
    expect(isAppUrl('app://desk/index.html#/doc/x')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///work/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('https://desk/')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5000/', 'http://127.0.0.1:5000')).toBe(true);
  });
});

describe('resolveInside', () => {
  const root = path.resolve('/srv/renderer');
  it('resolves ordinary paths', () => {
    expect(resolveInside(root, '/')).toBe(root);
    expect(resolveInside(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveInside(root, '/a%20b.css')).toBe(path.join(root, 'a b.css'));
  });
  it('refuses escapes', () => {
    for (const p of ['/../x', '/%2e%2e/x', '/a/..%2f..%2fx', '/..\\x', '/x%00', '/%E0%A4%A']) {
      expect(resolveInside(root, p), p).toBeNull();
    }
  });
});

describe('CSP', () => {
  it('allows nothing remote and no inline or eval scripts', () => {
    for (const csp of [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY]) {
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*|ws:/);
    }
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });
});
