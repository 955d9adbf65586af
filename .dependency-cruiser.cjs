/**
 * The layers of src/, checked by `npm test` (docs/architecture.md says why each is where it is).
 * Imports point down only: a layer may import the layers below it and nothing above.
 *
 *   7  cli/  bench/                      entry points (bench may import the whole product)
 *   6  app/                              composition root: catalogs, controllers, runs
 *   5  controller/
 *   4  plan/ select/ execute/ respond/ memory/   the four stages and the plan memory
 *   3  catalog/   experts/{local,remote,shared}/
 *   2  net/  retrieval/
 *   1  text/  system/  config/  types/
 *   0  core/                             modality, artifact, task type, expert, plan, errors
 *
 * Tests (*.test.ts) and test-support/ may import any layer; product code never imports
 * test-support/ or bench/.
 */
const LAYERS = [
  ['core'],
  ['text', 'system', 'config', 'types'],
  ['net', 'retrieval'],
  ['catalog', 'experts'],
  ['plan', 'select', 'execute', 'respond', 'memory'],
  ['controller'],
  ['app'],
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

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'no import cycles, of files or through them', severity: 'error', from: {}, to: { circular: true } },
    ...layerRules,
    {
      name: 'catalog-knows-no-expert',
      comment: 'the catalog documents experts; the app registers implementations into it',
      severity: 'error',
      from: { path: '^src/catalog/', pathNot: PRODUCT },
      to: { path: '^src/experts/' },
    },
    {
      name: 'experts-know-no-catalog',
      comment: 'an expert implements core/expert.ts; it does not reach into the catalog',
      severity: 'error',
      from: { path: '^src/experts/', pathNot: PRODUCT },
      to: { path: '^src/catalog/' },
    },
    {
      name: 'local-and-remote-apart',
      comment: 'what local and remote experts share lives in experts/shared/',
      severity: 'error',
      from: { path: '^src/experts/(local|remote)/', pathNot: PRODUCT },
      to: { path: '^src/experts/(local|remote)/', pathNot: '^src/experts/$1/' },
    },
    {
      name: 'cli-and-bench-apart',
      comment: 'two entry points: neither imports the other',
      severity: 'error',
      from: { path: '^src/(cli|bench)/', pathNot: PRODUCT },
      to: { path: '^src/(cli|bench)/', pathNot: '^src/$1/' },
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
