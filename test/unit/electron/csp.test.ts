// The CSP string: each directive's exact sources, and refusal of injected directives.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../src/main/platform/security/csp';

const parse = (csp: string) =>
  new Map(
    csp.split('; ').map((d) => {
      const [name, ...sources] = d.split(' ');
      return [name!, sources] as const;
    }),
  );

describe('contentSecurityPolicy', () => {
  it('is the exact strict policy', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "media-src 'self' blob: mediastream:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; frame-src blob:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('allows no inline script, eval, or remote source anywhere', () => {
    const csp = contentSecurityPolicy();
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('*');
    expect(csp).not.toMatch(/https?:/);
    expect(parse(csp).get('script-src')).toEqual(["'self'"]);
  });

  it('adds connectSrc sources to connect-src only', () => {
    const directives = parse(contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:5174', 'https://hub.example.fr'] }));
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:5174', 'https://hub.example.fr']);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it.each([["x; script-src 'unsafe-inline'"], ['a b'], ["'unsafe-eval'"], ['a,b'], ['']])(
    'refuses the connect-src value %j',
    (source) => {
      expect(() => contentSecurityPolicy({ connectSrc: [source] })).toThrow(/Invalid connect-src/);
    },
  );
});
