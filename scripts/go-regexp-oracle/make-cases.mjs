const subjects = [
  'master', 'Master', 'MASTER', 'main', 'develop', 'development', 'staging', 'production', 'prod', 'release',
  'master-2', 'my-master', 'feature/master', 'master/foo', 'feature/login', 'feature/x', 'hotfix/1.2.4',
  'v1.0.0', 'v1.2.3', 'v10.20.30', 'v1.2', 'v1.2.3-beta.1', 'v1.2.3-rc1', '1.2.3', '1.2.3-beta', '1.2', '0.0.1', 'v2',
  'PRERELEASE-7', 'prerelease-7', 'release-1.0', 'stub', '', 'a', 'ab', 'abc', 'aaa', 'a.b', 'a]b', 'a{b', 'a{2}', 'a\nb', 'master\n',
  '\nmaster', 'x\r', 'tab\there', 'a b', 'a\u000bb', 'a\fb', 'ſ', 'K', 'k', 'S', 's', 'é', 'É', 'Ω', 'ω', '日本', '😀', '\u00a0', '\u2028',
  'foo_bar', 'foo-bar', 'FOO', '123', '-', '$', '^', '.', '\\', 'a|b', 'dependabot/npm_and_yarn/x-1.2', 'renovate/all', 'gh-pages',
];
const patterns = [
  // from the corpus
  '^(master/.*)$', '^(master)$', '^(master|PRERELEASE-.*)$', '^([0-9]+\\.[0-9]+\\.[0-9]+.*)$', '^master$', '^(\\d+\\.)?(\\d+\\.)?(\\d+)(-\\w+\\.?\\w+)?$',
  '^v([0-9]+)\\.([0-9]+)\\.([0-9]+)$', '^v[0-9]+\\.[0-9]+\\.[0-9]+.*$', '^(development|master)', '^(staging|production)$', '^(master|develop)$',
  '^(master)', '^(master|develop)', '^(master|develop|staging)', '^v[0-9]\\.[0-9]+.[0-9]+(-[a-zA-Z0-9\\.]+)?$', '^v(\\d+\\.)+\\d+',
  // plain names as Codeship's whole-name match compiles them
  '^master$', '^feature/x$', '^v1\\.0\\.0$',
  // search, not anchored
  'master$', 'ster', '^feat', 'a|b', '',
  // dot and newlines
  '^.*$', '^.+$', 'a.b', '(?s)a.b', '^master$', '(?m)^master$', '(?m)b$', '(?m)^b', '\\Amaster\\z', 'x.$', '.',
  // classes
  '^[a-z]+$', '[^a-z]', '^[]a]+$', '^[^]a]+$', '[a-]', '[-a]', '^[\\d.]+$', '[[:alpha:]]', '^[[:^alpha:]]+$', '[[:word:]]+', '[[:punct:]]',
  '\\s', '\\S', '^\\S+$', '[\\s]', '[^\\s]', '\\w+', '\\W', '\\D', '[\\D]', '[^\\d]', '\\pL', '\\p{Greek}', '\\PL', '\\p{Lu}', '[\\p{Lu}\\d]', '\\p{^L}',
  // case
  '(?i)master', '(?i)^MASTER$', '(?i)k', '(?i)s', '(?i)é', '(?i)[a-z]', '(?i)\\w', 'a(?i)b', '(?i:a)b', '(?i)\\bmaster',
  // repeats
  'a{2}', 'a{,2}', 'a{2,}', 'a{2,3}', 'a{', 'a{x}', '^a{1000}$', 'a{1001}', '(a{500}){3}', 'a{3,2}', 'a*?', 'a+?b', 'a??',
  // escapes
  '\\.', 'a\\]', '\\{', '\\x41', '\\x{1F600}', '\\101', '\\0', '\\Qa.b\\E', '\\Qa.b', '\\t', '\\n', '\\$', '\\^', 'a\\-b', '\\/', ']', '}', 'a]b', 'a}',
  // groups and flags
  '(?P<name>ma)ster', '(?:ma)ster', '(?U)a+', '(?)master', '(?-s).', '(?s-m).',
  // what Go rejects
  '(?=master)', '(?!master)', '(?<=a)b', '(?<!a)b', '(a)\\1', '\\1', '\\8', 'a**', 'a+*', 'a{2}{3}', '*a', '(', ')', 'a)', '[a', '[z-a]', '\\', '\\e', '\\Z',
  '(?P<>a)', '(?P<a>x)(?P<a>y)', '(?<name>a)', '(?i-)a', '(?-)a', '(?x)a', '(a{10}){100}', '(a{11}){100}', '((a{2}){2}){250}', '(a*){1000}', '(a{2}|b{600}){2}', 'x{1001,}', '[[:foo:]]', '\\p{Foo}', '\\C', 'a++', '(?#comment)',
];
const seen = new Set();
const cases = patterns.filter((p) => !seen.has(p) && seen.add(p)).map((p) => ({ pattern: p, subjects: [] }));
process.stdout.write(JSON.stringify({ subjects, cases }, null, 1) + '\n');
