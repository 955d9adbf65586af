import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ErrorCode, TroupeError } from '../core/errors.js';
import { writeFileNoFollow } from '../system/write-file.js';
import { claimOutputFolder, LOCK_FILE } from './output-folder.js';

const unusable = (pattern: RegExp) => (e: unknown) => TroupeError.is(e, ErrorCode.OutputUnusable) && pattern.test((e as Error).message);

describe('the output folder of a run', () => {
  it('makes a new folder, locks it while the run lasts, and leaves it without the lock', async () => {
    const root = await mkdtemp(join(tmpdir(), 'troupe-out-'));
    const folder = await claimOutputFolder(join(root, 'a', 'b'));
    assert.deepEqual(await readdir(folder.path), [LOCK_FILE]);
    await writeFile(join(folder.path, 'run.json'), '{}');
    await folder.release();
    assert.deepEqual(await readdir(folder.path), ['run.json']);
  });

  it('removes a folder it made when the run left nothing in it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'troupe-out-'));
    const folder = await claimOutputFolder(join(root, 'empty'));
    await folder.release();
    assert.equal(existsSync(folder.path), false);
  });

  it('refuses a folder that holds another run, a file, a symbolic link, and a folder in use', async () => {
    const root = await mkdtemp(join(tmpdir(), 'troupe-out-'));
    await mkdir(join(root, 'used'));
    await writeFile(join(root, 'used', 'run.json'), '{}');
    await assert.rejects(claimOutputFolder(join(root, 'used')), unusable(/already holds 1 file \(run\.json\)/));
    await writeFile(join(root, 'file'), 'x');
    await assert.rejects(claimOutputFolder(join(root, 'file')), unusable(/is a file, not a folder/));
    await assert.rejects(claimOutputFolder(join(root, 'file', 'below')), unusable(/part of the path is a file/));
    await symlink(tmpdir(), join(root, 'link'));
    await assert.rejects(claimOutputFolder(join(root, 'link')), unusable(/symbolic link/));
    const held = await claimOutputFolder(join(root, 'busy'));
    await assert.rejects(claimOutputFolder(join(root, 'busy')), unusable(/another run is writing into it/));
    await held.release();
  });

  it('gives exactly one of two runs started at once into one folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'troupe-out-'));
    const results = await Promise.allSettled([claimOutputFolder(join(root, 'same')), claimOutputFolder(join(root, 'same'))]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.ok(results.some((r) => r.status === 'rejected' && TroupeError.is(r.reason, ErrorCode.OutputUnusable)));
  });

  // Node 20's recursive mkdir spins forever on this path; the bound is only there so that a
  // regression fails instead of hanging the suite.
  it('says plainly that a path under /proc cannot be used, without hanging', { timeout: 20_000 }, async () => {
    await assert.rejects(claimOutputFolder('/proc/nope/run'), unusable(/cannot be created there|permission denied|read-only/));
  });

  it('never writes through a symbolic link planted in the folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'troupe-out-'));
    await writeFile(join(root, 'victim.txt'), 'keep me');
    await symlink(join(root, 'victim.txt'), join(root, 'run.json.tmp'));
    await assert.rejects(writeFileNoFollow(join(root, 'run.json.tmp'), 'overwritten'), /ELOOP/);
    assert.equal(await readFile(join(root, 'victim.txt'), 'utf8'), 'keep me');
  });
});
