// The FROM images a build pulls first: global ARGs, build args, stages, target, escape directive.
import { describe, expect, it } from 'vitest';
import { expand, fromImages, instructions } from '../../../src/image-build/dockerfile.js';
import { UserError } from '../../../src/errors.js';

const images = (text: string, args: Record<string, string> = {}, target?: string) =>
  fromImages(text, 'Dockerfile', new Map(Object.entries(args)), target).images.map((i) => i.image);

describe('fromImages', () => {
  it('lists each stage base in order with its line, skipping scratch and earlier stage names', () => {
    const text = [
      'FROM golang:1.22 AS build',
      'RUN go build',
      'FROM scratch AS empty',
      'FROM Build AS again',
      'FROM alpine:3.20',
      'COPY --from=build /app /app',
      '',
    ].join('\n');
    const r = fromImages(text, 'Dockerfile', new Map());
    expect(r.images).toEqual([
      { image: 'golang:1.22', line: 1, stage: 0 },
      { image: 'alpine:3.20', line: 5, stage: 3 },
    ]);
    expect(r.stages).toEqual(['build', 'empty', 'again', '']);
  });

  it('substitutes global ARG defaults, overridden by build args; ARGs after the first FROM do not count', () => {
    const text = [
      'ARG REG=registry.example.com',
      'ARG TAG=1.0',
      'ARG IMAGE=${REG}/base:${TAG}',
      'FROM $IMAGE',
      'ARG LATE=x',
      'FROM ${LATE:-fallback}:2',
    ].join('\n');
    expect(images(text)).toEqual(['registry.example.com/base:1.0', 'fallback:2']);
    expect(images(text, { TAG: '2.0' })).toEqual(['registry.example.com/base:2.0', 'fallback:2']);
    expect(images(text, { IMAGE: 'other/img:9', LATE: 'ignored' })).toEqual(['other/img:9', 'fallback:2']);
  });

  it('knows ${VAR:-word}, ${VAR-word}, ${VAR:+word} and an escaped dollar', () => {
    const vars = new Map([
      ['SET', 'v'],
      ['EMPTY', ''],
    ]);
    expect(
      expand('${SET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d} ${SET:+alt} ${EMPTY:+alt} ${UNSET+alt} $SET. \\$SET', vars),
    ).toBe('v d  d alt   v. $SET');
  });

  it('stops at the target stage, case-insensitively, and names the stages when the target is unknown', () => {
    const text = ['FROM node:20 AS deps', 'FROM deps AS Test', 'FROM nginx:1 AS final'].join('\n');
    expect(images(text, {}, 'test')).toEqual(['node:20']);
    expect(images(text)).toEqual(['node:20', 'nginx:1']);
    expect(() => images(text, {}, 'prod')).toThrow(UserError);
    expect(() => images(text, {}, 'prod')).toThrow(
      'target "prod" is not a stage of Dockerfile (stages: deps, test, final)',
    );
  });

  it('joins continuation lines, drops comments inside them, and honours # escape=`', () => {
    const text = [
      '# escape=`',
      'FROM `',
      '  # a comment',
      '  mcr.microsoft.com/windows/servercore:ltsc2022 `',
      '  AS base',
      'RUN dir',
    ].join('\r\n');
    expect(images(text)).toEqual(['mcr.microsoft.com/windows/servercore:ltsc2022']);
    expect(instructions(text).map((i) => [i.keyword, i.line])).toEqual([
      ['FROM', 2],
      ['RUN', 6],
    ]);
  });

  it('keeps a --platform without variables, and drops one with them', () => {
    const r = fromImages(
      'FROM --platform=linux/arm64 arm:1\nFROM --platform=$BUILDPLATFORM tool:2 AS t\n',
      'Dockerfile',
      new Map(),
    );
    expect(r.images).toEqual([
      { image: 'arm:1', line: 1, stage: 0, platform: 'linux/arm64' },
      { image: 'tool:2', line: 2, stage: 1 },
    ]);
  });

  it('reports a FROM it cannot resolve instead of guessing, and skips one that expands to nothing', () => {
    const r = fromImages('FROM ${IMG#prefix}\nFROM ${UNSET}\nFROM ok:1\n', 'Dockerfile', new Map());
    expect(r.images.map((i) => i.image)).toEqual(['ok:1']);
    expect(r.unresolved).toEqual([{ text: '${IMG#prefix}', line: 1 }]);
  });

  it('refuses a file without FROM, and a FROM without an image, in one line naming the file', () => {
    expect(() => images('# just a comment\nRUN true\n')).toThrow('Dockerfile: no FROM instruction');
    expect(() => images('FROM\n')).toThrow('Dockerfile:1: FROM needs an image');
  });
});
