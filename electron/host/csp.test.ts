import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from './csp.ts';

describe('Content-Security-Policy', () => {
  it('is the same in the header and in renderer/index.html, but for header-only directives', () => {
    const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(html);
    expect(meta?.[1]).toBeDefined();
    const normalise = (policy: string) =>
      policy
        .split(';')
        .map((d) => d.trim().replace(/\s+/g, ' '))
        .filter(Boolean);
    expect(normalise(meta?.[1] ?? '')).toEqual(normalise(metaContentSecurityPolicy));
    expect(normalise(metaContentSecurityPolicy)).toEqual(
      normalise(contentSecurityPolicy).filter((d) => !d.startsWith('frame-ancestors')),
    );
  });

  it('forbids inline script, plugins, framing and base rewriting', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).toContain("base-uri 'none'");
  });

  it('allows no inline style, no unsafe source and no blob: anywhere', () => {
    expect(contentSecurityPolicy).toContain("style-src 'self';");
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-[a-z-]+'/);
    expect(contentSecurityPolicy).not.toContain('blob:');
    expect(contentSecurityPolicy).not.toMatch(/(^|[\s;])\*/);
  });
});
