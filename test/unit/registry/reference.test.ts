// Cases follow Docker's own reference tests (distribution/reference
// reference_test.go and normalize_test.go), restated as our table.
import { describe, expect, it } from 'vitest';
import {
  familiarName,
  formatRef,
  parseImageRef,
  parseReference,
  withDefaultTag,
  withTag,
  manifestReference,
} from '../../../src/naming/reference.js';
import { UserError } from '../../../src/errors.js';

const F64 = 'f'.repeat(64);

describe('parseReference (the grammar)', () => {
  const ok: [string, { domain: string; path: string; tag?: string; digest?: string }][] = [
    ['test_com', { domain: '', path: 'test_com' }],
    ['test.com:tag', { domain: '', path: 'test.com', tag: 'tag' }],
    ['test.com:5000', { domain: '', path: 'test.com', tag: '5000' }],
    ['test.com/repo:tag', { domain: 'test.com', path: 'repo', tag: 'tag' }],
    ['test:5000/repo', { domain: 'test:5000', path: 'repo' }],
    ['test:5000/repo:tag', { domain: 'test:5000', path: 'repo', tag: 'tag' }],
    [`test:5000/repo@sha256:${F64}`, { domain: 'test:5000', path: 'repo', digest: `sha256:${F64}` }],
    [`test:5000/repo:tag@sha256:${F64}`, { domain: 'test:5000', path: 'repo', tag: 'tag', digest: `sha256:${F64}` }],
    ['lowercase:Uppercase', { domain: '', path: 'lowercase', tag: 'Uppercase' }],
    [
      'a/'.repeat(127) + 'a:tag-puts-this-over-max',
      { domain: 'a', path: 'a/'.repeat(126) + 'a', tag: 'tag-puts-this-over-max' },
    ],
    [
      'sub-dom1.foo.com/bar/baz/quux:some-long-tag',
      { domain: 'sub-dom1.foo.com', path: 'bar/baz/quux', tag: 'some-long-tag' },
    ],
    [
      'b.gcr.io/test.example.com/my-app:test.example.com',
      { domain: 'b.gcr.io', path: 'test.example.com/my-app', tag: 'test.example.com' },
    ],
    ['xn--n3h.com/myimage:xn--n3h.com', { domain: 'xn--n3h.com', path: 'myimage', tag: 'xn--n3h.com' }],
    [
      `xn--7o8h.com/myimage:xn--7o8h.com@sha512:${'f'.repeat(128)}`,
      { domain: 'xn--7o8h.com', path: 'myimage', tag: 'xn--7o8h.com', digest: `sha512:${'f'.repeat(128)}` },
    ],
    ['foo_bar.com:8080', { domain: '', path: 'foo_bar.com', tag: '8080' }],
    ['foo/foo_bar.com:8080', { domain: 'foo', path: 'foo_bar.com', tag: '8080' }],
    ['192.168.1.1', { domain: '', path: '192.168.1.1' }],
    ['192.168.1.1:5000', { domain: '', path: '192.168.1.1', tag: '5000' }],
    ['192.168.1.1/repo', { domain: '192.168.1.1', path: 'repo' }],
    ['192.168.1.1:5000/repo:5050', { domain: '192.168.1.1:5000', path: 'repo', tag: '5050' }],
    ['[2001:db8::1]/repo', { domain: '[2001:db8::1]', path: 'repo' }],
    ['[2001:db8:1:2:3:4:5:6]/repo:tag', { domain: '[2001:db8:1:2:3:4:5:6]', path: 'repo', tag: 'tag' }],
    [
      `[2001:db8::1]:5000/repo:tag@sha256:${F64}`,
      { domain: '[2001:db8::1]:5000', path: 'repo', tag: 'tag', digest: `sha256:${F64}` },
    ],
    ['[2001:db8::]:5000/repo', { domain: '[2001:db8::]:5000', path: 'repo' }],
    ['[::1]:5000/repo', { domain: '[::1]:5000', path: 'repo' }],
  ];
  it.each(ok)('parses %s', (input, want) => {
    const ref = parseReference(input);
    expect(ref).toEqual(want);
    expect(formatRef(ref)).toBe(input);
  });

  const bad: [string, string][] = [
    ['', 'repository name must have at least one component'],
    [':justtag', 'invalid reference format'],
    [`@sha256:${F64}`, 'invalid reference format'],
    ['repo@sha256:' + 'f'.repeat(34), 'invalid checksum digest length'],
    [`validname@invaliddigest:${F64}`, 'unsupported digest algorithm "invaliddigest"'],
    ['Uppercase:tag', 'repository name must be lowercase'],
    ['test:5000/Uppercase/lowercase:tag', 'repository name must be lowercase'],
    ['a/'.repeat(128) + 'a:tag', 'repository name must not be more than 255 characters'],
    ['aa/asdf$$^/aa', 'invalid reference format'],
    ['[2001:db8::1]', 'invalid reference format'],
    ['[2001:db8::1]:5000', 'invalid reference format'],
    ['[2001:db8::1]:tag', 'invalid reference format'],
    ['[fe80::1%eth0]:5000/repo', 'invalid reference format'],
    ['[fe80::1%@invalidzone]:5000/repo', 'invalid reference format'],
  ];
  it.each(bad)('rejects %j', (input, why) => {
    let err: unknown;
    try {
      parseReference(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe(`invalid image reference "${input}": ${why}`);
  });
});

describe('parseImageRef (Docker normalisation)', () => {
  const valid = [
    'docker/docker',
    'library/debian',
    'debian',
    'docker.io/docker/docker',
    'docker.io/library/debian',
    'docker.io/debian',
    'index.docker.io/docker/docker',
    'index.docker.io/library/debian',
    'index.docker.io/debian',
    '127.0.0.1:5000/docker/docker',
    '127.0.0.1:5000/library/debian',
    '127.0.0.1:5000/debian',
    '192.168.0.1',
    '192.168.0.1:80',
    '192.168.0.1:8/debian',
    '192.168.0.2:25000/debian',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    '[fc00::1]:5000/docker',
    '[fc00::1]:5000/docker/docker',
    '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
    'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    'Docker/docker',
    'DOCKER/docker',
    'docker-rules/docker',
    'docker---rules/docker',
    'doc/docker',
    'd/docker',
    'jess/t',
    'dock__er/docker',
  ];
  it.each(valid)('accepts %s', (input) => {
    expect(() => parseImageRef(input)).not.toThrow();
  });

  const invalid = [
    'https://github.com/docker/docker',
    'docker/Docker',
    '-docker',
    '-docker/docker',
    '-docker.io/docker/docker',
    'docker///docker',
    'docker.io/docker/Docker',
    'docker.io/docker///docker',
    '[fc00::1]',
    '[fc00::1]:5000',
    'fc00::1:5000/debian',
    '[fe80::1%eth0]:5000/debian',
    '[2001:db8:3:4::192.0.2.33]:5000/debian',
    '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    'docker-/docker',
    '-docker-/docker',
    '____/____',
    '_docker/_docker',
    'dock..er/docker',
    'dock_.er/docker',
    'dock-.er/docker',
    'docker/',
    'x'.repeat(256) + '/docker',
  ];
  it.each(invalid)('rejects %s', (input) => {
    expect(() => parseImageRef(input)).toThrow(UserError);
  });

  // [familiar, full, domain, path, other spellings of the same name]
  const names: [string, string, string, string, string[]][] = [
    ['fooo/bar', 'docker.io/fooo/bar', 'docker.io', 'fooo/bar', ['index.docker.io/fooo/bar']],
    ['ubuntu', 'docker.io/library/ubuntu', 'docker.io', 'library/ubuntu', ['library/ubuntu']],
    ['nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu', 'docker.io', 'nonlibrary/ubuntu', []],
    ['other/library', 'docker.io/other/library', 'docker.io', 'other/library', []],
    ['127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase', '127.0.0.1:8000', 'private/moonbase', []],
    ['127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase', '127.0.0.1:8000', 'privatebase', []],
    ['example.com/private/moonbase', 'example.com/private/moonbase', 'example.com', 'private/moonbase', []],
    ['example.com:8000/privatebasee', 'example.com:8000/privatebasee', 'example.com:8000', 'privatebasee', []],
    [
      'ubuntu-12.04-base',
      'docker.io/library/ubuntu-12.04-base',
      'docker.io',
      'library/ubuntu-12.04-base',
      ['index.docker.io/library/ubuntu-12.04-base'],
    ],
    ['foo', 'docker.io/library/foo', 'docker.io', 'library/foo', ['docker.io/foo']],
    ['library/foo/bar', 'docker.io/library/foo/bar', 'docker.io', 'library/foo/bar', []],
    ['store/foo/bar', 'docker.io/store/foo/bar', 'docker.io', 'store/foo/bar', []],
    ['Foo/bar', 'Foo/bar', 'Foo', 'bar', []],
    ['FOO/bar', 'FOO/bar', 'FOO', 'bar', []],
    ['test.com/foo', 'test.com/foo', 'test.com', 'foo', []],
    ['test_com/foo', 'docker.io/test_com/foo', 'docker.io', 'test_com/foo', []],
    ['test-com:8080/foo', 'test-com:8080/foo', 'test-com:8080', 'foo', []],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo', []],
    ['localhost/foo', 'localhost/foo', 'localhost', 'foo', []],
  ];
  it.each(names)('normalises %s', (familiar, full, domain, path, others) => {
    for (const input of [familiar, full, ...others]) {
      const ref = parseImageRef(input);
      expect([ref.domain, ref.path, formatRef(ref), familiarName(ref)]).toEqual([domain, path, full, familiar]);
    }
  });

  it('keeps both tag and digest, as Docker does', () => {
    const short = 'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';
    const ref = parseImageRef(short);
    expect(formatRef(ref)).toBe(`docker.io/library/${short}`);
    expect(familiarName(ref)).toBe(short);
    expect(manifestReference(ref)).toBe('sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa');
  });

  it('adds latest only when there is neither tag nor digest', () => {
    expect(formatRef(withDefaultTag(parseImageRef('redis')))).toBe('docker.io/library/redis:latest');
    expect(formatRef(withDefaultTag(parseImageRef('ghcr.io/a/b:1')))).toBe('ghcr.io/a/b:1');
    const pinned = `docker.io/dmcgowan/myapp@sha256:${F64}`;
    expect(formatRef(withDefaultTag(parseImageRef(pinned)))).toBe(pinned);
  });

  it('names the problem in one line', () => {
    expect(() => parseImageRef('docker/Docker')).toThrow(
      'invalid image reference "docker/Docker": repository name (docker/Docker) must be lowercase',
    );
    expect(() => parseImageRef('1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a')).toThrow(
      'cannot specify 64-byte hexadecimal strings',
    );
  });

  it('validates tags like Docker (WithTag)', () => {
    expect(formatRef(withTag(parseImageRef('test.com:8000/foo'), 'TAG5'))).toBe('test.com:8000/foo:TAG5');
    expect(() => withTag(parseImageRef('busybox'), '-foo')).toThrow(UserError);
    expect(() => withTag(parseImageRef('busybox'), 'a'.repeat(129))).toThrow(UserError);
  });
});
