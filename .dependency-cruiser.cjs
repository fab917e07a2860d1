// The layer rules of Relations Desk, checked by `npm run lint:layers` (part of `npm test`).
// Each folder under src/ is a layer; imports point down only:
//
//   shared ← search ← core ← ingest
//                       ↖── services ← host ← {web, cli, main}
//   renderer → shared only (it reaches the services through the typed DeskApi, never by import)
//   preload  → shared only;  electron is imported by src/main and src/preload alone
//
// Tests (*.test.ts) may also reach up to services and host for real-corpus fixtures.
// A violating import fails the suite with the rule's name and the offending edge.
const layer = (name, may, comment) => ({
  name: `${name}-imports-only-${may.join('-')}`,
  comment,
  severity: 'error',
  from: { path: `^src/${name}/`, pathNot: '\\.test\\.ts$' },
  to: { path: '^src/', pathNot: `^src/(${[name, ...may].join('|')})/` },
});

module.exports = {
  forbidden: [
    layer('shared', [], 'src/shared is the contract and pure helpers every layer and the renderer use: it depends on nothing of ours.'),
    layer('search', ['shared'], 'The search engine knows the contract only; the builder and the services call it.'),
    layer('core', ['shared'], 'Corpus knowledge (partner registry, sentences, passages, schema) shared by the builder and the services.'),
    layer('ingest', ['shared', 'search', 'core'], 'The builder writes the library; it never calls the services that read it.'),
    layer('services', ['shared', 'search', 'core'], 'Services read the built library; they never call the builder (core holds what both need).'),
    layer('host', ['shared', 'search', 'core', 'ingest', 'services'], 'What every transport needs (paths, freshness, MIME, security, browsers); never a transport itself.'),
    layer('web', ['shared', 'services', 'host'], 'The browser edition is a transport: it must not import another transport.'),
    layer('cli', ['shared', 'ingest', 'services', 'host'], 'The CLI is a transport: it must not import another transport.'),
    layer('main', ['shared', 'services', 'host'], 'The Electron shell is a transport: it must not import another transport.'),
    layer('preload', ['shared'], 'The preload exposes the typed API and nothing else.'),
    layer('renderer', ['shared'], 'The renderer sees only the typed DeskApi and the shared types.'),
    {
      name: 'only-main-and-preload-import-electron',
      comment: 'Services, transports and the renderer run without Electron (tests, CLI, browser edition).',
      severity: 'error',
      from: { path: '^(src|scripts|bin)/', pathNot: '^src/(main|preload)/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'no-dev-dependency-at-run-time',
      comment: 'Code that runs in the shipped app or CLI must not import a devDependency (the renderer is bundled, electron is the runtime itself).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.test\\.ts$', '^src/renderer/', '^src/test/'] },
      to: { dependencyTypes: ['npm-dev'], pathNot: '^node_modules/electron/' },
    },
    {
      name: 'tests-are-not-imported',
      comment: 'Test files and test support are never imported by shipped code.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['\\.test\\.ts$', '^src/test/'] },
      to: { path: ['\\.test\\.ts$', '^src/test/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.svelte', '.json'] },
    exclude: { path: '(^|/)(out|dist)/' },
  },
};
