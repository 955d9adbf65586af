import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pointsAtWriting } from './written-things.js';

describe('pointsAtWriting: a request about a thing that carries writing', () => {
  it('sees the things WordNet files under communication that the request points at', () => {
    for (const r of ['the poster: who is performing and when', "what's the wifi password on this card", 'when does the flyer say the sale ends', 'how much is the soup on this menu']) assert.ok(pointsAtWriting(r), r);
  });

  it('not a photo of a scene, nor what a question asks for', () => {
    for (const r of ['how many cups are on the table', 'who is the person in this photo', "what's the story behind this picture", 'tell me the news', 'answer this question about the photo: what color is the cup?']) assert.ok(!pointsAtWriting(r), r);
  });
});
