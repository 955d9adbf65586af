import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ErrorCode, TroupeError } from '../core/errors.js';

/**
 * How files get between a server and its workers: a job carries references, never bytes.
 * The server shares each input and collects each output; a worker fetches each input and
 * publishes each output. Two kinds: a folder every machine mounts at the same path (the
 * reference is the path), and an S3-compatible bucket (the reference is s3://bucket/key).
 */
export interface ArtifactStore {
  /** Server: the reference a worker can reach the file at. */
  share(path: string, key: string): Promise<string>;
  /** Server: where a job's outputs go, as a reference stem (`<stem>.<ext>`). */
  outputStem(localStem: string, key: string): string;
  /** Server: an output's reference copied to its place in the run folder. */
  collect(ref: string, localPath: string): Promise<void>;
}

/** The worker's side: references to local files and back. */
export interface WorkerFiles {
  /** A local path holding the referenced input. */
  fetch(ref: string, scratchDir: string): Promise<string>;
  /** Where the expert writes an output whose reference is `<stem>.<ext>`. */
  outputPath(stem: string, ext: string, scratchDir: string): string;
  /** The written output's reference. */
  publish(stem: string, localPath: string): Promise<string>;
}

const isS3 = (ref: string) => ref.startsWith('s3://');

/** A folder shared by every machine at the same path (NFS, a bind mount): references are absolute paths. */
export const sharedFolder: ArtifactStore = {
  share: async (path) => resolve(path),
  outputStem: (localStem) => resolve(localStem),
  collect: async () => undefined,
};

function s3Location(ref: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(ref);
  if (!m) throw new TroupeError(ErrorCode.BadUsage, `not an S3 address: ${ref}`, { hint: 'give s3://BUCKET/PREFIX' });
  return { bucket: m[1]!, key: m[2]! };
}

/**
 * The S3 client, for AWS or any S3-compatible server: TROUPE_S3_ENDPOINT names the server
 * (path-style addressing), the credentials and region come from the AWS SDK's usual places
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, ~/.aws).
 */
let client: Promise<import('@aws-sdk/client-s3').S3Client> | undefined;
function s3Client() {
  // One client (and its connection pool) for the process, made on first use.
  client ??= import('@aws-sdk/client-s3').then(({ S3Client }) => {
    const endpoint = process.env.TROUPE_S3_ENDPOINT;
    return new S3Client({ ...(endpoint ? { endpoint, forcePathStyle: true } : {}), region: process.env.AWS_REGION ?? 'us-east-1' });
  });
  return client;
}

async function upload(ref: string, path: string): Promise<void> {
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  const { bucket, key } = s3Location(ref);
  try {
    // The bytes with their length: a stream would go as aws-chunked, which not every S3-compatible server reads.
    await (await s3Client()).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: await readFile(path) }));
  } catch (error) {
    throw new TroupeError(ErrorCode.ExpertCrashed, `could not upload to ${ref}: ${(error as Error).message}`, { hint: 'check TROUPE_S3_ENDPOINT, the bucket and the AWS credentials' });
  }
}

async function download(ref: string, path: string): Promise<void> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const { bucket, key } = s3Location(ref);
  try {
    const object = await (await s3Client()).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, await object.Body!.transformToByteArray());
  } catch (error) {
    throw new TroupeError(ErrorCode.InputNotFound, `could not download ${ref}: ${(error as Error).message}`, { hint: 'check TROUPE_S3_ENDPOINT, the bucket and the AWS credentials on this machine' });
  }
}

/** An S3-compatible bucket under a prefix (`s3://bucket/prefix`): inputs are uploaded, outputs downloaded into the run folder. */
export function s3Bucket(prefix: string): ArtifactStore {
  const base = prefix.replace(/\/+$/, '');
  s3Location(base);
  return {
    share: async (path, key) => {
      const ref = `${base}/${key}`;
      await upload(ref, path);
      return ref;
    },
    outputStem: (localStem, key) => `${base}/${key}/${basename(localStem)}`,
    collect: (ref, localPath) => download(ref, localPath),
  };
}

/** A worker reads whichever kind a job's references are. */
export const workerFiles: WorkerFiles = {
  async fetch(ref, scratchDir) {
    if (isS3(ref)) {
      const path = join(scratchDir, 'inputs', basename(s3Location(ref).key));
      await download(ref, path);
      return path;
    }
    if (!existsSync(ref)) throw new TroupeError(ErrorCode.InputNotFound, `this worker cannot see ${ref}`, { hint: "every worker must see the server's data folder at the same path (a shared folder), or use --artifacts s3://BUCKET/PREFIX" });
    return ref;
  },
  outputPath: (stem, ext, scratchDir) => (isS3(stem) ? join(scratchDir, 'outputs', `${basename(s3Location(stem).key)}.${ext}`) : `${stem}.${ext}`),
  async publish(stem, localPath) {
    if (!isS3(stem)) return localPath;
    const ref = `${stem}${localPath.slice(localPath.lastIndexOf('.'))}`;
    await upload(ref, localPath);
    return ref;
  },
};

/** The store a `--artifacts` value names: absent, the shared folder. */
export function artifactStoreFor(value: string | undefined): ArtifactStore {
  return value ? s3Bucket(value) : sharedFolder;
}
