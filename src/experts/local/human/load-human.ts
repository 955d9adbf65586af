import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config, Human, Result } from '@vladmandic/human';

const require = createRequire(import.meta.url);

/**
 * The package's `exports` keys lack "./", so Node reads them as conditions and no subpath
 * resolves; its main entry does, and the WASM build sits beside it in dist/.
 */
function humanDist(): string {
  return dirname(require.resolve('@vladmandic/human'));
}

const BASE: Partial<Config> = {
  backend: 'wasm',
  debug: false,
  cacheModels: false,
  face: {
    enabled: true,
    detector: { rotation: false, maxDetected: 20, minConfidence: 0.3 },
    mesh: { enabled: true },
    iris: { enabled: false },
    description: { enabled: true },
    emotion: { enabled: true },
    antispoof: { enabled: false },
    liveness: { enabled: false },
  } as Config['face'],
  body: { enabled: true, modelPath: 'movenet-lightning.json', maxDetected: 1, minConfidence: 0.2 } as Config['body'],
  object: { enabled: true, modelPath: 'centernet.json', minConfidence: 0.3, maxDetected: 20 } as Config['object'],
  hand: { enabled: false } as Config['hand'],
  gesture: { enabled: false },
  segmentation: { enabled: false } as Config['segmentation'],
  filter: { enabled: false } as Config['filter'],
};

let loading: Promise<Human> | undefined;

/**
 * One Human instance per process, its models loaded once from the npm package itself
 * (never from the network) on the tfjs WASM backend (see servingFiles).
 */
export function loadHuman(): Promise<Human> {
  loading ??= (async () => {
    const dist = humanDist();
    const { Human: HumanClass } = require(join(dist, 'human.node-wasm.js')) as { Human: new (config: Partial<Config>) => Human };
    const human = new HumanClass({
      ...BASE,
      modelBasePath: pathToFileURL(join(dist, '..', 'models') + '/').href,
      wasmPath: join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/'),
    });
    await servingFiles(() => human.load());
    const missing = Object.entries(human.models.models).filter(([name, model]) => isWanted(name) && !model).map(([name]) => name);
    if (missing.length) throw new Error(`Human could not load the models ${missing.join(', ')}`);
    return human;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

function isWanted(name: string): boolean {
  return ['facedetect', 'facemesh', 'faceres', 'emotion', 'movenet', 'centernet'].includes(name);
}

/**
 * Runs `work` while file: URLs are served from disk: Human fetches models with the global
 * fetch, which cannot read them in Node; every other request passes through unchanged.
 */
export async function servingFiles<T>(work: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url)));
    return original(input, init);
  }) as typeof fetch;
  try {
    return await work();
  } finally {
    globalThis.fetch = original;
  }
}

export type DetectWhat = 'objects' | 'faces' | 'pose';

/** Runs only the models a task needs on an RGB image. */
export async function detect(human: Human, rgb: { data: Buffer; width: number; height: number }, what: DetectWhat): Promise<Result> {
  const tensor = human.tf.tensor(new Uint8Array(rgb.data), [1, rgb.height, rgb.width, 3], 'int32');
  try {
    return await human.detect(tensor as never, {
      face: { enabled: what === 'faces' },
      body: { enabled: what === 'pose' },
      object: { enabled: what === 'objects' },
    } as Partial<Config>);
  } finally {
    human.tf.dispose(tensor);
  }
}
