// Reading the builders' output: cache hits of BuildKit and of the legacy builder, buildx metadata.
import { describe, expect, it } from 'vitest';
import { cacheStats, metadataDigest } from '../../../src/image-build/output.js';
import { buildFailure } from '../../../src/image-build/build.js';
import { pushedDigest } from '../../../src/docker/push.js';

// As BuildKit 0.8 (dockerd 20.10) prints it with --progress plain.
const buildkit = `#3 [internal] load metadata for 127.0.0.1:5077/team/base:1
#3 DONE 0.0s

#4 importing cache manifest from 127.0.0.1:5077/team/api:cache-featurex
#4 ERROR: 127.0.0.1:5077/team/api:cache-featurex: not found

#5 importing cache manifest from 127.0.0.1:5077/team/api:cache-main
#5 DONE 0.0s

#10 [1/4] FROM 127.0.0.1:5077/team/base:1
#10 CACHED

#6 [builder 2/4] RUN echo hello > /a && sleep 1
#6 CACHED

#7 [builder 3/4] COPY x /x
#7 CACHED

#8 [4/4] RUN cat /x > /y
#8 sha256:0d11af40cf3bf8f50e96126af2baded532f4814b5a15029ae0617cb5f3df41c5
#8 DONE 0.7s
`;

const legacy = `Step 1/5 : ARG BASE=127.0.0.1:5077/team/base:1
Step 2/6 : FROM $BASE
 ---> 49c93e4bd46e
Step 3/6 : RUN echo hello > /a && sleep 1
 ---> Using cache
 ---> 1d2f3e4a5b6c
Step 4/6 : COPY x /x
 ---> Using cache
Step 5/6 : RUN cat /x > /y
 ---> Running in 0a1b2c3d4e5f
Step 6/6 : LABEL org.opencontainers.image.created=2024-05-06T07:08:09Z
 ---> Using cache
`;

describe('cacheStats', () => {
  it('counts BuildKit steps served from cache (FROM aside) and the cache refs really imported', () => {
    expect(cacheStats(buildkit)).toEqual({ hits: 2, steps: 3, imported: ['127.0.0.1:5077/team/api:cache-main'] });
  });
  it('counts the legacy builder\'s "Using cache" steps that make a layer (ARG, FROM, LABEL aside)', () => {
    expect(cacheStats(legacy)).toEqual({ hits: 2, steps: 3, imported: [] });
  });
  it('finds nothing in output without steps', () => {
    expect(cacheStats('')).toEqual({ hits: 0, steps: 0, imported: [] });
  });
});

describe('digests and failures', () => {
  it('reads the digest docker push and buildx report', () => {
    const d = 'sha256:' + 'ab'.repeat(32);
    expect(pushedDigest(`The push refers to repository [x]\nmain-1: digest: ${d} size: 1357\n`)).toBe(d);
    expect(metadataDigest(JSON.stringify({ 'containerimage.digest': d, 'image.name': 'x' }))).toBe(d);
    expect(metadataDigest('not json')).toBeUndefined();
  });
  it('picks the line that says why a build failed', () => {
    expect(
      buildFailure(
        '#8 [2/2] RUN false\n#8 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\n------\nerror: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1\n',
      ),
    ).toBe('failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1');
    expect(
      buildFailure(
        "Step 2/2 : RUN false\n ---> Running in 1\nThe command '/bin/sh -c false' returned a non-zero code: 1\n",
      ),
    ).toBe("The command '/bin/sh -c false' returned a non-zero code: 1");
  });
});
