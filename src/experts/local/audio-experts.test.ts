import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Artifact } from '../../core/artifact.js';
import { ErrorCode, TroupeError } from '../../core/errors.js';
import { requireProgram } from '../../test-support/programs.js';
import { runExpert, textArtifact } from '../../test-support/run-expert.js';
import { detectSpeech, energyVad } from './energy-vad.js';
import { fliteTts } from './flite-tts.js';
import { pocketsphinxAsr } from './pocketsphinx-asr.js';
import { soxAudioTransform } from './sox-audio-transform.js';

const fixture = (name: string): Artifact => ({ kind: 'audio', mime: 'audio/wav', path: fileURLToPath(new URL(`../../../test-fixtures/${name}`, import.meta.url)) });
const GO_FORWARD = fixture('goforward.wav');

describe('energy VAD on synthetic signals', () => {
  it('finds a tone burst between silences, with its times', () => {
    const pcm = new Int16Array(16000 * 3);
    for (let i = 16000; i < 32000; i++) pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / 16000));
    for (let i = 0; i < pcm.length; i++) pcm[i]! += Math.round((Math.random() - 0.5) * 40); // a little noise floor
    const segments = detectSpeech(pcm);
    assert.equal(segments.length, 1, JSON.stringify(segments));
    assert.ok(Math.abs(segments[0]!.start - 1) < 0.06 && Math.abs(segments[0]!.end - 2) < 0.06, JSON.stringify(segments));
  });
  it('finds nothing in silence', () => {
    assert.deepEqual(detectSpeech(new Int16Array(16000)), []);
  });
});

describe('pocketsphinx speech recognition', { skip: requireProgram('pocketsphinx_continuous') || requireProgram('sox') }, () => {
  it('transcribes "go forward ten meters"', async () => {
    const { output } = await runExpert(pocketsphinxAsr, { audio: GO_FORWARD });
    assert.equal(output.value, 'go forward ten meters');
  });
  it('converts other formats first (FLAC at 44.1 kHz stereo)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-asr-'));
    const flac = join(dir, 'go.flac');
    const { spawnSync } = await import('node:child_process');
    assert.equal(spawnSync('sox', [GO_FORWARD.path!, '-r', '44100', '-c', '2', flac]).status, 0);
    const { output } = await runExpert(pocketsphinxAsr, { audio: { kind: 'audio', mime: 'audio/flac', path: flac } });
    assert.equal(output.value, 'go forward ten meters');
  });
  it('fails clearly on a corrupt recording and on a language it lacks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troupe-asr-'));
    await writeFile(join(dir, 'bad.wav'), 'RIFF....WAVEfmt garbage');
    await assert.rejects(runExpert(pocketsphinxAsr, { audio: { kind: 'audio', mime: 'audio/wav', path: join(dir, 'bad.wav') } }), (e) => TroupeError.is(e, ErrorCode.InputCorrupt) && /pocketsphinx-asr/.test(e.message));
    await assert.rejects(runExpert(pocketsphinxAsr, { audio: GO_FORWARD }, { language: 'fr' }), (e) => TroupeError.is(e, ErrorCode.UnsupportedLanguage));
  });
});

describe('voice activity detection on a real recording', { skip: requireProgram('sox') }, () => {
  it('finds the speech in "go forward ten meters" and not the leading silence', async () => {
    const { output, note } = await runExpert(energyVad, { audio: GO_FORWARD });
    const value = output.value as { duration: number; segments: Array<{ start: number; end: number }> };
    assert.match(note!, new RegExp(`^speech at ${value.segments[0]!.start}–${value.segments[0]!.end} s`), 'the times themselves');
    assert.match(output.words!, /^Someone speaks from [\d.]+ to [\d.]+ seconds/);
    assert.ok(value.segments.length >= 1 && value.segments.length <= 4, JSON.stringify(value));
    assert.ok(value.segments[0]!.start > 0.1, 'the recording starts with silence');
    assert.ok(value.segments.at(-1)!.end <= value.duration);
  });
});

describe('sox audio transform', { skip: requireProgram('sox') }, () => {
  it('converts to FLAC at another sample rate', async () => {
    const { output, note } = await runExpert(soxAudioTransform, { audio: GO_FORWARD }, { format: 'flac', sample_rate: 8000 });
    const bytes = await readFile(output.path!);
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'fLaC');
    assert.equal(output.mime, 'audio/flac');
    assert.match(note!, /8000 Hz/);
  });
  it('writes MP3 when asked, through libsox-fmt-mp3', { skip: requireProgram('sox') }, async () => {
    const { output, note } = await runExpert(soxAudioTransform, { audio: GO_FORWARD }, { format: 'mp3' });
    const bytes = await readFile(output.path!);
    // An MP3 starts with an ID3 tag or an MPEG frame sync (11 set bits).
    assert.ok(bytes.subarray(0, 3).toString('latin1') === 'ID3' || (bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0), bytes.subarray(0, 4).toString('hex'));
    assert.equal(output.mime, 'audio/mpeg');
    assert.match(output.path!, /\.mp3$/);
    assert.match(note!, /^MP3/);
  });
  it('slows down when asked to, and speeds up when asked to (before, "slower" with no factor sped it up ×1.5)', async () => {
    const size = async (params: Record<string, unknown>) => (await readFile((await runExpert(soxAudioTransform, { audio: GO_FORWARD }, { format: 'wav', ...params })).output.path!)).length;
    const same = await size({});
    assert.ok((await size({ operation: 'slower' })) > same * 1.3);
    assert.ok((await size({ operation: 'slower', factor: 2 })) > same * 1.8);
    assert.ok((await size({ operation: 'faster' })) < same * 0.8);
  });
  it('makes a recording louder or quieter, as asked', async () => {
    const peak = async (params: Record<string, unknown>) => {
      const { output } = await runExpert(soxAudioTransform, { audio: GO_FORWARD }, { format: 'wav', ...params });
      const { stderr } = spawnSync('sox', [output.path!, '-n', 'stat'], { encoding: 'utf8' });
      return Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(stderr)![1]);
    };
    const same = await peak({});
    assert.ok((await peak({ operation: 'louder' })) > same * 1.3);
    assert.ok((await peak({ operation: 'quieter' })) < same * 0.7);
  });
  it('trims silence, making the recording shorter', async () => {
    const { output } = await runExpert(soxAudioTransform, { audio: GO_FORWARD }, { operation: 'trim-silence' });
    assert.ok((await readFile(output.path!)).length < (await readFile(GO_FORWARD.path!)).length);
  });
});

describe('flite speech', { skip: requireProgram('flite') }, () => {
  it('speaks English, and refuses Spanish so the next candidate can take over', async () => {
    const { output } = await runExpert(fliteTts, { text: textArtifact('The library is closed on Sunday.') });
    assert.equal((await readFile(output.path!)).subarray(8, 12).toString('latin1'), 'WAVE');
    const spanish = { ...textArtifact('La biblioteca está cerrada el domingo.'), language: 'es' };
    await assert.rejects(runExpert(fliteTts, { text: spanish }), (e) => TroupeError.is(e, ErrorCode.UnsupportedLanguage));
    await assert.rejects(runExpert(fliteTts, { text: textArtifact('go') }, { voice: 'nobody' }), /no voice "nobody"/);
  });
  // Of flite's voices only rms survives this round trip word for word (slt: "go far in ten years").
  it('round-trips through speech recognition with the rms voice', { skip: requireProgram('pocketsphinx_continuous') }, async () => {
    const { output } = await runExpert(fliteTts, { text: textArtifact('go forward ten meters') }, { voice: 'rms' });
    const heard = await runExpert(pocketsphinxAsr, { audio: output });
    assert.equal(heard.output.value, 'go forward ten meters');
  });
});
