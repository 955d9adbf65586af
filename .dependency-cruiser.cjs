/**
 * The layers of src/, checked by `npm test` (docs/architecture.md says why each is where it is).
 * Imports point down only: a layer may import the layers below it, and folders of one layer
 * do not import each other, so no two folders can ever import each other.
 *
 *  11  cli/  bench/                      entry points (bench may import the whole product)
 *  10  serve/                            the HTTP server: threads, runs, streams, artifacts
 *   9  app/                              composition root: catalogs, controllers, runs
 *   8  controller/  runs/
 *   7  respond/  queue/
 *   6  select/  execute/  memory/
 *   5  plan/
 *   4  catalog/  experts/{local,remote,shared}/
 *   3  retrieval/
 *   2  net/
 *   1  text/  system/  config/  types/
 *   0  core/                             modality, artifact, task type, expert, plan, errors
 *
 * Tests (*.test.ts) and test-support/ may import any layer; product code never imports
 * test-support/ or bench/.
 */
const LAYERS = [
  ['core'],
  ['text', 'system', 'config', 'types'],
  ['net'],
  ['retrieval'],
  ['catalog', 'experts'],
  ['plan'],
  ['select', 'execute', 'memory'],
  ['respond', 'queue'],
  ['controller', 'runs'],
  ['app'],
  ['serve'],
  ['cli', 'bench'],
];
const folders = (names) => `^src/(${names.join('|')})/`;
const PRODUCT = '\\.test\\.ts$|^src/test-support/';

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.join('-')}`,
  comment: `${layer.join(', ')} (layer ${i}) may not import a layer above it`,
  severity: 'error',
  from: { path: folders(layer), pathNot: PRODUCT },
  to: { path: folders(LAYERS.slice(i + 1).flat()) },
}));

// Folders of one layer stand side by side: the catalog knows no expert implementation (the
// app registers them) and experts know no catalog; cli/ and bench/ are two entry points.
const sideRules = LAYERS.filter((layer) => layer.length > 1).map((layer) => ({
  name: `apart-${layer.join('-')}`,
  comment: `${layer.join(', ')} do not import each other`,
  severity: 'error',
  from: { path: `^src/(${layer.join('|')})/`, pathNot: PRODUCT },
  to: { path: folders(layer), pathNot: '^src/$1/' },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'no import cycles, of files or through them', severity: 'error', from: {}, to: { circular: true } },
    ...layerRules,
    ...sideRules,
    {
      name: 'local-and-remote-apart',
      comment: 'what local and remote experts share lives in experts/shared/',
      severity: 'error',
      from: { path: '^src/experts/(local|remote)/', pathNot: PRODUCT },
      to: { path: '^src/experts/(local|remote)/', pathNot: '^src/experts/$1/' },
    },
    {
      name: 'product-not-to-bench',
      comment: 'benchmarks may import the product; the product never imports them',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bench/' },
      to: { path: '^src/bench/' },
    },
    {
      name: 'product-not-to-test-support',
      comment: 'test-support/ holds loopback servers and helpers for tests only',
      severity: 'error',
      from: { path: '^src/', pathNot: PRODUCT },
      to: { path: '^src/test-support/' },
    },
    {
      name: 'no-unknown-folder',
      comment: 'every file of src/ belongs to a layer (add a new folder to LAYERS)',
      severity: 'error',
      from: { path: '^src/', pathNot: `${folders([...LAYERS.flat(), 'test-support'])}|${PRODUCT}` },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};
