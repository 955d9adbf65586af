import { TaskTypeSchema, type TaskType } from '../../core/task-type.js';

/**
 * Task types only a language or vision model serves here. They join the catalog when an
 * OpenAI-compatible server that can run them is configured, so the planners never plan a
 * step nothing could run. `format: "request"` marks a parameter the user's own words fill.
 */
// The question a question-answering type answers: the user's own words.
const QUESTION = { type: 'object', properties: { question: { type: 'string', format: 'request', description: "the question, in the user's words" } }, required: ['question'] };

export const OPENAI_TASK_TYPES: readonly TaskType[] = [
  {
    id: 'question-answering',
    name: 'Question answering',
    hfPipelineTag: 'question-answering',
    description: 'Answer a question about a text: find what the given text (a document, an article, a transcript) says about who, what, when, where or how much.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text that holds the answer' }],
    output: { modality: 'text', description: 'the answer' },
    params: QUESTION,
    examples: ['answer my question about this text', 'according to the document, when does the offer end', 'what does the article say about the price'],
  },
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
