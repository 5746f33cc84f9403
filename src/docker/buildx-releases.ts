/**
 * The buildx release the build action installs where the runner's Docker has none,
 * with the sha256 of each Linux binary as published with the release (its checksums.txt;
 * Docker's official `docker` image checks the same values). A download that does not
 * match is refused. To move to another release, replace version and every sum.
 */
export interface BuildxRelease {
  version: string;
  /** sha256 per asset platform (the part after `buildx-v<version>.`). */
  sha256: Record<string, string>;
}

export const BUILDX_RELEASE: BuildxRelease = {
  version: '0.18.0',
  sha256: {
    'linux-amd64': '4fe2eb90ac22b27fa03734899fcf814aa1e214a4952b9b30b20d551baf1d9a5c',
    'linux-arm64': 'da9742321bb462547ebde69bf8420ac07b2a2c80fb57260f539bfc9f312becd6',
    'linux-arm-v7': '606e449ac112615e0bffe6c433e59e84145e6963119ea397227381b86da3a880',
    'linux-arm-v6': 'f438c1845f515b7deda0d7f325752f5652f2206a34ab2fff611f8a8717fb8907',
    'linux-ppc64le': 'ef63b95d022c53b41b2404aef7ca77c2e775f2be63566d2af00260ed13c51984',
    'linux-riscv64': '49dd68603c992b6755fc7c8a7762fbbe689f2aca97a55a513c978e02582f9a81',
    'linux-s390x': 'f4a69adac9a2734ab191c29529f54012b289884b626d75baa3cf0471b0241f58',
  },
};

/** Where releases are downloaded from unless the `buildx-mirror` input names a mirror. */
export const BUILDX_DOWNLOADS = 'https://github.com/docker/buildx/releases/download';
