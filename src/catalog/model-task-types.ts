import { TaskTypeSchema, type TaskType } from '../core/task-type.js';

/**
 * Task types only a language or vision model serves here. They join the catalog when an
 * OpenAI-compatible server that can run them is configured, so the planners never plan a
 * step nothing could run. `format: "request"` marks a parameter the user's own words fill.
 */
// The question a visual question-answering type answers: the user's own words.
const QUESTION = { type: 'object', properties: { question: { type: 'string', format: 'request', description: "the question, in the user's words" } }, required: ['question'] };

export const OPENAI_TASK_TYPES: readonly TaskType[] = [
  {
    id: 'image-captioning',
    name: 'Image captioning',
    hfPipelineTag: 'image-to-text',
    description: 'Describe a picture in a sentence: a caption that says what the photo or image shows (the scene, the objects, the people).',
    inputs: [{ name: 'image', modality: 'image', description: 'the picture to describe' }],
    output: { modality: 'text', description: 'the caption' },
    params: { type: 'object', properties: {} },
    examples: ['describe this photo', 'what is in this picture', 'write a caption for the image'],
  },
  {
    id: 'visual-question-answering',
    name: 'Visual question answering',
    hfPipelineTag: 'visual-question-answering',
    description: 'Answer a question about a picture: how many, what colour, where, what is happening in the image or photo.',
    inputs: [{ name: 'image', modality: 'image', description: 'the picture the question is about' }],
    output: { modality: 'text', description: 'the answer' },
    params: QUESTION,
    examples: ['how many cups are on the table in this photo', 'what colour is the car in the picture', 'is there a dog in this image'],
  },
].map((t) => TaskTypeSchema.parse(t));

/**
 * Task types people ask for that no expert here serves, even with a model server: known, so
 * that the built-in planner can recognise such a request and say plainly that nothing here
 * does it, rather than plan the nearest expert that would answer something else.
 */
export const UNSERVED_TASK_TYPES: readonly TaskType[] = [
  {
    id: 'text-to-image',
    name: 'Image generation',
    hfPipelineTag: 'text-to-image',
    description: 'Generate a new picture from a description: draw or paint an image, an illustration or a logo of something.',
    inputs: [{ name: 'text', modality: 'text', description: 'what the picture should show' }],
    output: { modality: 'image', description: 'the generated picture' },
    params: { type: 'object', properties: {} },
    examples: ['generate a picture of a cat', 'draw me a house by a lake', 'create a logo for my shop'],
  },
  {
    id: 'text-generation',
    name: 'Text generation',
    hfPipelineTag: 'text-generation',
    description: 'Write new text, or rewrite one: a story, a poem, song lyrics, a joke, an email or a reply in a conversation, on a subject or in a style; the same text reworded in another tone, more formal, polite, professional, casual or friendly; corrected: fix the grammar and the spelling mistakes, proofread it, improve the wording.',
    inputs: [{ name: 'text', modality: 'text', description: 'the subject or the start of the text' }],
    output: { modality: 'text', description: 'the written text' },
    params: { type: 'object', properties: {} },
    examples: ['write a poem about the sea', 'compose a song', 'tell me a joke', 'write an email to my landlord'],
  },
  {
    id: 'image-editing',
    name: 'Image editing by content',
    hfPipelineTag: 'image-to-image',
    description: 'Change what a photo shows: remove or replace a person or an object and fill in the background, remove a watermark, restyle the photo as a painting, change the season or the sky.',
    inputs: [{ name: 'image', modality: 'image', description: 'the photo to change' }],
    output: { modality: 'image', description: 'the changed photo' },
    params: { type: 'object', properties: {} },
    examples: ['remove the person from this photo', 'remove the watermark', 'paint this photo in the style of van gogh'],
  },
  {
    id: 'audio-classification',
    name: 'Audio classification',
    hfPipelineTag: 'audio-classification',
    description: 'Tell what is heard and who: identify the speaker or the singer by their voice, whether a man or a woman speaks, their accent, the song, the music genre, the instrument playing, or a sound such as a dog barking or a siren.',
    inputs: [{ name: 'audio', modality: 'audio', description: 'the recording' }],
    output: { modality: 'json', description: 'the labels' },
    params: { type: 'object', properties: {} },
    examples: ['who is speaking here', 'what song is this', 'which instrument is that', 'is that a siren'],
  },
  {
    id: 'video-generation',
    name: 'Video generation',
    hfPipelineTag: 'text-to-video',
    description: 'A video or an animation generated from a description or from a set of photos.',
    inputs: [
      { name: 'images', modality: 'image', description: 'the photos to make it from' },
      { name: 'text', modality: 'text', description: 'what the video should show', required: false },
    ],
    output: { modality: 'video', description: 'the video' },
    params: { type: 'object', properties: {} },
    examples: ['make a video from these photos', 'create an animation of a bouncing ball'],
  },
  {
    id: 'video-classification',
    name: 'Video understanding',
    hfPipelineTag: 'video-classification',
    description: 'Tell what a video shows: describe what happens in it, the action or activity, the sport being played, what the people in it are doing.',
    inputs: [{ name: 'video', modality: 'video', description: 'the video' }],
    output: { modality: 'json', description: 'the labels or the description' },
    params: { type: 'object', properties: {} },
    examples: ['describe this video', 'what is happening in the video', 'what are they doing in this clip'],
  },
  {
    id: 'audio-editing',
    name: 'Audio editing by content',
    hfPipelineTag: 'audio-to-audio',
    description: 'Change what a recording sounds like: remove the background noise or the music, separate the voice from the music, change the pitch or the voice, add an echo or reverb, play it backwards.',
    inputs: [{ name: 'audio', modality: 'audio', description: 'the recording to change' }],
    output: { modality: 'audio', description: 'the changed recording' },
    params: { type: 'object', properties: {} },
    examples: ['remove the background noise', 'make my voice deeper', 'isolate the vocals', 'reverse this recording'],
  },
].map((t) => TaskTypeSchema.parse(t));
