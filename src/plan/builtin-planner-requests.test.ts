import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCatalog } from '../app/default-catalog.js';
import type { Modality, SniffedFile } from '../core/modality.js';
import { localSentenceEncoder } from '../retrieval/sentence-encoder.js';
import { planWithoutLlm } from './builtin-planner.js';
import { meaningRanks } from './clause-meaning.js';
import { validatePlan } from './validate-plan.js';

// Requests in users' words, with the task chain the built-in planner must produce from
// the default catalog's documentation. None of these wordings appears in that documentation.
const CASES: Array<[string, Modality | null, string[]]> = [
  ['Read the sign in this photo, translate it into Spanish and read it aloud', 'image', ['ocr', 'translation', 'text-to-speech']],
  ['Translate the text in this picture into Catalan', 'image', ['ocr', 'translation']],
  ['blur the photo, then read the text in it', 'image', ['image-to-image', 'ocr']],
  ['what objects can you see in this picture?', 'image', ['object-detection']],
  // "pic" is a picture (before: no kind word, and "see" asked for a caption nothing here writes).
  ['whats on the table in this pic', 'image', ['object-detection']],
  ['how many people are in this photo', 'image', ['object-detection']],
  ['find the faces in this photo and tell me how old they look', 'image', ['face-analysis']],
  ['draw the skeleton of the person in this photo', 'image', ['keypoint-detection']],
  // The pose model's keypoints include the face's: nose, eyes, ears (before: a refusal).
  ['where are the eyes and nose', 'image', ['keypoint-detection']],
  // "Read the sign out" speaks it (before: the sign read, nothing spoken).
  ['read the sign out', 'image', ['ocr', 'text-to-speech']],
  ['transcribe this recording and translate it into Spanish', 'audio', ['automatic-speech-recognition', 'translation']],
  ['what does the speaker say?', 'audio', ['automatic-speech-recognition']],
  ['find the speech segments in this recording', 'audio', ['voice-activity-detection']],
  ['convert this recording to flac', 'audio', ['audio-to-audio']],
  // "mp3" names a format, not a number (it had been dropped with the numbers: speech recognition, then a voice).
  ['turn this into an mp3', 'audio', ['audio-to-audio']],
  ['trim the silence from this recording and make it louder', 'audio', ['audio-to-audio', 'audio-to-audio']],
  ['transcribe the recording, then tell me whether the speaker sounds positive or negative', 'audio', ['automatic-speech-recognition', 'sentiment-analysis']],
  ['I have a recording of a lecture. Please give me a brief summary of it.', 'audio', ['automatic-speech-recognition', 'summarization']],
  // Light verbs name no step: "make a summary" is summarizing (before: an audio edit, by "make").
  ['i have a recording of a lecture, please make a summary of it', 'audio', ['automatic-speech-recognition', 'summarization']],
  ['make the photo look sharper', 'image', ['image-to-image']],
  // Talking is speaking (before: a question answered from the transcript; "when does he talk" transcribed).
  ['when does he talk', 'audio', ['voice-activity-detection']],
  // The user listening wants it heard (before: the summary alone); a text wanted "as text" is read, not spoken (before: spoken again).
  ['i want to listen to the summary', 'text', ['summarization', 'text-to-speech']],
  ['pull the speech out as text', 'video', ['video-to-audio', 'automatic-speech-recognition']],
  // A lone verb before a verb is a step of its own (before: one clause, the summary lost); before a noun's verb it shares the object.
  ['summarise and translate to spanish', 'text', ['summarization', 'translation']],
  ['identify and count the people', 'image', ['object-detection']],
  // Labels listed after "one of:" are one clause's choices (before: "politics" asked for text generation).
  ['sort this text into one of: sports, politics, business', 'text', ['zero-shot-classification']],
  // "Too bright" asks to darken (before: no plan, its only opposite "dull", which no documentation says).
  ['this photo is way too bright', 'image', ['image-to-image']],
  ['could you please look at this photo and tell me how many people there are', 'image', ['object-detection']],
  // The video named is what is changed, so the result is a video: no summary for "shorter".
  ['make the video shorter, just the first 3 seconds, and remove the sound', 'video', ['video-to-video', 'video-to-video']],
  ['listen to this and tell me what they\'re talking about', 'audio', ['automatic-speech-recognition']],
  ['I want to hear this text', 'text', ['text-to-speech']],
  // Labels offered to choose among say the step, in words no documentation uses (before: no plan; an answer to a question).
  ['categorize this as urgent or not urgent', 'text', ['zero-shot-classification']],
  // No round trip: speech synthesis of a recording's transcript gives a recording back (before: ASR → TTS).
  ['this audio make more loud please', 'audio', ['audio-to-audio']],
  ["What's the French for 'good night'?", null, ['translation']],
  // Writing is no language identification (before: "who wrote this" and "write it down" planned it, by "written in").
  ['listen to this and write it down', 'audio', ['automatic-speech-recognition']],
  ['which language is this written in', 'text', ['language-identification']],
  ['Hi! Attached is a picture of a street sign from my trip. Could you please tell me what it says and translate it into Spanish for me?', 'image', ['ocr', 'translation']],
  ["Here is an article I found. I don't have time to read it, summarize please.", 'text', ['summarization']],
  // A question about a picture of a thing that carries writing is answered from its text (before: no plan).
  ["what's the wifi password on this card", 'image', ['ocr', 'question-answering']],
  ['the poster: who is performing and when', 'image', ['ocr', 'question-answering']],
  ['how many cups are on the table', 'image', ['object-detection']],
  // Removing the sound track is muting the video (before: the sound track extracted, by "track").
  ['remove the audio track', 'video', ['video-to-video']],
  ['delete the sound from the clip', 'video', ['video-to-video']],
  ['extract the audio track', 'video', ['video-to-audio']],
  // Subtitles are the words spoken (before: no plan; a video edit).
  ['i need subtitles for this', 'audio', ['automatic-speech-recognition']],
  ['I need subtitles for this video', 'video', ['video-to-audio', 'automatic-speech-recognition']],
  ['is this urgent or not urgent', 'text', ['zero-shot-classification']],
  // Not when the labels are a property another type gives, nor when the chooser would read a photo's text.
  ['is this review positive or negative', 'text', ['sentiment-analysis']],
  // A thing named beside the kind it is wanted as is its own step, then turned into that kind
  // (before: speech synthesis of the whole text; the summary was lost).
  ['send me the summary as audio', 'text', ['summarization', 'text-to-speech']],
  ['make an audio summary', 'text', ['summarization', 'text-to-speech']],
  ['give me the text of this poster as audio', 'image', ['ocr', 'text-to-speech']],
  ['turn this text into audio', 'text', ['text-to-speech']],
  ['is this person male or female', 'image', ['face-analysis']],
  ['find text in this image', 'image', ['ocr']],
  // A "voice memo" is a recording: its "voice" names no voice activity (before: detected).
  ['Turn this voice memo into text and summarize it.', 'audio', ['automatic-speech-recognition', 'summarization']],
  // "The Spanish version" wants the text in Spanish: "version" names no summary (before: summarized).
  ['give me the spanish version', 'text', ['translation']],
  ['give me the short version', 'text', ['summarization']],
  // The kind grabbed is the result, though where it comes from goes unsaid (before: a frame, then OCR).
  ['grab the audio and transcribe it', 'video', ['video-to-audio', 'automatic-speech-recognition']],
  // The parts with speech are voice activity, not parts of speech to tag (before: transcribed and tagged).
  ['find the parts with speech', 'audio', ['voice-activity-detection']],
  ['when does the speaker pause', 'audio', ['voice-activity-detection']],
  ['draw boxes around the objects', 'image', ['object-detection']],
  // Non-native wording: "is possible to" asks for the action (before: no edit, as a question of what is);
  // "more small" is smaller ("more" only says more of it: before, "more light" brightened it).
  ['Is possible to make the audio more fast?', 'audio', ['audio-to-audio']],
  ['Please, for the photo, make it more small and turn to black white.', 'image', ['image-to-image', 'image-to-image']],
  // What a text is about is its gist; an amount said as a sentence of its own is the summary's length.
  ['What is this document about? Three sentences max.', 'text', ['summarization']],
  // "The speaker" is who is heard in the recording, not a word for transcribing (before: the transcript alone).
  ['who does the speaker mention', 'audio', ['automatic-speech-recognition', 'token-classification']],
  ['Please summarize what is said in this recording', 'audio', ['automatic-speech-recognition', 'summarization']],
  ['Give me a summary of what was discussed', 'audio', ['automatic-speech-recognition', 'summarization']],
  ['Tell me what is said in this recording', 'audio', ['automatic-speech-recognition']],
  ['summarize this article in 2 sentences', 'text', ['summarization']],
  ['Could you condense it for me?', 'text', ['summarization']],
  ['Please distill the main points', 'text', ['summarization']],
  ['summarize this article, then read the summary aloud', 'text', ['summarization', 'text-to-speech']],
  ['who and what places are mentioned in this text?', 'text', ['token-classification']],
  ['tag the parts of speech in this text', 'text', ['token-classification']],
  ["is this review positive or negative: 'The food was wonderful but the service was painfully slow.'", null, ['sentiment-analysis']],
  ["which language is 'Dit is een korte zin in het Nederlands' written in?", null, ['language-identification']],
  // A video reaches speech recognition through its sound track (two converting steps found by search).
  ['transcribe this video', 'video', ['video-to-audio', 'automatic-speech-recognition']],
  ['what does the presenter say in this clip? put it in Spanish', 'video', ['video-to-audio', 'automatic-speech-recognition', 'translation']],
  ['grab a still from the middle of this video', 'video', ['video-to-image']],
  ['where does the camera cut in this movie', 'video', ['scene-detection']],
  // A list of choices is one clause, and offering choices asks to choose (before: split at its
  // commas, "is this email about billing" was a request to write an email).
  ['is this email about billing, shipping or returns?', 'text', ['zero-shot-classification']],
  // An edit answers no question about what is (before: "where" trimmed the silence, "what
  // color" made the photo grayscale), but answers one asking for it.
  ['is there any silence in this recording?', 'audio', ['voice-activity-detection']],
  ['what would it look like in black and white?', 'image', ['image-to-image']],
  ['how do I make it brighter?', 'image', ['image-to-image']],
  // Porter's stemmer read "animal" as "animation" (before: refused as video generation).
  ['what animal is this', 'image', ['object-detection']],
  // Two operations in one clause are two steps (before: the first one read was all).
  ['make it smaller and grayscale', 'image', ['image-to-image', 'image-to-image']],
  ['trim the silence and normalize', 'audio', ['audio-to-audio', 'audio-to-audio']],
  ['make this photo black and white', 'image', ['image-to-image']],
  // A video's transcript is its speech, recognised (before: a frame, read by OCR).
  ['translate the transcript of this video to spanish', 'video', ['video-to-audio', 'automatic-speech-recognition', 'translation']],
  // "Read me" is reading aloud (before: OCR alone).
  ['read me the text on this image', 'image', ['ocr', 'text-to-speech']],
  // "Put" and "make … into" convert (before: the sign read, never spoken).
  ['put the sign text into speech', 'image', ['ocr', 'text-to-speech']],
  // The kind taken out of a thing is the result wanted (before: "take" grabbed a frame).
  ['Take the audio from this video and remove silence', 'video', ['video-to-audio', 'audio-to-audio']],
  // An amount alone is the step's parameter, not a step (before: language identification, for "sentences").
  ['Please I need this document shorter, maybe 3 sentences', 'text', ['summarization']],
  // Labels offered are the parameter, not words for what to do (before: speech synthesis, for "speech").
  ['is it hate speech or not, would you say', 'text', ['zero-shot-classification']],
  ['is it a speech transcript or a poem', 'text', ['zero-shot-classification']],
  // A thing asked of a message names what to do; the message is the file (before: speech recognition alone, for "speech").
  ['what was the main point of his speech', 'audio', ['automatic-speech-recognition', 'summarization']],
  // "What X" asks X: a type whose words never say it is no answer (before: the companies named, for "company").
  ['what year did the firm go public, according to the text', 'text', ['question-answering']],
  // A feeling asked of a photo is its faces' emotion, which the question names however few words it shares (before: OCR, then sentiment).
  ['how does he feel', 'image', ['face-analysis']],
  // "Tell" carries no operation, as "make" and "give" (before: language identification, whose examples say "tell me the language").
  ['find the faces and tell their age', 'image', ['face-analysis']],
  // "What is the X on …" asks X too (before: part-of-speech tagging, for "tag").
  ['what is the price on the tag, going by the sign', 'image', ['ocr', 'question-answering']],
  // "Voice to text" is speech recognition (before: voice activity); the voice is not converted first.
  ['turn the voice into text, then translate it to spanish', 'audio', ['automatic-speech-recognition', 'translation']],
  // A clause that only adds to the step before it is that step (before: a cut with no length, then another cut).
  ['make the recording shorter, just the first 20 seconds', 'audio', ['audio-to-audio']],
  // Sentiment analysis documents emotion (before: question answering, for "what is the main emotion").
  ['what is the strongest emotion in this review', 'text', ['sentiment-analysis']],
  // The usual abbreviations are documented (before: no plan).
  ['tts please', 'text', ['text-to-speech']],
  ['stt', 'audio', ['automatic-speech-recognition']],
  // "Give me a transcript" asks for what speech recognition gives, not a question answered from a transcript.
  ['say which language she speaks, then give me a transcript', 'audio', ['automatic-speech-recognition', 'language-identification']],
  // Brands are named entities (before: question answering, for "which brands").
  ['which brands appear in this text', 'text', ['token-classification']],
  // A short wh-question after a yes/no question asks its detail: one question (before: a second answer to "which one" alone).
  ['is there an email address on this flyer? which one', 'image', ['ocr', 'question-answering']],
  // A clause that only names the kind wanted is that kind made, even when a file given is of that kind (before: read as naming the recording, and no speech).
  ['translate what she says to french and give me as audio', 'audio', ['automatic-speech-recognition', 'translation', 'text-to-speech']],
  // A verb after a comma asks, though the sentence opens by telling (before: "i cant hear anything" refused as audio classification).
  ['i cant hear anything, make louder', 'audio', ['audio-to-audio']],
  // "Which one" asks among the labels offered, not for a "one" (before: question answering).
  ['which one: complaint, question or praise', 'text', ['zero-shot-classification']],
  // A feeling asked of people in a photo is on their faces, however few words face analysis shares with the clause (before: OCR, then sentiment).
  ['tell me the mood of the people', 'image', ['face-analysis']],
  // A property a step already planned gives is that step's to answer (before: a sentiment of the faces' analysis).
  ['can you tell me how many faces there are and whether they look happy?', 'image', ['face-analysis']],
  // Non-native wordings: "listen" asks for speech; an amount after a complaint is the fix ("the video is too long, only first 10 seconds": before, a summary of its speech, then a cut).
  ['i want listen this text', 'text', ['text-to-speech']],
  ['the video is too long, only first 10 seconds', 'video', ['video-to-video']],
  ['this audio is very low, more volume please', 'audio', ['audio-to-audio']],
  // The pose model's keypoints are where the arms and legs are (before: object detection of people).
  ['where are her arms and legs', 'image', ['keypoint-detection']],
  // "How old" asks the age a face shows, whatever else "people" names (before: object detection of people).
  ['how old do the people here look', 'image', ['face-analysis']],
];

const FILES: Record<Modality, [string, SniffedFile]> = {
  image: ['photo.jpg', { modality: 'image', mime: 'image/jpeg' }],
  audio: ['talk.wav', { modality: 'audio', mime: 'audio/wav' }],
  text: ['article.txt', { modality: 'text', mime: 'text/plain' }],
  json: ['data.json', { modality: 'json', mime: 'application/json' }],
  video: ['clip.mp4', { modality: 'video', mime: 'video/mp4' }],
};

// By words alone, and as BuiltinController plans: each step checked against its meaning by
// the local sentence encoder (the real model, from its npm package).
for (const withMeaning of [false, true]) {
  describe(`built-in planner on requests in users' words${withMeaning ? ', steps checked by meaning' : ''}`, () => {
    const catalog = defaultCatalog();
    for (const [request, modality, expected] of CASES) {
      it(`${request} → ${expected.join(' → ')}`, async () => {
        const files = new Map(modality ? [FILES[modality]] : []);
        const meaning = withMeaning ? await meaningRanks(request, catalog, localSentenceEncoder()) : undefined;
        const { plan } = validatePlan(planWithoutLlm(request, catalog, files, meaning).plan, catalog, files);
        assert.deepEqual(plan.tasks.map((t) => t.task), expected);
        // Each step after the first works on the previous step's result.
        plan.tasks.slice(1).forEach((t, i) => assert.deepEqual(t.deps, [plan.tasks[i]!.id], `${t.id} should follow ${plan.tasks[i]!.id}`));
      });
    }
  });
}

describe('the built-in planner reads the format, accent and voice a request names', () => {
  const catalog = defaultCatalog();
  const cases: Array<[string, Modality | null, string, Record<string, unknown>]> = [
    ['Convert this recording to mp3.', 'audio', 'audio-to-audio', { format: 'mp3' }],
    ['convert this photo to jpg', 'image', 'image-to-image', { format: 'jpeg' }],
    // A format named is a conversion, a width in pixels a resize (before: a trim to WebM; no operation).
    ['make the video webm', 'video', 'video-to-video', { operation: 'convert', format: 'webm' }],
    ['make the image 800 pixels wide', 'image', 'image-to-image', { operation: 'resize', width: 800 }],
    ["Read this sentence aloud in a British voice: 'Mind the gap.'", null, 'text-to-speech', { accent: 'british' }],
    ["say 'good night' in a female voice", null, 'text-to-speech', { gender: 'female' }],
    ['cut this video to the first 3 seconds', 'video', 'video-to-video', { operation: 'trim', duration: 3 }],
    ['turn this clip into a gif', 'video', 'video-to-image', { format: 'gif' }],
    ['keep only the first 2 seconds of this recording', 'audio', 'audio-to-audio', { operation: 'cut', duration: 2 }],
    // The direction of a speed change (before: "speed", whose default sped a slowed-down recording up).
    ['slow this recording down', 'audio', 'audio-to-audio', { operation: 'slower' }],
    ['make this video half as fast', 'video', 'video-to-video', { operation: 'slower' }],
    ['make it twice as fast', 'audio', 'audio-to-audio', { operation: 'faster', factor: 2 }],
    ['speed up the video 2 times', 'video', 'video-to-video', { factor: 2 }],
    // Directions in words (before: "to the left" turned right, "brighter" sharpened, "quieter" converted nothing).
    ['rotate it to the left', 'image', 'image-to-image', { operation: 'rotate-left' }],
    ['make it brighter', 'image', 'image-to-image', { operation: 'brighten' }],
    ['make it bigger', 'image', 'image-to-image', { operation: 'larger' }],
    ['make the audio quieter', 'audio', 'audio-to-audio', { operation: 'quieter' }],
    // What a clause says the thing should become outweighs its verb (before: "turn" rotated it).
    ['turn it into a negative', 'image', 'image-to-image', { operation: 'invert' }],
    // A format named as the result is a conversion: the formats are documented under "convert"
    // (before: "turn" rotated it; "make it a webp" had no operation, an invalid plan).
    ['turn the photo into a jpeg', 'image', 'image-to-image', { operation: 'convert', format: 'jpeg' }],
    // What a verb of making names after its object is the result too (before: "turn" rotated it).
    ['turn the photo negative', 'image', 'image-to-image', { operation: 'invert' }],
    ['make it a webp', 'image', 'image-to-image', { operation: 'convert', format: 'webp' }],
    // A complaint asks for the opposite (before: "too slow" slowed the video further; "too dark" was a segmentation).
    ['the video is too slow', 'video', 'video-to-video', { operation: 'faster' }],
    ['photo too dark, fix', 'image', 'image-to-image', { operation: 'brighten' }],
    ['the picture is too big', 'image', 'image-to-image', { operation: 'smaller' }],
    ["it's too loud", 'audio', 'audio-to-audio', { operation: 'quieter' }],
    // A sound turned down is lowered (before: no operation).
    ['turn the volume down', 'audio', 'audio-to-audio', { operation: 'quieter' }],
    ['turn it up', 'audio', 'audio-to-audio', { operation: 'louder' }],
    // A span of time is where to start and how long to keep (before: "factor 2, duration 5").
    ['cut the video from 2 to 5 seconds', 'video', 'video-to-video', { start: 2, duration: 3 }],
    // A time as a clock or with its unit run on is so many seconds (before: no time at all).
    ['show me the frame at 4.5s', 'video', 'video-to-image', { at: 4.5 }],
    ['get a screenshot at 00:07', 'video', 'video-to-image', { at: 7 }],
    ['make a thumbnail 100px wide', 'image', 'image-to-image', { operation: 'resize', width: 100 }],
    // The first seconds taken off are where to start (before: kept; removed as silence).
    ['trim the first 5s off the video', 'video', 'video-to-video', { start: 5, duration: undefined }],
    ['remove the first 2 secs', 'audio', 'audio-to-audio', { operation: 'cut', start: 2 }],
    // Trimming to a length is cutting (before: a silence trim, with the length ignored).
    ['trim the recording to 10 seconds', 'audio', 'audio-to-audio', { operation: 'cut', duration: 10 }],
    ['trim the silence', 'audio', 'audio-to-audio', { operation: 'trim-silence' }],
    ['keep the part between 1 and 3 seconds', 'audio', 'audio-to-audio', { start: 1, duration: 2 }],
    // "2x" is two times (before: no factor); "grey" and "bw" are grayscale (before: a refusal, an invalid plan).
    ['2x speed', 'audio', 'audio-to-audio', { factor: 2 }],
    // The first seconds taken away are where to start (before: they were the part kept).
    ['remove the first 5 seconds', 'audio', 'audio-to-audio', { start: 5, duration: undefined }],
    ['cut the first 3 seconds off', 'video', 'video-to-video', { start: 3, duration: undefined }],
    ['make grey', 'image', 'image-to-image', { operation: 'grayscale' }],
    ['pic to bw', 'image', 'image-to-image', { operation: 'grayscale' }],
    // "one" is a number before a word a parameter counts (before: two sentences for "in one sentence").
    ['summarize it in one sentence', 'text', 'summarization', { sentences: 1 }],
    // The language a result goes into is not the one a step reads (before: OCR in French).
    ['sign text -> french pls', 'image', 'ocr', { language: undefined }],
    ['read the sign and put it into French', 'image', 'ocr', { language: undefined }],
    // Nor is a language offered as an answer (before: OCR in French).
    ['is the text on the sign in french or english', 'image', 'ocr', { language: undefined }],
    ['read this french sign', 'image', 'ocr', { language: 'fr' }],
    ['is the speech english', 'audio', 'automatic-speech-recognition', { language: undefined }],
    // The object asked about is the detector's label (before: face analysis for "find the cat", no plan for "where is the dog").
    ['where is the cat', 'image', 'object-detection', { find: 'cat' }],
    ['is there a horse in this shot?', 'image', 'object-detection', { find: 'horse' }],
    // "Lighten" is documented as brightening (before: no operation).
    ['lighten the picture a little', 'image', 'image-to-image', { operation: 'brighten' }],
    ['make the recording shorter, just the first 20 seconds', 'audio', 'audio-to-audio', { operation: 'cut', duration: 20 }],
    // Minutes are so many seconds (before: no length, "minute" unread).
    ['keep the first minute', 'audio', 'audio-to-audio', { operation: 'cut', duration: 60 }],
    ['cut the first 2 minutes', 'audio', 'audio-to-audio', { start: 120 }],
  ];
  for (const [request, modality, type, params] of cases) {
    it(`${request} → ${type} ${JSON.stringify(params)}`, () => {
      const files = new Map(modality ? [FILES[modality]] : []);
      const task = planWithoutLlm(request, catalog, files).plan.tasks.find((t) => t.task === type);
      assert.ok(task, `no ${type} step`);
      for (const [k, v] of Object.entries(params)) assert.equal(task.args[k], v, k);
    });
  }
});
