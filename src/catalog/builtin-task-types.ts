import { TaskTypeSchema, type TaskType } from './task-type.js';

/**
 * The task types Troupe's local experts serve. Descriptions and examples are the
 * documentation the built-in planner and the LLM read; keep them in a user's words.
 */
const RAW: unknown[] = [
  {
    id: 'ocr',
    name: 'Optical character recognition',
    hfPipelineTag: 'image-to-text',
    description:
      'Read the printed or written text in an image: signs, labels, documents, screenshots, scans, photos of text. Extracts the words as text.',
    inputs: [{ name: 'image', modality: 'image', description: 'the picture that contains text' }],
    output: { modality: 'text', description: 'the text found in the image' },
    params: {
      type: 'object',
      properties: {
        language: { type: 'string', format: 'language', description: 'language of the text in the image (ISO 639-1)', default: 'en' },
      },
    },
    examples: [
      'read the sign in this photo',
      'extract the text from this scanned document',
      'what does the label in the picture say',
      'transcribe the words written in this image',
    ],
  },
  {
    id: 'translation',
    name: 'Translation',
    hfPipelineTag: 'translation',
    description:
      'Translate text from one language into another language, e.g. English into Spanish. The source language is detected when not given.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text to translate' }],
    output: { modality: 'text', description: 'the translated text' },
    params: {
      type: 'object',
      properties: {
        target_language: { type: 'string', format: 'language', description: 'language to translate into (ISO 639-1)' },
        source_language: { type: 'string', format: 'language', description: 'language of the text (ISO 639-1); detected when absent' },
      },
      required: ['target_language'],
    },
    examples: ['translate it into Spanish', 'translate this text to English', 'how do you say this in Catalan'],
  },
  {
    id: 'text-to-speech',
    name: 'Text to speech',
    hfPipelineTag: 'text-to-speech',
    description:
      'Speak text aloud: synthesize a spoken audio recording (voice) of the text, read out loud, pronounce, say it, narrate.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text to speak' }],
    output: { modality: 'audio', description: 'a WAV recording of the speech' },
    params: {
      type: 'object',
      properties: {
        language: { type: 'string', format: 'language', description: 'language of the voice (ISO 639-1); detected from the text when absent' },
      },
    },
    examples: ['read it aloud', 'say this out loud', 'turn the text into speech', 'narrate the result as audio', 'speak it'],
  },
  {
    id: 'language-identification',
    name: 'Language identification',
    hfPipelineTag: 'text-classification',
    description: 'Identify which language a text is written in (detect the language), with a confidence for each likely language.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text whose language to identify' }],
    output: { modality: 'json', description: '{language, name, confidence, candidates}' },
    params: { type: 'object', properties: {} },
    examples: ['what language is this text in', 'detect the language of this sentence', 'which language is this written in'],
  },
  {
    id: 'image-to-image',
    name: 'Image transformation',
    hfPipelineTag: 'image-to-image',
    description:
      'Edit or transform a picture: make it black and white (grayscale), rotate, flip, mirror, blur, sharpen, resize or scale, crop, invert colours, or convert the image to another format (PNG, JPEG, WebP).',
    inputs: [{ name: 'image', modality: 'image', description: 'the picture to transform' }],
    output: { modality: 'image', description: 'the transformed picture' },
    params: {
      type: 'object',
      properties: {
        operation: {
          type: 'string',
          description: 'what to do to the image',
          oneOf: [
            { const: 'grayscale', description: 'black and white, greyscale, monochrome, desaturate, remove the colour' },
            { const: 'rotate', description: 'rotate, turn by an angle in degrees' },
            { const: 'flip', description: 'flip upside down, vertically' },
            { const: 'mirror', description: 'mirror, flip horizontally, left to right' },
            { const: 'blur', description: 'blur, soften, smooth, out of focus' },
            { const: 'sharpen', description: 'sharpen, make crisper, sharper' },
            { const: 'resize', description: 'resize, scale, shrink, enlarge, make smaller or bigger, thumbnail' },
            { const: 'crop', description: 'crop, cut out, trim to a square' },
            { const: 'invert', description: 'invert the colours, negative' },
            { const: 'convert', description: 'convert, save as another file format' },
          ],
        },
        angle: { type: 'number', description: 'rotation angle in degrees, clockwise', minimum: -360, maximum: 360 },
        width: { type: 'integer', description: 'width in pixels, wide', minimum: 1 },
        height: { type: 'integer', description: 'height in pixels, tall, high', minimum: 1 },
        scale: { type: 'number', description: 'size in percent of the original', minimum: 1 },
        sigma: { type: 'number', description: 'blur strength (radius)', minimum: 0.3 },
        format: { type: 'string', enum: ['png', 'jpeg', 'webp', 'gif', 'tiff'], description: 'output file format' },
      },
      required: ['operation'],
    },
    examples: ['make this photo black and white', 'rotate the picture 90 degrees', 'resize the image to 400 pixels wide', 'convert this image to webp', 'blur the photo'],
  },
];

export const BUILTIN_TASK_TYPES: readonly TaskType[] = RAW.map((t) => TaskTypeSchema.parse(t));
